package io.ssm4j.inference.gibbs;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.distributions.NormalInverseWishart;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;
import io.ssm4j.models.hmm.GaussianEmissions;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.InitialStateDistribution;
import io.ssm4j.models.hmm.StationaryTransitions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blocked Gibbs sampler's stationary distribution over state paths equals the exact posterior
 * p(z | y), computed by enumerating all K^T paths with every parameter integrated out in closed form
 * (Dirichlet-multinomial for the initial distribution and transition rows, the Normal-Inverse-Wishart
 * marginal likelihood for the emissions).
 */
class HmmGibbsSamplerTest {
    static final int K = 2, T = 6;
    static final double MU0 = 0, KAPPA0 = 1, PSI0 = 1, NU0 = 3;
    static final double[] Y = {-1.2, -0.8, 0.9, 1.4, -0.3, 1.1};

    /** log Dirichlet-multinomial marginal of counts under Dir(1, ..., 1). */
    static double logDirMult(double[] counts) {
        double n = 0, r = 0;
        for (double c : counts) {
            n += c;
            r += SpecialFunctions.logGamma(1 + c);
        }
        return r + SpecialFunctions.logGamma(counts.length) - SpecialFunctions.logGamma(counts.length + n);
    }

    /** log p(y_S) for the points assigned to one state under the 1-D NIW prior (Murphy 2007, eq. 266). */
    static double logNiwMarginal(double n, double sum, double sumSq) {
        if (n == 0) return 0;
        double mean = sum / n, scatter = sumSq - n * mean * mean;
        double kn = KAPPA0 + n, nn = NU0 + n;
        double psin = PSI0 + scatter + KAPPA0 * n / kn * (mean - MU0) * (mean - MU0);
        return -0.5 * n * Math.log(Math.PI) + SpecialFunctions.logGamma(nn / 2) - SpecialFunctions.logGamma(NU0 / 2)
                + 0.5 * NU0 * Math.log(PSI0) - 0.5 * nn * Math.log(psin) + 0.5 * Math.log(KAPPA0 / kn);
    }

    static double logJointMarginal(int[] z) {
        double[] init = new double[K];
        init[z[0]] = 1;
        double lp = logDirMult(init);
        for (int i = 0; i < K; i++) {
            double[] row = new double[K];
            for (int t = 1; t < T; t++) if (z[t - 1] == i) row[z[t]]++;
            lp += logDirMult(row);
        }
        for (int k = 0; k < K; k++) {
            double n = 0, s = 0, ss = 0;
            for (int t = 0; t < T; t++) {
                if (z[t] == k) {
                    n++;
                    s += Y[t];
                    ss += Y[t] * Y[t];
                }
            }
            lp += logNiwMarginal(n, s, ss);
        }
        return lp;
    }

    static int code(int[] z) {
        int c = 0;
        for (int v : z) c = c * K + v;
        return c;
    }

    @Test
    void pathFrequenciesMatchTheExactPosterior() {
        int paths = 1 << T;
        double[] exact = new double[paths];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < paths; c++) {
            int[] z = new int[T];
            for (int t = T - 1, v = c; t >= 0; t--, v /= K) z[t] = v % K;
            exact[c] = logJointMarginal(z);
            max = Math.max(max, exact[c]);
        }
        double total = 0;
        for (int c = 0; c < paths; c++) total += (exact[c] = Math.exp(exact[c] - max));
        for (int c = 0; c < paths; c++) exact[c] /= total;

        NormalInverseWishart prior = NormalInverseWishart.of(new double[] {MU0}, KAPPA0, new double[] {PSI0}, NU0);
        HiddenMarkovModel start = new HiddenMarkovModel(InitialStateDistribution.uniform(K),
                StationaryTransitions.of(new double[] {0.5, 0.5, 0.5, 0.5}, K),
                GaussianEmissions.of(new double[] {-1, 1}, new double[] {1, 1}, K, 1, prior));
        int sweeps = 60000, burnIn = 1000;
        double[] freq = new double[paths];
        HmmGibbsSampler.run(start, Trials.of(TimeSeries.of(Y, T, 1)), new FitOptions(sweeps, 0, 1, null), Rng.seeded(3),
                s -> {
                    if (s.index() >= burnIn) freq[code(s.states().get(0))] += 1.0 / (sweeps - burnIn);
                });
        double tv = 0;
        for (int c = 0; c < paths; c++) tv += 0.5 * Math.abs(freq[c] - exact[c]);
        assertTrue(tv < 0.03, "total variation between Gibbs path frequencies and the exact posterior: " + tv);
    }
}
