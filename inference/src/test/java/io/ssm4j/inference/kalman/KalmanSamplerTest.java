package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backward sampling: sample moments of many draws against dense joint-Gaussian conditioning. */
class KalmanSamplerTest {
    @Test
    void sampleMomentsMatchTheExactPosterior() {
        int d = 2, t = 12, draws = 40_000;
        LinearGaussianStateSpaceModel model = RandomLds.model(41, d, 3, 1, 0);
        TimeSeries y = RandomLds.data(model, t, 0.3, 8);
        DenseLds truth = new DenseLds(model, y, t);
        FilteredPosterior f = KalmanFilter.filter(model, y);
        Rng rng = Rng.seeded(123);
        int k = t * d;
        double[] sum = new double[k], sumSq = new double[k], sumCross = new double[(t - 1) * d];
        for (int n = 0; n < draws; n++) {
            double[] x = KalmanSampler.sample(model, f, rng);
            for (int i = 0; i < k; i++) {
                sum[i] += x[i];
                sumSq[i] += x[i] * x[i];
            }
            for (int s = 0; s + 1 < t; s++) for (int i = 0; i < d; i++) sumCross[s * d + i] += x[(s + 1) * d + i] * x[s * d + i];
        }
        double worst = 0;
        for (int i = 0; i < k; i++) {
            double var = truth.cov.get(i, i), se = Math.sqrt(var / draws);
            double mean = sum[i] / draws;
            worst = Math.max(worst, Math.abs(mean - truth.mean[i]) / se);
            double sampleVar = sumSq[i] / draws - mean * mean;
            assertEquals(var, sampleVar, 6 * var * Math.sqrt(2.0 / draws), "variance of entry " + i);
        }
        assertTrue(worst < 5, "largest mean deviation " + worst + " standard errors");
        for (int s = 0; s + 1 < t; s++) {
            for (int i = 0; i < d; i++) {
                int a = (s + 1) * d + i, b = s * d + i;
                double exact = truth.cov.get(a, b);
                double sample = sumCross[s * d + i] / draws - (sum[a] / draws) * (sum[b] / draws);
                double scale = Math.sqrt(truth.cov.get(a, a) * truth.cov.get(b, b));
                assertEquals(exact, sample, 6 * scale * Math.sqrt(2.0 / draws), "lag-one covariance t=" + s + ", i=" + i);
            }
        }
    }

    @Test
    void sameSeedSameDraw() {
        LinearGaussianStateSpaceModel model = RandomLds.model(5, 3, 2, 0, 0);
        TimeSeries y = RandomLds.data(model, 30, 0, 1);
        assertEquals(java.util.Arrays.toString(KalmanSampler.sample(model, y, Rng.seeded(9))),
                java.util.Arrays.toString(KalmanSampler.sample(model, y, Rng.seeded(9))));
    }
}
