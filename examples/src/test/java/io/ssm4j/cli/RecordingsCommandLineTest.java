package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npy;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static io.ssm4j.cli.CommandLineTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Recordings as DATA: a spike-time .txt binned with --bin-width and a .mat variable chosen with --variable give
 * the same posterior as the same counts in an .npy; datasets load writes real recordings as trials.
 */
class RecordingsCommandLineTest {
    @TempDir Path dir;

    /** A 2-state Poisson HMM over 3 neurons, its 400 x 3 counts as .npy, and the same spikes as text in 0.1 s bins. */
    private Map<String, NdArray> simulate(Path npy, Path txt) throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", NdArray.of(new double[] {0.5, 0.5}, 2));
        p.put("transition_matrix", NdArray.of(new double[] {0.95, 0.05, 0.1, 0.9}, 2, 2));
        p.put("rates", NdArray.of(new double[] {0.5, 3, 1, 4, 0.2, 2}, 2, 3));
        HiddenMarkovModel m = HmmFactory.fromParameters(HmmSpec.of(2, 3, EmissionType.POISSON), p);
        double[] y = m.sample(400, null, 0, Rng.seeded(5)).observations().toArrayWithNaN();
        y[0] += 1; // spikes in the first and last bins fix the binned span to exactly these 400 bins
        y[y.length - 1] += 1;
        Npy.write(npy, NdArray.of(y, 400, 3));
        SplittableRandom r = new SplittableRandom(6);
        StringBuilder text = new StringBuilder("neuron\ttime\n# neuron ids are 1-based, as in PP-Seq's demo\n");
        for (int t = 0; t < 400; t++) {
            for (int n = 0; n < 3; n++) {
                for (int k = 0; k < y[t * 3 + n]; k++) text.append(n + 1.0).append('\t').append((t + r.nextDouble(0.01, 0.99)) * 0.1).append('\n');
            }
        }
        Files.writeString(txt, text);
        return p;
    }

    private double logLikelihood(Path params, String... data) throws IOException {
        Path out = Files.createTempDirectory(dir, "post");
        String[] args = new String[6 + data.length];
        System.arraycopy(new String[] {"infer", "--no-figures", "--model-file", params.toString(), "--out", out.toString()}, 0,
                args, 0, 6);
        System.arraycopy(data, 0, args, 6, data.length);
        CommandLineTest.Run r = cli(args);
        assertEquals(0, r.status(), r.err());
        return Npz.read(out.resolve("posterior.npz")).get("log_likelihood").dataView()[0];
    }

    @Test
    void spikeTimeTextAndMatVariablesAreDataLikeNpy() throws IOException {
        Path npy = dir.resolve("counts.npy"), txt = dir.resolve("spikes.txt"), params = dir.resolve("params.npz");
        Npz.write(params, simulate(npy, txt));
        double reference = logLikelihood(params, npy.toString());
        assertEquals(reference, logLikelihood(params, "--bin-width", "0.1", txt.toString()), 1e-9);

        NdArray counts = Npy.read(npy);
        Matrix y = Mat5.newMatrix(400, 3);
        for (int t = 0; t < 400; t++) for (int n = 0; n < 3; n++) y.setDouble(t, n, counts.dataView()[t * 3 + n]);
        Path mat = dir.resolve("session.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("fs", Mat5.newScalar(10)).addArray("counts", y), mat.toFile());
        assertEquals(reference, logLikelihood(params, "--variable", "counts", mat.toString()), 1e-9);

        CommandLineTest.Run noWidth = cli("fit", "--states", "2", "--emissions", "poisson", "--out", dir.resolve("f").toString(),
                txt.toString());
        assertEquals(2, noWidth.status());
        assertTrue(noWidth.err().contains("spikes.txt") && noWidth.err().contains("bin width"), noWidth.err());
        CommandLineTest.Run ambiguous = cli("fit", "--states", "2", "--out", dir.resolve("g").toString(), mat.toString());
        assertEquals(2, ambiguous.status());
        assertTrue(ambiguous.err().contains("--variable") && ambiguous.err().contains("counts (double 400x3)"), ambiguous.err());
    }

    @Test
    void datasetsLoadWritesRealRecordingsAsTrials() throws IOException {
        Path home = Path.of(System.getProperty("ssm4j.shared", "../shared")).resolve("data");
        assumeTrue(Files.isDirectory(home.resolve("hippocampus-linear-track")), "shared data not found at " + home + "; skipping");
        Path out = dir.resolve("hippocampus.npz");
        CommandLineTest.Run r = cli("datasets", "load", "hippocampus-linear-track", "--data-home", home.toString(),
                "--bin-width", "2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        NdArray y = Npz.read(out).get("y");
        assertEquals(31, y.dim(1));
        double total = 0;
        for (double c : y.dataView()) total += c;
        assertEquals(28_829, total, "every spike of the README's 28,829");

        Path nile = dir.resolve("nile.npz");
        assertEquals(0, cli("datasets", "load", "classic-timeseries/nile", "--data-home", home.toString(), "--out",
                nile.toString()).status());
        assertArrayEquals(new int[] {100, 1}, Npz.read(nile).get("nile").shape());

        CommandLineTest.Run bad = cli("datasets", "load", "nascar", "--data-home", home.toString(), "--out", out.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown dataset 'nascar'") && bad.err().contains("songbird-hvc"), bad.err());
    }
}
