package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fuzzes the HDF5 reader and the NWB layer on it: opens the input, walks every group, reads every dataset
 * as numbers or text, and, when the root says NWB, lists and reads every TimeSeries, the Units and the trials.
 * Seeds: {@code Hdf5FuzzTestInputs/readEverything/}, written by {@link Hdf5FuzzSeeds}. See
 * {@link ReaderProperty} for the property.
 */
class Hdf5FuzzTest {
    @FuzzTest(maxDuration = "30s")
    void readEverything(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".nwb", Hdf5FuzzTest::readAll);
    }

    private static void readAll(Path file) throws IOException {
        try (Hdf5File h = Hdf5File.open(file)) {
            for (String p : h.walk("/", 8)) {
                if (!h.isDataset(p)) continue;
                switch (h.content(p)) {
                    case NUMBERS -> h.read(p);
                    case TEXT -> h.readText(p);
                    case OTHER -> { }
                }
            }
            if (!NwbFile.isNwb(h)) return;
            NwbFile nwb = NwbFile.of(h);
            for (String p : nwb.timeSeriesPaths()) nwb.timeSeries(p);
            if (h.exists("/units")) nwb.units();
            if (h.exists("/intervals/trials")) nwb.trials();
        }
    }
}
