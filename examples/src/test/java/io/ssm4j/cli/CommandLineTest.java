package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npy;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
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

/** The command line as a user drives it: fit, infer and sample round trips, and clear failures on bad input. */
class CommandLineTest {
    @TempDir static Path dir;
    static Path data;
    static Path params;
    static int[] trueStates;

    @BeforeAll
    static void simulate() throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", NdArray.of(new double[] {0.5, 0.3, 0.2}, 3));
        p.put("transition_matrix", NdArray.of(new double[] {0.95, 0.03, 0.02, 0.04, 0.9, 0.06, 0.05, 0.05, 0.9}, 3, 3));
        p.put("means", NdArray.of(new double[] {-3, 0, 0, 2, 3, -1}, 3, 2));
        p.put("covariances", NdArray.of(new double[] {1, 0.3, 0.3, 1, 0.5, 0, 0, 0.5, 1, -0.2, -0.2, 0.8}, 3, 2, 2));
        HiddenMarkovModel m = HmmFactory.fromParameters(HmmSpec.of(3, 2, EmissionType.GAUSSIAN), p);
        HiddenMarkovModel.Sample s = m.sample(3000, null, 0, Rng.seeded(4));
        trueStates = s.states();
        data = dir.resolve("y.npy");
        Npy.write(data, NdArray.of(s.observations().valuesView(), 3000, 2));
        params = dir.resolve("params.npz");
        Npz.write(params, p);
    }

    /** Exit status and the error text of one run. */
    record Run(int status, String err) {}

    static Run cli(String... args) {
        StringWriter err = new StringWriter();
        int status = Ssm4j.run(new PrintWriter(err, true), args);
        return new Run(status, err.toString());
    }

    @Test
    void fitThenInferRecoversTheSimulatedStates() throws IOException {
        Path fit = dir.resolve("fit"), inf = dir.resolve("inf");
        Run r = cli("fit", "--states", "3", "--restarts", "2", "--seed", "1", "--threads", "1", "--out", fit.toString(),
                data.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(fit.resolve("model.json")) && Files.exists(fit.resolve("fit.json")));
        r = cli("infer", "--model-file", fit.resolve("model.json").toString(), "--out", inf.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        Map<String, NdArray> post = Npz.read(inf.resolve("posterior.npz"));
        assertArrayEquals(new int[] {3000, 3}, post.get("expected_states_0").shape());
        double[] path = post.get("viterbi_0").dataView();
        int[][] confusion = new int[3][3];
        for (int t = 0; t < path.length; t++) confusion[(int) path[t]][trueStates[t]]++;
        int agree = 0;
        for (int[] row : confusion) agree += Math.max(row[0], Math.max(row[1], row[2]));
        assertTrue(agree > 0.97 * path.length, "Viterbi agrees with the true states on only " + agree + " of 3000 steps");
    }

    @Test
    void fitAndInferWriteFiguresUnlessTold() throws IOException {
        Path fit = dir.resolve("fig-fit"), inf = dir.resolve("fig-inf");
        Run r = cli("fit", "--states", "3", "--seed", "1", "--threads", "1", "--iters", "5", "--out", fit.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(fit.resolve("objective.png")) > 0);
        r = cli("infer", "--model-file", fit.resolve("model.json").toString(), "--out", inf.toString(), data.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : new String[] {"posterior_0.png", "posterior_1.png", "states_0.png", "states_1.png", "transition_matrix.png"}) {
            assertTrue(Files.exists(inf.resolve(f)), f + " is missing");
        }
        Path fit0 = dir.resolve("nofig-fit"), inf0 = dir.resolve("nofig-inf");
        r = cli("fit", "--no-figures", "--states", "3", "--seed", "1", "--threads", "1", "--iters", "5", "--out", fit0.toString(),
                data.toString());
        assertEquals(0, r.status(), r.err());
        r = cli("infer", "--no-figures", "--model-file", fit0.resolve("model.json").toString(), "--out", inf0.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        for (Path d : new Path[] {fit0, inf0}) {
            try (var files = Files.list(d)) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".png") || f.toString().endsWith(".svg")), d + " has figures");
            }
        }
        assertTrue(Files.exists(inf0.resolve("posterior.npz")));
    }

    @Test
    void modelFilesRoundTripBitForBit() throws IOException {
        Path fit = dir.resolve("fit-roundtrip");
        assertEquals(0, cli("fit", "--states", "3", "--iters", "5", "--out", fit.toString(), data.toString()).status());
        ModelFile.Loaded a = ModelFile.read(fit.resolve("model.json"));
        Path again = dir.resolve("again.json");
        ModelFile.write(again, a.spec(), a.model(), null);
        ModelFile.Loaded b = ModelFile.read(again);
        assertEquals(a.spec(), b.spec());
        assertEquals(a.model().parameters(), b.model().parameters());
    }

    @Test
    void inferWithTrueParametersAndTiming() throws IOException {
        Path inf = dir.resolve("inf-true");
        Run r = cli("infer", "--model", "hmm", "--model-file", params.toString(), "--repeat", "2", "--out", inf.toString(),
                data.toString());
        assertEquals(0, r.status(), r.err());
        String json = Files.readString(inf.resolve("infer.json"));
        assertTrue(json.contains("median_seconds") && json.contains("min_seconds"), json);
        int warmUpRuns = ModelFile.JSON.readTree(json).path("warm_up_runs").asInt();
        assertTrue(warmUpRuns >= 1 && warmUpRuns <= JitSettling.MAX_RUNS, json);
    }

    @Test
    void sampleWritesStatesAndObservations() throws IOException {
        Path out = dir.resolve("sample.npz");
        assertEquals(0, cli("sample", "--model-file", params.toString(), "--steps", "50", "--seed", "2", "--out",
                out.toString()).status());
        Map<String, NdArray> s = Npz.read(out);
        assertArrayEquals(new int[] {50}, s.get("states").shape());
        assertArrayEquals(new int[] {50, 2}, s.get("observations").shape());
    }

    @Test
    void gibbsSamplingRunsFromTheCommandLine() throws IOException {
        Path out = dir.resolve("gibbs");
        Run r = cli("fit", "--states", "3", "--method", "gibbs", "--iters", "30", "--seed", "2", "--out", out.toString(),
                data.toString());
        assertEquals(0, r.status(), r.err());
        String fit = Files.readString(out.resolve("fit.json"));
        assertTrue(fit.contains("Gibbs sweeps"), fit);
        assertEquals("conjugate", ModelFile.JSON.readTree(out.resolve("model.json").toFile()).path("options").path("prior").asText());
    }

    /**
     * The untimed warm-up runs the same fit on its own random stream, so k-means restarts and Gibbs draws, and with
     * them every parameter and the whole trace, are those of a fit without it; fit.json gives its time apart.
     */
    @Test
    void warmUpChangesNothingButIsReportedApart() throws IOException {
        for (String method : new String[] {"em", "gibbs"}) {
            Path cold = dir.resolve("cold-" + method), warm = dir.resolve("warm-" + method);
            for (Path out : new Path[] {cold, warm}) {
                Run r = cli("fit", "--states", "3", "--method", method, "--restarts", "2", "--iters", "8", "--tol", "0",
                        "--seed", "5", "--warm-up", out == cold ? "0" : "3", "--no-figures", "--out", out.toString(), data.toString());
                assertEquals(0, r.status(), r.err());
            }
            assertEquals(ModelFile.read(cold.resolve("model.json")).model().parameters(),
                    ModelFile.read(warm.resolve("model.json")).model().parameters(), method);
            var coldFit = ModelFile.JSON.readTree(cold.resolve("fit.json").toFile());
            var warmFit = ModelFile.JSON.readTree(warm.resolve("fit.json").toFile());
            assertEquals(coldFit.get("objective"), warmFit.get("objective"), method);
            assertEquals(0, coldFit.path("warm_up_iterations").asInt());
            assertEquals(0.0, coldFit.path("warm_up_seconds").asDouble());
            assertEquals(3, warmFit.path("warm_up_iterations").asInt());
            assertTrue(warmFit.path("warm_up_seconds").asDouble() > 0, warmFit.toString());
            var names = warmFit.fieldNames();
            java.util.List<String> order = new java.util.ArrayList<>();
            names.forEachRemaining(order::add);
            assertTrue(order.indexOf("wall_seconds") < order.indexOf("warm_up_seconds"), order.toString());
        }
        assertFailsClearly("--warm-up must be >= 0", dir.resolve("bad-warm-up"), "fit", "--states", "3", "--warm-up", "-1",
                "--out", dir.resolve("bad-warm-up").toString(), data.toString());
    }

    @Test
    void inputDrivenTransitionsAndCrossValidationRunFromTheCommandLine() throws IOException {
        double[] u = new double[3000];
        for (int t = 0; t < u.length; t++) u[t] = Math.sin(t / 50.0);
        Path inputs = dir.resolve("u.npy");
        Npy.write(inputs, NdArray.of(u, 3000, 1));
        Path out = dir.resolve("input-driven");
        Run r = cli("fit", "--states", "3", "--transitions", "input-driven", "--inputs", inputs.toString(), "--iters", "10",
                "--out", out.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        Path inf = dir.resolve("input-driven-inf");
        assertEquals(0, cli("infer", "--model-file", out.resolve("model.json").toString(), "--inputs", inputs.toString(),
                "--out", inf.toString(), data.toString()).status());
        Path cv = dir.resolve("cv");
        r = cli("cv", "--states", "1,3", "--mask-fraction", "0.2", "--folds", "1", "--iters", "30", "--restarts", "1",
                "--out", cv.toString(), data.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(3, ModelFile.JSON.readTree(cv.resolve("cv.json").toFile()).path("best_states").asInt());
    }

    private static void assertFailsClearly(String expectedFragment, Path out, String... args) {
        Run r = cli(args);
        assertEquals(2, r.status(), "expected failure status; stderr: " + r.err());
        assertTrue(r.err().contains(expectedFragment), "message should mention '" + expectedFragment + "': " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line expected: " + r.err());
        if (out != null) assertFalse(Files.exists(out), "nothing may be written to " + out);
    }

    @Test
    void raggedTrialsAreRejected() throws IOException {
        Path ragged = dir.resolve("ragged.npz");
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("a", NdArray.of(new double[10], 5, 2));
        m.put("b", NdArray.of(new double[15], 5, 3));
        Npz.write(ragged, m);
        Path out = dir.resolve("out-ragged");
        assertFailsClearly("dimension", out, "fit", "--states", "2", "--out", out.toString(), ragged.toString());
    }

    @Test
    void nanOutsideTheMaskIsRejected() throws IOException {
        Path y = dir.resolve("nan.npy"), mask = dir.resolve("mask.npy");
        Npy.write(y, NdArray.of(new double[] {1, Double.NaN, 2, 3}, 2, 2));
        Npy.write(mask, NdArray.of(NdArray.DType.BOOL, new double[] {1, 1, 1, 1}, 2, 2));
        Path out = dir.resolve("out-nan");
        assertFailsClearly("NaN outside the mask", out, "fit", "--states", "1", "--mask", mask.toString(), "--out",
                out.toString(), y.toString());
    }

    @Test
    void fewerThanOneStateIsRejected() {
        Path out = dir.resolve("out-k0");
        assertFailsClearly("--states must be >= 1", out, "fit", "--states", "0", "--out", out.toString(), data.toString());
    }

    @Test
    void nonPositiveDefiniteCovarianceInAnInitFileIsRejected() throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>(Npz.read(params));
        p.put("covariances", NdArray.of(new double[] {1, 2, 2, 1, 1, 0, 0, 1, 1, 0, 0, 1}, 3, 2, 2));
        Path bad = dir.resolve("bad-init.npz");
        Npz.write(bad, p);
        Path out = dir.resolve("out-psd");
        assertFailsClearly("covariances[0] is not symmetric positive definite", out, "fit", "--init", bad.toString(),
                "--out", out.toString(), data.toString());
    }

    @Test
    void unreadableFilesAreRejected() throws IOException {
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "this is not an npy file");
        Path out = dir.resolve("out-junk");
        assertFailsClearly("junk.npy", out, "fit", "--states", "2", "--out", out.toString(), junk.toString());
        assertFailsClearly("missing.npy", out, "fit", "--states", "2", "--out", out.toString(),
                dir.resolve("missing.npy").toString());
    }
}
