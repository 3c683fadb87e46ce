package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;

import java.util.OptionalDouble;

/**
 * Reads an NWB {@code TimeSeries} group into an {@link NwbTimeSeries}: data with its conversion applied, and
 * explicit or regularly sampled timestamps (see {@link NwbTimeSeries} for the rules).
 */
final class NwbTimeSeriesReader {
    private NwbTimeSeriesReader() {
    }

    /** Whether a path is a group shaped like a TimeSeries: a {@code data} dataset and its timing. */
    static boolean isTimeSeries(Hdf5File h, String path) throws FileFormatException {
        return h.isGroup(path) && h.isDataset(Hdf5File.join(path, "data"))
                && (h.isDataset(Hdf5File.join(path, "timestamps")) || h.isDataset(Hdf5File.join(path, "starting_time")));
    }

    static NwbTimeSeries read(Hdf5File h, String groupPath) throws FileFormatException {
        String path = Hdf5File.normalize(groupPath);
        if (!h.isGroup(path)) throw FileFormatException.of(h.source(), Hdf5File.field(path), "no such group (expected an NWB TimeSeries)");
        String dataPath = Hdf5File.join(path, "data");
        NdArray data = h.read(dataPath);
        if (data.ndim() == 0) {
            throw FileFormatException.of(h.source(), Hdf5File.field(dataPath), "is a scalar; TimeSeries data are T or T x D, time first");
        }
        int t = data.dim(0);
        if (t == 0) throw FileFormatException.of(h.source(), Hdf5File.field(dataPath), "has no time points");
        int d = data.size() / t;
        if (d == 0) throw FileFormatException.of(h.source(), Hdf5File.field(dataPath), "has a zero-length axis");
        double conversion = finiteAttribute(h, dataPath, "conversion", 1.0);
        double offset = finiteAttribute(h, dataPath, "offset", 0.0);
        double[] raw = data.dataView();
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) values[i] = raw[i] * conversion + offset;
        TimeSeries series;
        try {
            series = TimeSeries.of(values, t, d);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(h.source() + ": " + Hdf5File.field(dataPath) + " (times conversion " + conversion
                    + ", plus offset " + offset + "): " + e.getMessage(), e);
        }
        String unit = h.textAttribute(dataPath, "unit").orElse("");
        String type = h.textAttribute(path, "neurodata_type").orElse("");
        return new NwbTimeSeries(path, type, unit, series, timestamps(h, path, t));
    }

    private static double[] timestamps(Hdf5File h, String path, int t) throws FileFormatException {
        String explicit = Hdf5File.join(path, "timestamps");
        if (h.exists(explicit)) {
            NdArray ts = h.readFinite(explicit);
            if (ts.ndim() != 1 || ts.dim(0) != t) {
                throw FileFormatException.of(h.source(), Hdf5File.field(explicit), "shape " + NpyHeader.shapeRepr(ts.shape())
                        + " does not match data's " + t + " time points");
            }
            return ts.toArray();
        }
        String start = Hdf5File.join(path, "starting_time");
        if (!h.exists(start)) {
            throw FileFormatException.of(h.source(), Hdf5File.field(path), "has neither 'timestamps' nor 'starting_time'");
        }
        NdArray s = h.read(start);
        if (s.size() != 1) {
            throw FileFormatException.of(h.source(), Hdf5File.field(start), "holds " + s.size() + " values, expected one");
        }
        double t0 = s.dataView()[0];
        OptionalDouble rate = h.numberAttribute(start, "rate");
        if (rate.isEmpty()) throw FileFormatException.of(h.source(), Hdf5File.field(start), "has no 'rate' attribute");
        double r = rate.getAsDouble();
        if (!(r > 0) || Double.isInfinite(r) || !Double.isFinite(t0)) {
            throw FileFormatException.of(h.source(), Hdf5File.field(start), "starting time " + t0 + " at rate " + r
                    + " Hz: expected a finite time and a finite rate > 0");
        }
        double[] out = new double[t];
        for (int i = 0; i < t; i++) out[i] = t0 + i / r;
        return out;
    }

    private static double finiteAttribute(Hdf5File h, String path, String name, double fallback) throws FileFormatException {
        double v = h.numberAttribute(path, name).orElse(fallback);
        if (!Double.isFinite(v)) {
            throw FileFormatException.of(h.source(), Hdf5File.field(path) + ", attribute '" + name + "'", "is " + v + ", expected a finite number");
        }
        return v;
    }
}
