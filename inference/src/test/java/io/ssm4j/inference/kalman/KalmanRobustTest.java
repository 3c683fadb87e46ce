package io.ssm4j.inference.kalman;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Joseph-form update on a near-singular problem: a diffuse prior (P0 ~ 1e8) observed almost noiselessly
 * (R ~ 1e-12) through a correlated emission, where the standard downdate P - G G^T cancels to an indefinite matrix.
 */
class KalmanRobustTest {
    static LinearGaussianStateSpaceModel nearSingular(double p0, double r) {
        double c = 0.999999;
        return LinearGaussianStateSpaceModel.fromParameters(Map.of(
                "A", NdArray.of(new double[] {0.99, 0.01, -0.01, 0.99}, 2, 2),
                "Q", NdArray.of(new double[] {1e-10, 0, 0, 1e-10}, 2, 2),
                "C", NdArray.of(new double[] {1, 1e-3, 0.5, 0.5}, 2, 2),
                "R", NdArray.of(new double[] {r, 0, 0, r}, 2, 2),
                "m0", NdArray.of(new double[] {0, 0}, 2),
                "P0", NdArray.of(new double[] {p0, c * p0, c * p0, p0}, 2, 2)));
    }

    static boolean allPositiveDefinite(double[] covs, int d) {
        double[] l = new double[d * d];
        for (int t = 0; t < covs.length / (d * d); t++) {
            double[] block = java.util.Arrays.copyOfRange(covs, t * d * d, (t + 1) * d * d);
            if (!Cholesky.factor(block, d, l)) return false;
        }
        return true;
    }

    @Test
    void josephStaysPositiveDefiniteWhereTheStandardUpdateDoesNot() {
        LinearGaussianStateSpaceModel m = nearSingular(1e8, 1e-12);
        TimeSeries y = m.sample(40, null, io.ssm4j.math.Rng.seeded(3)).observations();
        KalmanOptions exact = KalmanOptions.robust().withoutSteadyState();
        FilteredPosterior joseph = KalmanFilter.filter(m, y, exact);
        assertTrue(Double.isFinite(joseph.logLikelihood()));
        assertTrue(allPositiveDefinite(joseph.filteredCovariances(), 2), "Joseph filtered covariances positive definite");
        SmoothedPosterior s = KalmanSmoother.smooth(m, joseph, exact);
        for (double v : s.means()) assertTrue(Double.isFinite(v));
        boolean standardBroke;
        try {
            FilteredPosterior standard = KalmanFilter.filter(m, y, KalmanOptions.defaults().withoutSteadyState());
            standardBroke = !allPositiveDefinite(standard.filteredCovariances(), 2) || !Double.isFinite(standard.logLikelihood());
        } catch (IllegalStateException e) {
            standardBroke = true;
        }
        assertTrue(standardBroke, "the standard update should lose positive-definiteness on this problem");
    }

    @Test
    void josephAgreesWithDenseConditioningOnAWellConditionedProblem() {
        LinearGaussianStateSpaceModel m = nearSingular(10, 0.5);
        TimeSeries y = m.sample(30, null, io.ssm4j.math.Rng.seeded(4)).observations();
        DenseLds truth = new DenseLds(m, y, 30);
        SmoothedPosterior s = KalmanSmoother.smooth(m, y, KalmanOptions.robust());
        assertEquals(truth.logLikelihood, s.logLikelihood(), 1e-9 * Math.abs(truth.logLikelihood));
        for (int i = 0; i < s.means().length; i++) assertEquals(truth.mean[i], s.means()[i], 1e-7);
    }
}
