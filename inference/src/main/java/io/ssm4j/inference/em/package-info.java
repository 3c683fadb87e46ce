/** Expectation-maximisation for the HMM family: E-step statistics, MAP M-steps, restarts and initialisation. */
package io.ssm4j.inference.em;
