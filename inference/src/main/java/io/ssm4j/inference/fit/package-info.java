/** Shared vocabulary of the fitting engines: options, progress, results, and cross-validation by held-out likelihood. */
package io.ssm4j.inference.fit;
