package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NWB files written with jHDF in pynwb's layout, read back value by value; and each kind of malformed file. */
class NwbFileTest {
    @TempDir
    Path dir;

    private Path fixture(Consumer<NwbFixture> change) {
        NwbFixture f = new NwbFixture();
        change.accept(f);
        Path p = dir.resolve("session.nwb");
        f.write(p);
        return p;
    }

    private Path fixture() {
        return fixture(f -> { });
    }

    @Test
    void listsEveryTimeSeriesInAcquisitionAndProcessing() throws Exception {
        try (NwbFile nwb = NwbFile.open(fixture())) {
            assertEquals("2.7.0", nwb.version());
            assertEquals(List.of("/acquisition/lfp", "/acquisition/position", "/processing/behavior/Position/xy"),
                    nwb.timeSeriesPaths());
        }
    }

    @Test
    void regularlySampledSeriesAppliesConversionAndOffset() throws Exception {
        NwbFixture f = new NwbFixture();
        try (NwbFile nwb = NwbFile.open(fixture())) {
            NwbTimeSeries lfp = nwb.timeSeries("acquisition/lfp/");
            assertEquals("/acquisition/lfp", lfp.path());
            assertEquals("TimeSeries", lfp.neurodataType());
            assertEquals("volts", lfp.unit());
            TimeSeries v = lfp.values();
            assertEquals(5, v.length());
            assertEquals(3, v.dim());
            for (int t = 0; t < 5; t++) {
                for (int d = 0; d < 3; d++) assertEquals(f.lfpData[t][d] * 0.5 - 1.0, v.value(t, d), "t=" + t + " d=" + d);
            }
            assertEquals(-4.0, v.value(2, 0));   // -6 * 0.5 - 1
            assertEquals(-8.0, v.value(4, 2));   // -14 * 0.5 - 1
            assertArrayEquals(new double[] {2.0, 2.01, 2.02, 2.03, 2.04}, lfp.timestamps(), 1e-12);
        }
    }

    @Test
    void explicitTimestampsAndNaNAsMissing() throws Exception {
        try (NwbFile nwb = NwbFile.open(fixture())) {
            NwbTimeSeries pos = nwb.timeSeries("/acquisition/position");
            assertEquals("m", pos.unit());
            assertEquals(4, pos.values().length());
            assertEquals(1, pos.values().dim());
            assertEquals(1, pos.values().missingCount());
            assertFalse(pos.values().isObserved(2, 0));
            assertEquals(1.0, pos.values().value(3, 0));
            assertArrayEquals(new double[] {0.1, 0.2, 0.4, 0.8}, pos.timestamps());

            NwbTimeSeries xy = nwb.timeSeries("/processing/behavior/Position/xy");
            assertEquals("SpatialSeries", xy.neurodataType());
            assertArrayEquals(new double[] {1.5, -2, 3, 4.25, 5, 6}, xy.values().valuesView());
            assertArrayEquals(new double[] {10.0, 10.5, 11.0}, xy.timestamps());
        }
    }

    @Test
    void unitsSplitByVectorIndexAndSorted() throws Exception {
        try (NwbFile nwb = NwbFile.open(fixture())) {
            NwbUnits units = nwb.units();
            assertEquals(3, units.count());
            assertArrayEquals(new long[] {10, 11, 12}, units.ids());
            assertArrayEquals(new double[] {0.1, 0.3, 0.5}, units.spikeTimes().get(0));
            assertArrayEquals(new double[0], units.spikeTimes().get(1));
            assertArrayEquals(new double[] {0.9, 1.2}, units.spikeTimes().get(2));
        }
    }

    @Test
    void trialsWithNumericAndTextColumns() throws Exception {
        try (NwbFile nwb = NwbFile.open(fixture())) {
            NwbTrials trials = nwb.trials();
            assertEquals(3, trials.count());
            assertArrayEquals(new long[] {0, 1, 2}, trials.ids());
            assertArrayEquals(new double[] {0.0, 1.0, 2.5}, trials.startTimes());
            assertArrayEquals(new double[] {0.9, 2.0, 3.0}, trials.stopTimes());
            assertEquals(List.of("correct"), List.copyOf(trials.columns().keySet()));
            NdArray correct = trials.columns().get("correct");
            assertEquals(NdArray.DType.BOOL, correct.dtype());
            assertArrayEquals(new double[] {1, 0, 1}, correct.dataView());
            assertEquals(List.of("left", "right", "left"), trials.textColumns().get("condition"));
        }
    }

