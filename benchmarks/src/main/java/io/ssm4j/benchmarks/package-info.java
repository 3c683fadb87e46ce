/**
 * Speed measurements of ssm4j against the Python peers (ssm, hmmlearn, pomegranate): JMH benchmarks of the
 * hot paths ({@link io.ssm4j.benchmarks.ForwardBackwardBenchmark}, {@link io.ssm4j.benchmarks.EmIterationBenchmark})
 * and the side-by-side runner {@link io.ssm4j.benchmarks.Bench}, which times whole operations on the shared
 * peer datasets and sets them against the peers' recorded (or live) medians.
 */
package io.ssm4j.benchmarks;
