package io.ssm4j.datasets.io;

import io.ssm4j.data.TimeSeries;

/**
 * One NWB {@code TimeSeries} (or a subtype such as {@code ElectricalSeries}, {@code RoiResponseSeries},
 * {@code SpatialSeries}) read from an NWB 2.x file: its values in {@code unit} and the time of every sample.
 *
 * <p>Following the NWB core schema, values are {@code data * conversion + offset} (the {@code conversion}
 * and {@code offset} attributes of {@code data}, default 1 and 0), so they are in the stated unit whatever
 * integer or float type the file stores. Times are in seconds: the {@code timestamps} dataset, or
 * {@code starting_time + i / rate} where {@code rate} is the attribute of {@code starting_time}.
 * Reference: NWB:N core schema 2.x, "TimeSeries" (https://nwb-schema.readthedocs.io).
 *
 * @param path          the group's HDF5 path, such as {@code /acquisition/lfp}
 * @param neurodataType the group's {@code neurodata_type} attribute; empty when the file gives none
 * @param unit          the {@code unit} attribute of {@code data}; empty when the file gives none
 * @param values        T x D: time first, the further axes of {@code data} flattened row-major into D;
 *                      NaN entries are missing values
 * @param timestamps    T times in seconds; do not modify
 */
public record NwbTimeSeries(String path, String neurodataType, String unit, TimeSeries values, double[] timestamps) {
}
