/** Gibbs samplers: blocked sampling of state paths and conjugate parameter updates. */
package io.ssm4j.inference.gibbs;
