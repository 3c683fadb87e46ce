package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sample} and {@code infer} with {@code --model lds}: ragged trials, NaN-as-missing, model.json, bad parameters. */
class LdsCommandLineTest {
    @TempDir static Path dir;
    static Path params;
    static Map<String, NdArray> p;

    @BeforeAll
    static void parameters() throws IOException {
        p = new LinkedHashMap<>();
        p.put("A", NdArray.of(new double[] {0.9, 0.1, -0.1, 0.9}, 2, 2));
        p.put("Q", NdArray.of(new double[] {0.2, 0.05, 0.05, 0.1}, 2, 2));
        p.put("C", NdArray.of(new double[] {1, 0, 0.5, 1, -1, 0.3}, 3, 2));
        p.put("R", NdArray.of(new double[] {0.3, 0, 0, 0, 0.2, 0.05, 0, 0.05, 0.4}, 3, 3));
        p.put("m0", NdArray.of(new double[] {1, -1}, 2));
        p.put("P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        params = dir.resolve("lds.npz");
        Npz.write(params, p);
    }

    static String run(int expected, String... args) {
        StringWriter err = new StringWriter();
        int status = Ssm4j.run(new PrintWriter(err, true), args);
        assertEquals(expected, status, err.toString());
        return err.toString();
    }

    @Test
    void sampleThenInferRaggedTrialsWithMissingEntries() throws IOException {
        Path a = dir.resolve("a.npz"), b = dir.resolve("b.npz");
        run(0, "sample", "--model", "lds", "--model-file", params.toString(), "--steps", "80", "--seed", "1", "--out", a.toString());
        run(0, "sample", "--model", "lds", "--model-file", params.toString(), "--steps", "50", "--seed", "2", "--out", b.toString());
        Map<String, NdArray> sa = Npz.read(a);
        assertArrayEquals(new int[] {80, 2}, sa.get("states").shape());
        double[] ya = sa.get("observations").toArray();
        ya[7] = Double.NaN;
        ya[3 * 10] = ya[3 * 10 + 1] = ya[3 * 10 + 2] = Double.NaN;
        Map<String, NdArray> trials = new LinkedHashMap<>();
        trials.put("t0", NdArray.of(ya, 80, 3));
        trials.put("t1", Npz.read(b).get("observations"));
        Path data = dir.resolve("trials.npz"), out = dir.resolve("post");
        Npz.write(data, trials);
        run(0, "infer", "--model", "lds", "--model-file", params.toString(), "--threads", "2", "--repeat", "2",
                "--out", out.toString(), data.toString());
        Map<String, NdArray> post = Npz.read(out.resolve("posterior.npz"));
        assertTrue(Files.readString(out.resolve("infer.json")).contains("median_seconds"));
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(p);
        int i = 0;
        for (NdArray y : trials.values()) {
            SmoothedPosterior s = KalmanSmoother.smooth(m, TimeSeries.of(y.dataView(), y.dim(0), 3));
            assertEquals(s.logLikelihood(), post.get("log_likelihood").dataView()[i], 1e-12 * Math.abs(s.logLikelihood()));
            assertArrayEquals(new int[] {y.dim(0), 2}, post.get("smoothed_means_" + i).shape());
            assertArrayEquals(new int[] {y.dim(0), 2, 2}, post.get("smoothed_covariances_" + i).shape());
            assertArrayEquals(s.means(), post.get("smoothed_means_" + i).dataView(), 0.0);
            assertArrayEquals(s.covariances(), post.get("smoothed_covariances_" + i).dataView(), 0.0);
            i++;
        }
        Path json = dir.resolve("lds.json"), out2 = dir.resolve("post-json");
        LdsModelFile.write(json, m, null, null);
        run(0, "infer", "--model", "lds", "--model-file", json.toString(), "--out", out2.toString(), data.toString());
        assertArrayEquals(post.get("log_likelihood").dataView(), Npz.read(out2.resolve("posterior.npz")).get("log_likelihood").dataView(), 0.0);
    }

    @Test
    void nonPsdNoiseCovarianceFailsWithOneClearLine() throws IOException {
        Map<String, NdArray> bad = new LinkedHashMap<>(p);
        bad.put("Q", NdArray.of(new double[] {0.2, 0.5, 0.5, 0.1}, 2, 2));
        Path file = dir.resolve("bad.npz"), y = dir.resolve("y.npz"), out = dir.resolve("out-bad");
        Npz.write(file, bad);
        Npz.write(y, Map.of("y", NdArray.of(new double[30], 10, 3)));
        String err = run(2, "infer", "--model", "lds", "--model-file", file.toString(), "--out", out.toString(), y.toString());
        assertTrue(err.contains("Q is not positive semidefinite"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(Files.exists(out));
    }
}
