package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MultivariateNormal;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guards the shared linear-Gaussian core (also used by the Student-t family) against the distribution class. */
class GaussianEmissionsTest {
    private static final int K = 2, D = 3;
    private static final double[] MEANS = {0, 1, -1, 2, 0, 0.5};
    private static final double[] COVS = {
            2, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1.5,
            1, -0.4, 0, -0.4, 2, 0.6, 0, 0.6, 1};

    private static MultivariateNormal marginal(int j, int... dims) {
        double[] m = new double[dims.length], s = new double[dims.length * dims.length];
        for (int a = 0; a < dims.length; a++) {
            m[a] = MEANS[j * D + dims[a]];
            for (int b = 0; b < dims.length; b++) s[a * dims.length + b] = COVS[j * D * D + dims[a] * D + dims[b]];
        }
        return MultivariateNormal.of(m, s);
    }

    @Test
    void logLikelihoodsMatchMultivariateNormalAndItsObservedMarginals() {
        GaussianEmissions e = GaussianEmissions.of(MEANS, COVS, K, D, null);
        int t = 700;
        double[] y = EmissionFixtures.sampleRows(e, 1, t, 1);
        TimeSeries ts = EmissionFixtures.withMissing(y, t, D, 1, 1, 2, 0, 2, 2, 3, 0, 3, 1, 3, 2);
        double[] out = new double[t * K];
        e.logLikelihoods(ts, out);
        for (int j = 0; j < K; j++) {
            for (int i : new int[] {0, 4, 600, 699}) {
                assertEquals(marginal(j, 0, 1, 2).logDensity(Arrays.copyOfRange(y, i * D, i * D + D)), out[i * K + j], 1e-10);
            }
            assertEquals(marginal(j, 0, 2).logDensity(new double[] {y[D], y[D + 2]}), out[K + j], 1e-10);
            assertEquals(marginal(j, 1).logDensity(new double[] {y[2 * D + 1]}), out[2 * K + j], 1e-10);
            assertEquals(0, out[3 * K + j]);
        }
    }
}
