/**
 * Spike trains ({@link io.ssm4j.datasets.spikes.SpikeTrains}) and their conversion to counts: binning over a window
 * or the whole recording, Gaussian smoothing, and trials cut around event times
 * ({@link io.ssm4j.datasets.spikes.SpikeBinning}, {@link io.ssm4j.datasets.spikes.CountSmoothing}).
 */
package io.ssm4j.datasets.spikes;
