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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.ssm4j.cli.CommandLineTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ssm4j demo --data FILE}: the user's own counts, fitted and summarised; non-count data refused. */
class DemoCommandLineTest {
    @TempDir Path dir;

    @Test
    void fitsTheUsersCountsAndFindsTheSimulatedStates() throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.97, 0.03, 0.05, 0.95}, 2, 2));
        p.put("rates", NdArray.of(new double[] {0.3, 4, 1, 5, 0.5, 0.2}, 2, 3));
        HiddenMarkovModel truth = HmmFactory.fromParameters(HmmSpec.of(2, 3, EmissionType.POISSON), p);
        HiddenMarkovModel.Sample s = truth.sample(1500, null, 0, Rng.seeded(3));
        Path data = dir.resolve("counts.npy"), out = dir.resolve("out");
        Npy.write(data, NdArray.of(s.observations().toArrayWithNaN(), 1500, 3));
        CommandLineTest.Run r = cli("demo", "--data", data.toString(), "--states", "2", "--bin", "0.1", "--no-figures", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        String summary = Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("Poisson HMM, K=2") && summary.contains("held-out log-likelihood"), summary);
        double[] viterbi = Npz.read(out.resolve("posterior.npz")).get("viterbi").dataView();
        int agree = 0;
        for (int t = 0; t < viterbi.length; t++) if ((int) viterbi[t] == s.states()[t]) agree++;
        double accuracy = Math.max(agree, viterbi.length - agree) / (double) viterbi.length; // up to relabelling
        assertTrue(accuracy > 0.95, "decoded states vs the simulated ones: " + accuracy);
    }

    @Test
    void refusesDataThatAreNotCounts() throws IOException {
        Path data = dir.resolve("x.npy"), out = dir.resolve("out");
        Npy.write(data, NdArray.of(new double[] {1, 2.5, 3, 4}, 2, 2));
        CommandLineTest.Run r = cli("demo", "--data", data.toString(), "--no-figures", "--out", out.toString());
        assertEquals(1, r.status() == 0 ? 0 : 1);
        assertTrue(r.err().contains("x.npy") && r.err().contains("2.5"), r.err());
        assertFalse(Files.exists(out.resolve("model.json")));
    }
}
