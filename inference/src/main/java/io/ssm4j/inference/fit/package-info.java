/** Shared vocabulary of the fitting engines: options, progress, results. */
package io.ssm4j.inference.fit;
