package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.laplace.LaplacePosterior;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sample}, {@code fit} and {@code infer} for the Poisson / Bernoulli LDS ({@code --model plds}, or {@code lds}
 * with {@code --emissions} and {@code --link}): Laplace-EM fit then Laplace inference, exact model.json round trips,
 * and one clear line for every wrong family, link or option.
 */
class GlmLdsCommandLineTest {
    @TempDir static Path dir;
    static Path params;
    static Path data;
    static Map<String, NdArray> p;

    @BeforeAll
    static void simulate() throws IOException {
        p = new LinkedHashMap<>();
        double th = 0.25, rho = 0.95;
        p.put("A", NdArray.of(new double[] {rho * Math.cos(th), -rho * Math.sin(th), rho * Math.sin(th), rho * Math.cos(th)}, 2, 2));
        p.put("b", NdArray.of(new double[] {0, 0}, 2));
        p.put("Q", NdArray.of(new double[] {0.05, 0, 0, 0.05}, 2, 2));
        p.put("m0", NdArray.of(new double[] {0.5, -0.5}, 2));
        p.put("P0", NdArray.of(new double[] {0.3, 0, 0, 0.3}, 2, 2));
        p.put("C", NdArray.of(new double[] {0.8, 0, 0, 0.8, 0.6, 0.6, -0.6, 0.5, 0.7, -0.4, -0.5, -0.6, 0.3, 0.9, -0.8, 0.2}, 8, 2));
        p.put("d", NdArray.of(new double[] {0.2, 0, -0.3, 0.4, 0.1, -0.1, 0.3, 0}, 8));
        params = dir.resolve("plds.npz");
        Npz.write(params, p);
        data = sampled("plds", "y");
    }

