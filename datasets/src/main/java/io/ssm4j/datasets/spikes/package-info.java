/** Spike trains: binning of spike events into count matrices. */
package io.ssm4j.datasets.spikes;
