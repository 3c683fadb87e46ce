package io.ssm4j.datasets.catalog;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Csv;
import io.ssm4j.datasets.io.Fixtures;
import io.ssm4j.datasets.io.MatFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real recordings load as the trials their READMEs describe (skipped without ../shared/data): counts checked
 * against the derived CSV and the MAT-file's binned matrix, tables against their row counts and first values.
 */
class RealDatasetsTest {
    private static Path home() {
        Path home = Fixtures.shared().resolve("data");
        assumeTrue(Files.isDirectory(home.resolve("hippocampus-linear-track")), "shared data not found at " + home + "; skipping");
        return home;
    }

    private static double[] columnSums(NdArray a) {
        double[] s = new double[a.dim(1)];
        for (int i = 0; i < a.size(); i++) s[i % a.dim(1)] += a.dataView()[i];
        return s;
    }

    @Test
    void hippocampusCountsHoldEverySpikeOfEveryUnit() throws IOException {
        Path home = home();
        NdArray y = RealDatasets.load(home, "hippocampus-linear-track", null).trials().get("y");
        // spikes 4397.0..6365.1 s (README) on 0.5 s bins aligned to multiples of 0.5: 8794 .. 12730
        assertArrayEquals(new int[] {12730 - 8794 + 1, 31}, y.shape());
        double[] perUnit = new double[31];
        double[] csv = Csv.read(home.resolve("hippocampus-linear-track/spikes_derived.csv")).dataView();
        for (int r = 0; r < csv.length / 4; r++) perUnit[(int) csv[r * 4 + 1]]++;
        assertArrayEquals(perUnit, columnSums(y), "unit j of the counts is unit j of spikes_derived.csv");
        NdArray coarse = RealDatasets.load(home, "hippocampus-linear-track", 10.0).trials().get("y");
        assertArrayEquals(perUnit, columnSums(coarse));
        assertEquals(198, coarse.dim(0), "bins 439..636 of 10 s");
    }

    @Test
    void songbirdFramesCarryTheSpikesOfNeuralsColumns() throws IOException {
        Path home = home();
        NdArray y = RealDatasets.load(home, "songbird-hvc", null).trials().get("y");
        assertArrayEquals(new int[] {666, 75}, y.shape());
        NdArray neural = MatFiles.readMatrix(home.resolve("songbird-hvc/MackeviciusData.mat"), "NEURAL");
        for (int frame = 0; frame < 666; frame++) {
            int nonZero = 0, spikes = 0;
            for (int n = 0; n < 75; n++) {
                if (neural.dataView()[n * 666 + frame] != 0) nonZero++;
                spikes += (int) y.dataView()[frame * 75 + n];
            }
            assertEquals(nonZero, spikes, "frame " + (frame + 1));
        }
        assertEquals(111, RealDatasets.load(home, "songbird-hvc", 0.2).trials().get("y").dim(0), "22.2 s of 0.2 s bins");
    }

    @Test
    void tablesBecomeTrials() throws IOException {
        Path home = home();
        Map<String, NdArray> bouts = RealDatasets.load(home, "zebrafish-swim-bouts", null).trials();
        assertEquals(861, bouts.size(), "README: 861 trajectories");
        long steps = 0;
        for (NdArray t : bouts.values()) steps += t.dim(0);
        assertEquals(76_095, steps);
        assertEquals(47.9113, bouts.get("fish00_traj000").dataView()[0]);
        assertEquals(34.6502, bouts.get("fish00_traj000").dataView()[1]);

        Map<String, NdArray> classic = RealDatasets.load(home, "classic-timeseries", null).trials();
        assertEquals(new TreeMap<>(Map.of("nile", 100, "sunspots", 309, "earthquakes", 107)),
                new TreeMap<>(Map.of("nile", classic.get("nile").dim(0), "sunspots", classic.get("sunspots").dim(0),
                        "earthquakes", classic.get("earthquakes").dim(0))));
        Map<String, NdArray> nile = RealDatasets.load(home, "classic-timeseries/nile", null).trials();
        assertEquals(1, nile.size());
        assertEquals(1120, nile.get("nile").dataView()[0]);

        NdArray tectum = RealDatasets.load(home, "zebrafish-tectum-spontaneous", null).trials().get("y");
        assertArrayEquals(new int[] {4245, 114}, tectum.shape());
        assertEquals(0.17771, tectum.dataView()[114], "row 0, frame 1 of the file is frame 1, neuron 0");
        assertArrayEquals(new int[] {800, 146}, RealDatasets.load(home, "celegans-wholebrain-nsm", null).trials().get("y").shape());
    }

    @Test
    void wrongNamesAndOptionsAreRefused() throws IOException {
        Path home = home();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealDatasets.load(home, "nascar", null))
                .getMessage().contains("hippocampus-linear-track"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealDatasets.load(home, "classic-timeseries", 1.0))
                .getMessage().contains("spike-train"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealDatasets.load(home, "classic-timeseries/amazon", null))
                .getMessage().contains("nile"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RealDatasets.load(home, "songbird-hvc", -1.0))
                .getMessage().startsWith("bin width"));
    }
}
