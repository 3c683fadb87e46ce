package io.ssm4j.datasets.io;

import io.ssm4j.data.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** HDF5/NWB files as the command line's trials: a TimeSeries, a dataset, or binned Units. */
class Hdf5SeriesFilesTest {
    @TempDir
    Path dir;

    private Path nwb() {
        Path p = dir.resolve("s.nwb");
        new NwbFixture().write(p);
        return p;
    }

    @Test
    void knowsHdf5FileNames() {
        assertTrue(Hdf5SeriesFiles.handles(Path.of("a/b.NWB")));
        assertTrue(Hdf5SeriesFiles.handles(Path.of("b.h5")));
        assertTrue(Hdf5SeriesFiles.handles(Path.of("b.hdf5")));
        assertFalse(Hdf5SeriesFiles.handles(Path.of("b.npy")));
    }

    @Test
    void timeSeriesGroupIsOneTrialInItsUnit() throws Exception {
        List<TimeSeries> trials = Hdf5SeriesFiles.readTrials(nwb(), "/acquisition/lfp", null);
        assertEquals(1, trials.size());
        assertEquals(5, trials.get(0).length());
        assertEquals(3, trials.get(0).dim());
        assertEquals(4.5, trials.get(0).value(3, 2));   // 11 * 0.5 - 1
    }

    @Test
    void datasetIsReadLikeAnNpyArray() throws Exception {
        List<TimeSeries> trials = Hdf5SeriesFiles.readTrials(nwb(), "/acquisition/lfp/data", null);
        assertEquals(1, trials.size());
        assertEquals(11.0, trials.get(0).value(3, 2));  // stored value, no conversion
    }

    @Test
    void unitsBinnedOnAGridAlignedToTheWidthFromTheFirstSpikeThroughTheLast() throws Exception {
        // spikes: unit 10 at 0.1, 0.3, 0.5; unit 11 none; unit 12 at 0.9, 1.2. Bins of 0.25 s from 0 s (the multiple
        // of the width at or below the first spike), as spike-time .txt files are binned: [0, .25) .. [1, 1.25).
        List<TimeSeries> trials = Hdf5SeriesFiles.readTrials(nwb(), null, 0.25);
        assertEquals(1, trials.size());
        TimeSeries counts = trials.get(0);
        assertEquals(5, counts.length());
        assertEquals(3, counts.dim());
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1}, counts.valuesView());
    }

    @Test
    void needsExactlyOneSelectionAndListsWhatTheFileHolds() {
        Path p = nwb();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Hdf5SeriesFiles.readTrials(p, null, null));
        assertTrue(none.getMessage().contains("/acquisition/lfp, /acquisition/position, /processing/behavior/Position/xy"),
                none.getMessage());
        assertTrue(none.getMessage().contains("it has a Units table"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hdf5SeriesFiles.readTrials(p, "/acquisition/lfp", 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hdf5SeriesFiles.readTrials(p, null, -1.0));
        assertThrows(IllegalArgumentException.class, () -> Hdf5SeriesFiles.readTrials(p, null, 1e-12));
    }

    @Test
    void aRealHdf5DatasetAsOneTrial() throws Exception {
        Path h5 = Fixtures.shared().resolve("data/celegans-wholebrain-nsm/2022-07-26-31-data.h5");
        assumeTrue(Files.isRegularFile(h5), "C. elegans data not found at " + h5 + "; skipping");
        List<TimeSeries> trials = Hdf5SeriesFiles.readTrials(h5, "gcamp/trace_array", null);
        assertEquals(800, trials.get(0).length());
        assertEquals(146, trials.get(0).dim());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Hdf5SeriesFiles.readTrials(h5, null, null));
        assertTrue(none.getMessage().contains("/gcamp/trace_array"), none.getMessage());
        FileFormatException notNwb = assertThrows(FileFormatException.class, () -> Hdf5SeriesFiles.readTrials(h5, null, 1.0));
        assertTrue(notNwb.getMessage().contains("not an NWB 2.x file"), notNwb.getMessage());
    }
}
