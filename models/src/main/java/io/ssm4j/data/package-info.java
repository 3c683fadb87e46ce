/** Data containers: a {@link io.ssm4j.data.TimeSeries} with mask and inputs, and ragged {@link io.ssm4j.data.Trials}. */
package io.ssm4j.data;