    @Test
    void hdf5DatasetsKeepTheirElementTypeAndShape() throws Exception {
        try (Hdf5File h = Hdf5File.open(fixture())) {
            NdArray lfp = h.read("/acquisition/lfp/data");
            assertEquals(NdArray.DType.INT32, lfp.dtype());
            assertArrayEquals(new int[] {5, 3}, lfp.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, -6, 7, 8, 9, 10, 11, 12, 13, -14}, lfp.dataView());
            assertEquals(NdArray.DType.FLOAT32, h.read("processing/behavior/Position/xy/data").dtype());
            assertEquals(NdArray.DType.INT64, h.read("/units/id").dtype());
            NdArray start = h.read("/acquisition/lfp/starting_time");
            assertArrayEquals(new int[0], start.shape());
            assertEquals(2.0, start.dataView()[0]);
            assertArrayEquals(new String[] {"left", "right", "left"}, h.readText("/intervals/trials/condition"));
            assertTrue(h.isGroup("/units") && h.isDataset("/units/id") && !h.exists("/units/nothing"));
        }
    }

    // ---- malformed files: every one a FileFormatException naming the file, the HDF5 path and the problem ----

    private static void assertRefused(Path file, String hdfPath, String problem, Reader read) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> read.read(file));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains(hdfPath), m);
        assertTrue(m.contains(problem), m);
    }

    private interface Reader {
        void read(Path p) throws Exception;
    }

    private static Reader units() {
        return p -> {
            try (NwbFile nwb = NwbFile.open(p)) {
                nwb.units();
            }
        };
    }

    private static Reader series(String path) {
        return p -> {
            try (NwbFile nwb = NwbFile.open(p)) {
                nwb.timeSeries(path);
            }
        };
    }

    @Test
    void refusesAFileThatIsNotHdf5() throws Exception {
        Path p = dir.resolve("text.nwb");
        Files.writeString(p, "this is not an HDF5 file, only text that is long enough to hold a superblock\n");
        assertRefused(p, "", "not a readable HDF5 file", NwbFile::open);
        Path empty = Files.write(dir.resolve("empty.h5"), new byte[0]);
        assertRefused(empty, "", "not a readable HDF5 file", Hdf5File::open);
    }

    @Test
    void refusesHdf5ThatIsNotNwb() {
        assertRefused(fixture(f -> f.neurodataType = null), "neurodata_type", "missing: not an NWB 2.x file", NwbFile::open);
        assertRefused(fixture(f -> f.neurodataType = "Other"), "neurodata_type", "is 'Other'", NwbFile::open);
    }

    @Test
    void refusesAMissingGroup() {
        assertRefused(fixture(f -> f.writeUnits = false), "HDF5 path '/units'", "no such group", units());
        assertRefused(fixture(), "HDF5 path '/acquisition/eeg'", "no such group", series("acquisition/eeg"));
        assertRefused(fixture(), "HDF5 path '/no/such'", "no such group or dataset", p -> {
            try (Hdf5File h = Hdf5File.open(p)) {
                h.read("/no/such");
            }
        });
    }

    @Test
    void refusesAVectorIndexThatDecreasesOrRunsPastItsData() {
        assertRefused(fixture(f -> f.spikeIndex = new long[] {3, 2, 5}), "'/units/spike_times_index', element 1",
                "below the previous end 3", units());
        assertRefused(fixture(f -> f.spikeIndex = new long[] {3, 3, 6}), "'/units/spike_times_index', element 2",
                "past the end of 'spike_times' (5 values)", units());
        assertRefused(fixture(f -> f.spikeIndex = new long[] {3, 5}), "'/units/spike_times_index'",
                "does not have the table's 3 rows", units());
        assertRefused(fixture(f -> f.spikeIndex = new double[] {3, 3.5, 5}), "'/units/spike_times_index', element 1",
                "not an integer", units());
        assertRefused(fixture(f -> f.spikeTimes = new double[] {0.5, 0.1, Double.NaN, 1.2, 0.9}),
                "'/units/spike_times', element 2", "expected a finite number", units());
    }

    @Test
    void refusesTimestampsOfTheWrongRankOrLength() {
        assertRefused(fixture(f -> f.positionTimestamps = new double[][] {{0.1, 0.2}, {0.4, 0.8}}),
                "'/acquisition/position/timestamps'", "shape (2, 2) does not match data's 4 time points",
                series("/acquisition/position"));
        assertRefused(fixture(f -> f.positionTimestamps = new double[] {0.1, 0.2, 0.4}),
                "'/acquisition/position/timestamps'", "does not match data's 4 time points", series("/acquisition/position"));
        assertRefused(fixture(f -> f.positionTimestamps = null), "'/acquisition/position'",
                "neither 'timestamps' nor 'starting_time'", series("/acquisition/position"));
        assertRefused(fixture(f -> f.lfpRate = null), "'/acquisition/lfp/starting_time'", "no 'rate' attribute",
                series("/acquisition/lfp"));
        assertRefused(fixture(f -> f.lfpRate = -1f), "'/acquisition/lfp/starting_time'", "finite rate > 0",
                series("/acquisition/lfp"));
    }

    @Test
    void refusesTrialsThatStopBeforeTheyStart() {
        assertRefused(fixture(f -> f.trialStop = new double[] {0.9, 0.5, 3.0}), "'/intervals/trials/stop_time', element 1",
                "before its start", p -> {
                    try (NwbFile nwb = NwbFile.open(p)) {
                        nwb.trials();
                    }
                });
    }
}
