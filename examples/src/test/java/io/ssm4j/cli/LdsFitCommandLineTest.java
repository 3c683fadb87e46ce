package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fit --model lds}: PCA start or --init, fixed parameters, missing entries, fit.json, and clear refusals. */
class LdsFitCommandLineTest {
    @TempDir static Path dir;
    static Path params;
    static Path data;
    static Map<String, NdArray> p;

    @BeforeAll
    static void simulate() throws IOException {
        p = new LinkedHashMap<>();
        p.put("A", NdArray.of(new double[] {0.9, 0.2, -0.2, 0.9}, 2, 2));
        p.put("Q", NdArray.of(new double[] {0.2, 0.05, 0.05, 0.1}, 2, 2));
        p.put("C", NdArray.of(new double[] {1, 0, 0.5, 1, -1, 0.3, 0.2, -0.7}, 4, 2));
        p.put("R", NdArray.of(new double[] {0.3, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.4, 0, 0, 0, 0, 0.25}, 4, 4));
        p.put("m0", NdArray.of(new double[] {1, -1}, 2));
        p.put("P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        params = dir.resolve("lds.npz");
        Npz.write(params, p);
        Map<String, NdArray> trials = new LinkedHashMap<>();
        for (int k = 0; k < 2; k++) {
            Path s = dir.resolve("s" + k + ".npz");
            LdsCommandLineTest.run(0, "sample", "--model", "lds", "--model-file", params.toString(), "--steps", "400",
                    "--seed", String.valueOf(k + 1), "--out", s.toString());
            double[] y = Npz.read(s).get("observations").toArray();
            for (int i = 5; i < y.length; i += 37) y[i] = Double.NaN;
            trials.put("t" + k, NdArray.of(y, 400, 4));
        }
        data = dir.resolve("y.npz");
        Npz.write(data, trials);
    }

    @Test
    void fitFromPcaWritesAnLdsModelAndAMonotoneTrace() throws IOException {
        Path out = dir.resolve("fit");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--latent-dim", "2", "--diagonal-noise", "--iters", "20", "--tol", "0",
                "--threads", "2", "--seed", "3", "--out", out.toString(), data.toString());
        JsonNode fit = ModelFile.JSON.readTree(out.resolve("fit.json").toFile());
        Iterator<String> keys = fit.fieldNames();
        assertEquals("objective", keys.next());
        assertEquals(21, fit.get("objective").size());
        for (int i = 1; i < 21; i++) {
            assertTrue(fit.get("objective").get(i).asDouble() >= fit.get("objective").get(i - 1).asDouble() - 1e-9, "monotone at " + i);
        }
        assertEquals(20, fit.get("iterations").asInt());
        LinearGaussianStateSpaceModel m = LdsModelFile.read(out.resolve("model.json")).gaussian();
        assertEquals(2, m.latentDim());
        Path inf = dir.resolve("inf");
        LdsCommandLineTest.run(0, "infer", "--model", "lds", "--model-file", out.resolve("model.json").toString(), "--out",
                inf.toString(), data.toString());
        double[] ll = Npz.read(inf.resolve("posterior.npz")).get("log_likelihood").dataView();
        double last = fit.get("objective").get(20).asDouble();
        assertEquals(last, ll[0] + ll[1], 1e-9 * Math.abs(last), "the final objective is the fitted model's log-likelihood");
    }

    @Test
    void fixedParametersFromInitAreKept() throws IOException {
        Path out = dir.resolve("fixed");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--init", params.toString(), "--fix", "A,Q", "--diagonal-noise",
                "--iters", "5", "--prior", "conjugate", "--out", out.toString(), data.toString());
        Map<String, NdArray> got = LdsModelFile.read(out.resolve("model.json")).gaussian().parameters();
        assertArrayEquals(p.get("A").dataView(), got.get("A").dataView(), 0.0);
        assertArrayEquals(p.get("Q").dataView(), got.get("Q").dataView(), 0.0);
    }

    @Test
    void clearRefusals() {
        String err = LdsCommandLineTest.run(2, "fit", "--model", "lds", "--latent-dim", "2", "--out", dir.resolve("y").toString(), data.toString());
        assertTrue(err.contains("diagonal R"), err);
        err = LdsCommandLineTest.run(2, "fit", "--model", "lds", "--states", "3", "--out", dir.resolve("z").toString(), data.toString());
        assertTrue(err.contains("--states"), err);
        err = LdsCommandLineTest.run(2, "fit", "--model", "lds", "--latent-dim", "2", "--fix", "a", "--out", dir.resolve("w").toString(), data.toString());
        assertTrue(err.contains("unknown LDS parameter 'a'"), err);
    }

    @Test
    void crossValidationOverMaskedBinsPicksTheTrueLatentDimension() throws IOException {
        Path out = dir.resolve("cv");
        LdsCommandLineTest.run(0, "cv", "--model", "lds", "--latent-dims", "1,2,3", "--mask-fraction", "0.2", "--folds", "2",
                "--diagonal-noise", "--iters", "60", "--threads", "2", "--out", out.toString(), data.toString());
        JsonNode cv = ModelFile.JSON.readTree(out.resolve("cv.json").toFile());
        assertEquals("masked-bins", cv.get("method").asText());
        assertEquals(3, cv.get("results").size());
        assertEquals(3, cv.get("results").get(2).get("latent_dim").asInt());
        double d1 = cv.get("results").get(0).get("held_out_log_likelihood_per_step").asDouble();
        double d2 = cv.get("results").get(1).get("held_out_log_likelihood_per_step").asDouble();
        assertTrue(d2 > d1, "D=2 should beat D=1: " + cv);
        assertEquals(2, cv.get("best_latent_dim").asInt(), cv.toString());
        String err = LdsCommandLineTest.run(2, "cv", "--model", "lds", "--states", "2", "--out", out.toString(), data.toString());
        assertTrue(err.contains("--latent-dims"), err);
        err = LdsCommandLineTest.run(2, "cv", "--model", "plds", "--latent-dims", "2", "--out", out.toString(), data.toString());
        assertTrue(err.contains("needs gaussian emissions"), err);
    }
}
