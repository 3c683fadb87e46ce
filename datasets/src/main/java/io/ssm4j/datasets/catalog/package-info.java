/** The dataset catalog: real recordings in the shared data home, and built-in simulators. */
package io.ssm4j.datasets.catalog;
