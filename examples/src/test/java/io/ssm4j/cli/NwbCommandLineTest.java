package io.ssm4j.cli;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fit} and {@code infer} on an NWB file: a Units table whose four units fire at rates set by a hidden
 * two-state sequence (20 s blocks), binned by {@code --bin-width}, and a TimeSeries chosen by {@code --series}.
 */
class NwbCommandLineTest {
    private static final double BLOCK = 20.0;
    private static final int BLOCKS = 10;
    private static final double[][] RATES = {{2, 10, 5, 1}, {10, 2, 1, 6}};

    @TempDir static Path dir;
    static Path nwb;
    static double firstSpike;

    @BeforeAll
    static void writeSession() {
        SplittableRandom rng = new SplittableRandom(7);
        List<Double> times = new ArrayList<>();
        long[] ends = new long[RATES[0].length];
        firstSpike = Double.POSITIVE_INFINITY;
        for (int unit = 0; unit < ends.length; unit++) {
            for (int b = 0; b < BLOCKS; b++) {
                double rate = RATES[b % 2][unit];
                for (double t = b * BLOCK - Math.log(rng.nextDouble()) / rate; t < (b + 1) * BLOCK; t -= Math.log(rng.nextDouble()) / rate) {
                    times.add(t);
                    firstSpike = Math.min(firstSpike, t);
                }
            }
            ends[unit] = times.size();
        }
        double[] gaussian = new double[400];
        for (int t = 0; t < gaussian.length; t++) gaussian[t] = (t / 40) % 2 * 4.0 + rng.nextDouble() - 0.5;
        nwb = dir.resolve("session.nwb");
        try (WritableHdfFile f = HdfFile.write(nwb)) {
            f.putAttribute("neurodata_type", "NWBFile");
            f.putAttribute("nwb_version", "2.7.0");
            WritableGroup series = f.putGroup("acquisition").putGroup("signal");
            series.putAttribute("neurodata_type", "TimeSeries");
            series.putDataset("data", gaussian).putAttribute("unit", "a.u.");
            series.putDataset("starting_time", 0.0).putAttribute("rate", 2.0);
            WritableGroup units = f.putGroup("units");
            units.putAttribute("neurodata_type", "Units");
            units.putDataset("id", new long[] {0, 1, 2, 3});
            units.putDataset("spike_times", times.stream().mapToDouble(Double::doubleValue).toArray());
            units.putDataset("spike_times_index", ends);
        }
    }

    @Test
    void poissonHmmOnBinnedUnitsFindsTheBlocks() throws IOException {
        Path fit = dir.resolve("fit"), inf = dir.resolve("inf");
        double width = 0.5;
        CommandLineTest.Run r = CommandLineTest.cli("fit", "--states", "2", "--emissions", "poisson", "--restarts", "2",
                "--seed", "1", "--threads", "1", "--no-figures", "--bin-width", "" + width, "--out", fit.toString(), nwb.toString());
        assertEquals(0, r.status(), r.err());
        r = CommandLineTest.cli("infer", "--model-file", fit.resolve("model.json").toString(), "--bin-width", "" + width,
                "--no-figures", "--out", inf.toString(), nwb.toString());
        assertEquals(0, r.status(), r.err());
        double[] path = Npz.read(inf.resolve("posterior.npz")).get("viterbi_0").dataView();
        assertTrue(path.length >= 398 && path.length <= 400, "bins: " + path.length);
        int same = 0;
        for (int b = 0; b < path.length; b++) {
            int block = (int) ((firstSpike + (b + 0.5) * width) / BLOCK);
            same += (int) path[b] == block % 2 ? 1 : 0;
        }
        int agree = Math.max(same, path.length - same);   // state labels are arbitrary
        assertTrue(agree > 0.95 * path.length, "Viterbi matches the blocks in only " + agree + " of " + path.length + " bins");
    }

    @Test
    void gaussianHmmOnATimeSeries() throws IOException {
        Path fit = dir.resolve("series-fit"), inf = dir.resolve("series-inf");
        CommandLineTest.Run r = CommandLineTest.cli("fit", "--states", "2", "--seed", "1", "--threads", "1", "--no-figures",
                "--series", "/acquisition/signal", "--out", fit.toString(), nwb.toString());
        assertEquals(0, r.status(), r.err());
        r = CommandLineTest.cli("infer", "--model-file", fit.resolve("model.json").toString(), "--series", "acquisition/signal",
                "--no-figures", "--out", inf.toString(), nwb.toString());
        assertEquals(0, r.status(), r.err());
        NdArray viterbi = Npz.read(inf.resolve("posterior.npz")).get("viterbi_0");
        assertArrayEquals(new int[] {400}, viterbi.shape());
        double[] v = viterbi.dataView();
        for (int t = 0; t < 400; t++) assertEquals(v[0] == 0 ? (t / 40) % 2 : 1 - (t / 40) % 2, v[t], 0, "t=" + t);
    }

    @Test
    void refusesMissingOrMisplacedSelections() {
        CommandLineTest.Run r = CommandLineTest.cli("fit", "--states", "2", "--out", dir.resolve("x").toString(), nwb.toString());
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--series PATH or --bin-width SECONDS") && r.err().contains("/acquisition/signal"), r.err());
        r = CommandLineTest.cli("fit", "--states", "2", "--series", "/acquisition/nothing", "--out", dir.resolve("y").toString(),
                nwb.toString());
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("'/acquisition/nothing'"), r.err());
    }
}
