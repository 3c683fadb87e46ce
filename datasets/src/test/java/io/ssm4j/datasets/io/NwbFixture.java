package io.ssm4j.datasets.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;

/**
 * Writes a small NWB 2.x file with jHDF, laid out as pynwb lays it out: root attributes {@code nwb_version},
 * {@code neurodata_type = NWBFile}, {@code namespace = core}; two acquisition TimeSeries (one regularly
 * sampled with {@code starting_time} and {@code rate}, one with {@code timestamps}); a SpatialSeries in a
 * processing module's {@code Position} container; a Units table; a trials table. Fields are public to the
 * tests so that each can break one piece. What jHDF cannot write is left out: object references (the
 * VectorIndex {@code target} and a TimeSeries' {@code electrodes}), so those attributes are absent.
 */
final class NwbFixture {
    String neurodataType = "NWBFile";

    /** {@code /acquisition/lfp}: int16 T=5 x D=3, conversion 0.5, offset -1, starting at 2 s at 100 Hz. */
    short[][] lfpData = {{0, 1, 2}, {3, 4, 5}, {-6, 7, 8}, {9, 10, 11}, {12, 13, -14}};
    double lfpConversion = 0.5;
    double lfpOffset = -1.0;
    double lfpStart = 2.0;
    Float lfpRate = 100.0f;

    /** {@code /acquisition/position}: float64 T=4, explicit timestamps. */
    double[] positionData = {0.25, 0.5, Double.NaN, 1.0};
    Object positionTimestamps = new double[] {0.1, 0.2, 0.4, 0.8};

    /** {@code /processing/behavior/Position/xy}: float32 T=3 x 2, explicit timestamps. */
    float[][] xyData = {{1.5f, -2f}, {3f, 4.25f}, {5f, 6f}};
    double[] xyTimestamps = {10.0, 10.5, 11.0};

    /** {@code /units}: three units; unit 11 has no spikes; times stored unsorted within a unit. */
    boolean writeUnits = true;
    long[] unitIds = {10, 11, 12};
    double[] spikeTimes = {0.5, 0.1, 0.3, 1.2, 0.9};
    Object spikeIndex = new long[] {3, 3, 5};

    /** {@code /intervals/trials}: three trials with a boolean and a text column. */
    long[] trialIds = {0, 1, 2};
    double[] trialStart = {0.0, 1.0, 2.5};
    double[] trialStop = {0.9, 2.0, 3.0};
    boolean[] trialCorrect = {true, false, true};
    String[] trialCondition = {"left", "right", "left"};

    void write(Path path) {
        try (WritableHdfFile f = HdfFile.write(path)) {
            f.putAttribute("nwb_version", "2.7.0");
            if (neurodataType != null) f.putAttribute("neurodata_type", neurodataType);
            f.putAttribute("namespace", "core");
            f.putDataset("session_description", "ssm4j test fixture");
            WritableGroup acquisition = f.putGroup("acquisition");
            writeLfp(acquisition.putGroup("lfp"));
            writePosition(acquisition.putGroup("position"));
            WritableGroup module = f.putGroup("processing").putGroup("behavior");
            typed(module, "ProcessingModule");
            WritableGroup container = module.putGroup("Position");
            typed(container, "Position");
            WritableGroup xy = container.putGroup("xy");
            typed(xy, "SpatialSeries");
            data(xy, xyData, "meters");
            xy.putDataset("timestamps", xyTimestamps).putAttribute("unit", "seconds");
            if (writeUnits) writeUnits(f.putGroup("units"));
            writeTrials(f.putGroup("intervals").putGroup("trials"));
        }
    }

    private void writeLfp(WritableGroup g) {
        typed(g, "TimeSeries");
        WritableDataset d = data(g, lfpData, "volts");
        d.putAttribute("conversion", lfpConversion);
        d.putAttribute("offset", lfpOffset);
        WritableDataset start = g.putDataset("starting_time", lfpStart);
        if (lfpRate != null) start.putAttribute("rate", lfpRate);
        start.putAttribute("unit", "seconds");
    }

    private void writePosition(WritableGroup g) {
        typed(g, "TimeSeries");
        data(g, positionData, "m");
        if (positionTimestamps != null) g.putDataset("timestamps", positionTimestamps).putAttribute("unit", "seconds");
    }

    private void writeUnits(WritableGroup g) {
        typed(g, "Units");
        g.putAttribute("colnames", new String[] {"spike_times"});
        g.putAttribute("description", "units");
        g.putDataset("id", unitIds);
        g.putDataset("spike_times", spikeTimes);
        g.putDataset("spike_times_index", spikeIndex);
    }

    private void writeTrials(WritableGroup g) {
        typed(g, "TimeIntervals");
        g.putAttribute("colnames", new String[] {"start_time", "stop_time", "correct", "condition"});
        g.putAttribute("description", "trials");
        g.putDataset("id", trialIds);
        g.putDataset("start_time", trialStart);
        g.putDataset("stop_time", trialStop);
        g.putDataset("correct", trialCorrect);
        g.putDataset("condition", trialCondition);
    }

    private static WritableDataset data(WritableGroup g, Object values, String unit) {
        WritableDataset d = g.putDataset("data", values);
        d.putAttribute("unit", unit);
        return d;
    }

    private static void typed(WritableGroup g, String type) {
        g.putAttribute("neurodata_type", type);
        g.putAttribute("namespace", "core");
    }
}
