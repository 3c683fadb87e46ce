package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.ssm4j.cli.CommandLineTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The analysis a user runs on the zebrafish swim bouts ({@code ../shared/data/zebrafish-swim-bouts}, Le Goc et al.
 * 2021, as modelled by Dommanget-Kott et al. 2024): {@code datasets load} gives one dtheta sequence per trajectory
 * (861 of them), and {@code fit --model arhmm --states 3 --lags 1} must find the paper's three bout states:
 * forward (dtheta near 0 with a spread of a few degrees), and left and right turns (opposite means of tens of
 * degrees, mirror images of each other), and its transitions must show the chaining of same-direction turns
 * that the raw sequence shows: P(same sign) of consecutive turns of more than 10 degrees, 0.57, counted directly
 * from the data, against the fitted P(L -> L) / (P(L -> L) + P(L -> R)) (and the same for R).
 */
class ZebrafishTurningStatesTest {
    @TempDir Path dir;

    @Test
    void threeStateArhmmFindsForwardLeftAndRightTurns() throws IOException {
        Path home = Path.of(System.getProperty("ssm4j.shared", "../shared")).resolve("data");
        assumeTrue(Files.isDirectory(home.resolve("zebrafish-swim-bouts")), "shared data not found at " + home + "; skipping");
        Path bouts = dir.resolve("bouts.npz"), fit = dir.resolve("fit");
        assertEquals(0, cli("datasets", "load", "zebrafish-swim-bouts", "--data-home", home.toString(), "--out", bouts.toString()).status());
        CommandLineTest.Run run = cli("fit", "--model", "arhmm", "--states", "3", "--lags", "1", "--iters", "100",
                "--restarts", "2", "--seed", "1", "--no-figures", "--out", fit.toString(), bouts.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode p = new ObjectMapper().readTree(fit.resolve("model.json").toFile()).get("parameters");
        double[] bias = new double[3], sd = new double[3];
        for (int k = 0; k < 3; k++) {
            bias[k] = p.get("biases").get(k).get(0).asDouble();
            sd[k] = Math.sqrt(p.get("covariances").get(k).get(0).get(0).asDouble());
        }
        int forward = argMinAbs(bias), left = argMax(bias), right = argMin(bias);
        assertTrue(forward != left && forward != right && left != right, "three distinct roles: biases " + java.util.Arrays.toString(bias));
        assertTrue(Math.abs(bias[forward]) < 2 && sd[forward] < 6, "forward: bias " + bias[forward] + ", sd " + sd[forward]);
        assertTrue(bias[left] > 15 && bias[right] < -15, "turns: " + bias[left] + ", " + bias[right]);
        assertEquals(1.0, -bias[left] / bias[right], 0.15, "left and right turns mirror each other");
        assertEquals(1.0, sd[left] / sd[right], 0.15, "left and right turn spreads");

        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) a[i][j] = p.get("transition_matrix").get(i).get(j).asDouble();
        double persistence = 0.5 * (a[left][left] / (a[left][left] + a[left][right]) + a[right][right] / (a[right][right] + a[right][left]));
        double observed = sameDirectionFraction(Npz.read(bouts), 10.0);
        assertEquals(observed, persistence, 0.05, "turn-to-turn direction persistence, model vs data");
        assertTrue(persistence > 0.5, "turns chain in the same direction: " + persistence);
    }

    /** Among consecutive bouts that both turn by more than {@code threshold} degrees, the fraction with the same sign. */
    private static double sameDirectionFraction(Map<String, NdArray> trials, double threshold) {
        long same = 0, pairs = 0;
        for (NdArray trial : trials.values()) {
            double[] d = trial.dataView();
            for (int t = 1; t < d.length; t++) {
                if (Math.abs(d[t - 1]) > threshold && Math.abs(d[t]) > threshold) {
                    pairs++;
                    if (Math.signum(d[t - 1]) == Math.signum(d[t])) same++;
                }
            }
        }
        return (double) same / pairs;
    }

    private static int argMinAbs(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i]) < Math.abs(v[best])) best = i;
        return best;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static int argMin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
        return best;
    }
}
