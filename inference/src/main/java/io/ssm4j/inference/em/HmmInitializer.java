package io.ssm4j.inference.em;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import io.ssm4j.models.hmm.Emissions;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.InitialStateDistribution;


/**
 * Starting points for EM: k-means on the observations (missing entries filled by column means for the
 * clustering), then each family's own M-step on soft labels w_tk = (1 - eps) [label_t = k] + eps / K, so
 * every emission family initialises through the same code path and no state starts degenerate.
 * Transitions start from the label bigram counts plus one, the initial distribution uniform.
 */
public final class HmmInitializer {
    private static final double SOFTNESS = 0.1;

    private HmmInitializer() {}

    public static HiddenMarkovModel kMeans(HmmSpec spec, Trials trials, Rng rng) {
        int k = spec.numStates(), d = spec.dim();
        long total = trials.totalLength();
        if (total > Integer.MAX_VALUE / d) throw new IllegalArgumentException("data too large to cluster in memory");
        double[] x = new double[(int) total * d];
        double[] colMeans = columnMeans(trials, d);
        int row = 0;
        for (TimeSeries y : trials) {
            for (int t = 0; t < y.length(); t++, row++) {
                for (int a = 0; a < d; a++) x[row * d + a] = y.isObserved(t, a) ? y.value(t, a) : colMeans[a];
            }
        }
        int[] labels = KMeans.cluster(x, (int) total, d, k, 100, rng);
        Emissions template = HmmFactory.templateEmissions(spec);
        ArrayStatistics stats = template.newStatistics();
        double[] counts = new double[k * k];
        java.util.Arrays.fill(counts, 1.0);
        row = 0;
        for (TimeSeries y : trials) {
            double[] w = new double[y.length() * k];
            for (int t = 0; t < y.length(); t++, row++) {
                for (int j = 0; j < k; j++) w[t * k + j] = SOFTNESS / k + (labels[row] == j ? 1 - SOFTNESS : 0);
                if (t > 0) counts[labels[row - 1] * k + labels[row]] += 1;
            }
            template.accumulate(stats, y, w);
        }
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) s += counts[i * k + j];
            for (int j = 0; j < k; j++) counts[i * k + j] /= s;
        }
        return new HiddenMarkovModel(InitialStateDistribution.uniform(k), HmmFactory.transitions(spec, counts),
                template.maximize(stats));
    }

    private static double[] columnMeans(Trials trials, int d) {
        double[] sum = new double[d];
        double[] n = new double[d];
        for (TimeSeries y : trials) {
            for (int t = 0; t < y.length(); t++) {
                for (int a = 0; a < d; a++) {
                    if (y.isObserved(t, a)) {
                        sum[a] += y.value(t, a);
                        n[a]++;
                    }
                }
            }
        }
        for (int a = 0; a < d; a++) sum[a] = n[a] > 0 ? sum[a] / n[a] : 0;
        return sum;
    }
}