    /** Three trials of 120 steps sampled by the command line with the given --model and extra options. */
    private static Path sampled(String model, String stem, String... extra) throws IOException {
        Map<String, NdArray> trials = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            Path s = dir.resolve(stem + "-sample" + k + ".npz");
            String[] args = {"sample", "--model", model, "--model-file", params.toString(), "--steps", "120", "--seed",
                    String.valueOf(k + 1), "--out", s.toString()};
            String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
            System.arraycopy(extra, 0, all, args.length, extra.length);
            LdsCommandLineTest.run(0, all);
            Map<String, NdArray> drawn = Npz.read(s);
            assertArrayEquals(new int[] {120, 2}, drawn.get("states").shape());
            trials.put("t" + k, drawn.get("observations"));
        }
        Path file = dir.resolve(stem + ".npz");
        Npz.write(file, trials);
        return file;
    }

    @Test
    void fitThenInferPoissonLdsRoundTrip() throws IOException {
        Path out = dir.resolve("fit");
        LdsCommandLineTest.run(0, "fit", "--model", "plds", "--latent-dim", "2", "--iters", "6", "--tol", "0", "--threads", "2",
                "--out", out.toString(), data.toString());
        JsonNode fit = ModelFile.JSON.readTree(out.resolve("fit.json").toFile());
        assertEquals(7, fit.get("objective").size());
        assertEquals(6, fit.get("iterations").asInt());
        assertTrue(fit.get("objective").get(6).asDouble() > fit.get("objective").get(0).asDouble(), "Laplace-EM should improve the start");
        assertTrue(Files.exists(out.resolve("objective.png")));
        JsonNode json = ModelFile.JSON.readTree(out.resolve("model.json").toFile());
        assertEquals("lds", json.get("type").asText());
        assertEquals("poisson", json.get("emissions").asText());
        assertEquals("exp", json.get("link").asText());
        LoadedLds loaded = LdsModelFile.read(out.resolve("model.json"));
        assertEquals(LdsEmissions.POISSON_EXP, loaded.emissions());
        GeneralizedLinearDynamicalSystem m = loaded.glm();
        assertEquals(2, m.latentDim());

        Path inf = dir.resolve("inf");
        LdsCommandLineTest.run(0, "infer", "--model", "plds", "--model-file", out.resolve("model.json").toString(), "--repeat", "1",
                "--threads", "2", "--out", inf.toString(), data.toString());
        Map<String, NdArray> post = Npz.read(inf.resolve("posterior.npz"));
        double[] ll = post.get("log_likelihood").dataView();
        Map<String, NdArray> ys = Npz.read(data);
        int i = 0, dim = m.latentDim();
        double sum = 0;
        for (NdArray y : ys.values()) {
            LaplacePosterior q = LaplacePosterior.compute(m, TimeSeries.of(y.dataView(), y.dim(0), y.dim(1)));
            assertEquals(q.logEvidence(), ll[i], 0.0);
            assertArrayEquals(new int[] {120, dim}, post.get("posterior_mode_" + i).shape());
            assertArrayEquals(new int[] {120, dim, dim}, post.get("posterior_covariances_" + i).shape());
            assertArrayEquals(q.mode(), post.get("posterior_mode_" + i).dataView(), 0.0);
            assertArrayEquals(q.covariances(), post.get("posterior_covariances_" + i).dataView(), 0.0);
            sum += ll[i];
            i++;
        }
        double last = fit.get("objective").get(6).asDouble();
        assertEquals(last, sum, 1e-6 * Math.abs(last), "the final objective is the fitted model's Laplace log evidence");
        JsonNode timing = ModelFile.JSON.readTree(inf.resolve("infer.json").toFile());
        assertTrue(timing.get("what").asText().contains("Laplace approximation of the log evidence"), timing.toString());
    }

    @Test
    void inferFromParametersMatchesTheLaplacePosteriorOfTheTruth() throws IOException {
        Path inf = dir.resolve("inf-true");
        LdsCommandLineTest.run(0, "infer", "--model", "lds", "--emissions", "poisson", "--model-file", params.toString(),
                "--out", inf.toString(), data.toString());
        GeneralizedLinearDynamicalSystem truth = GeneralizedLinearDynamicalSystem.fromParameters(EmissionFamily.POISSON_EXP, p);
        NdArray y = Npz.read(data).get("t1");
        double expected = LaplacePosterior.compute(truth, TimeSeries.of(y.dataView(), 120, 8)).logEvidence();
        assertEquals(expected, Npz.read(inf.resolve("posterior.npz")).get("log_likelihood").dataView()[1], 0.0);
    }

    @Test
    void softplusAndBernoulliFitsRecordTheirLink() throws IOException {
        Path soft = dir.resolve("fit-softplus");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--emissions", "poisson", "--link", "softplus", "--latent-dim", "2",
                "--iters", "2", "--no-figures", "--out", soft.toString(), data.toString());
        assertEquals(LdsEmissions.POISSON_SOFTPLUS, LdsModelFile.read(soft.resolve("model.json")).emissions());
        Path binary = sampled("lds", "b", "--emissions", "bernoulli");
        Path bern = dir.resolve("fit-bernoulli");
        LdsCommandLineTest.run(0, "fit", "--model", "lds", "--emissions", "bernoulli", "--latent-dim", "2", "--iters", "2",
                "--no-figures", "--out", bern.toString(), binary.toString());
        LoadedLds m = LdsModelFile.read(bern.resolve("model.json"));
        assertEquals(EmissionFamily.BERNOULLI_LOGISTIC, m.glm().family());
        assertEquals("logistic", ModelFile.JSON.readTree(bern.resolve("model.json").toFile()).get("link").asText());
    }

    @Test
    void modelJsonRoundTripsBitForBit() throws IOException {
        for (EmissionFamily family : EmissionFamily.values()) {
            Map<String, NdArray> q = new LinkedHashMap<>(p);
            double[] c = q.get("C").toArray();
            for (int k = 0; k < c.length; k++) c[k] = Math.nextUp(c[k] / 3.0 + 1e-17 * k);
            q.put("C", NdArray.of(c, 8, 2));
            q.put("b", NdArray.of(new double[] {Math.PI / 7, -Math.E / 11}, 2));
            GeneralizedLinearDynamicalSystem m = GeneralizedLinearDynamicalSystem.fromParameters(family, q);
            Path file = dir.resolve("round-" + family.id() + ".json"), again = dir.resolve("again-" + family.id() + ".json");
            LdsModelFile.write(file, m, null, null);
            LoadedLds back = LdsModelFile.read(file);
            assertEquals(family, back.glm().family());
            for (Map.Entry<String, NdArray> e : m.parameters().entrySet()) {
                NdArray got = back.parameters().get(e.getKey());
                assertArrayEquals(e.getValue().shape(), got.shape(), e.getKey());
                assertArrayEquals(e.getValue().dataView(), got.dataView(), 0.0, e.getKey());
            }
            LdsModelFile.write(again, back.glm(), null, null);
            assertEquals(Files.readString(file), Files.readString(again));
        }
    }

    private static void assertFails(String expected, String... args) {
        String err = LdsCommandLineTest.run(2, args);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void wrongFamiliesLinksAndOptionsFailWithOneClearLine() throws IOException {
        String out = dir.resolve("never").toString(), y = data.toString();
        assertFails("--link for poisson emissions must be exp or softplus, got 'logistic'",
                "fit", "--model", "lds", "--emissions", "poisson", "--link", "logistic", "--latent-dim", "2", "--out", out, y);
        assertFails("--link for bernoulli emissions must be logistic, got 'exp'",
                "fit", "--model", "lds", "--emissions", "bernoulli", "--link", "exp", "--latent-dim", "2", "--out", out, y);
        assertFails("--link applies to poisson or bernoulli emissions, not gaussian",
                "fit", "--model", "lds", "--emissions", "gaussian", "--link", "softplus", "--latent-dim", "2", "--out", out, y);
        assertFails("--link softplus needs --emissions poisson or bernoulli",
                "fit", "--model", "lds", "--link", "softplus", "--latent-dim", "2", "--out", out, y);
        assertFails("--model plds is the Poisson LDS",
                "fit", "--model", "plds", "--emissions", "bernoulli", "--latent-dim", "2", "--out", out, y);
        assertFails("--emissions for an lds must be gaussian, poisson or bernoulli, got 'student-t'",
                "fit", "--model", "lds", "--emissions", "student-t", "--latent-dim", "2", "--out", out, y);
        assertFails("--link applies to --model lds",
                "fit", "--model", "hmm", "--states", "2", "--link", "exp", "--out", out, y);
        assertFails("apply to gaussian emissions",
                "fit", "--model", "plds", "--latent-dim", "2", "--diagonal-noise", "--out", out, y);
        assertFails("y[", "fit", "--model", "lds", "--emissions", "bernoulli", "--latent-dim", "2", "--out", out, y);
        assertFails("no emission covariance R",
                "infer", "--model", "lds", "--model-file", params.toString(), "--out", out, y);
        Path json = dir.resolve("plds.json");
        LdsModelFile.write(json, GeneralizedLinearDynamicalSystem.fromParameters(EmissionFamily.POISSON_EXP, p), null, null);
        assertFails("holds a Poisson LDS (exp link), but the options ask for a Bernoulli LDS (logistic link)",
                "infer", "--model", "lds", "--emissions", "bernoulli", "--model-file", json.toString(), "--out", out, y);
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
