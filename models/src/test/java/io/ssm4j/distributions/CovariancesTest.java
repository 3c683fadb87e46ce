package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CovariancesTest {

    @Test
    void returnsTheLowerCholeskyFactor() {
        double[] s = Fixtures.randomSpd(4, 3);
        double[] l = Covariances.requireSpd(s, 4, "s");
        for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) assertEquals(0.0, l[i * 4 + j], 0);
        assertArrayEquals(s, Flat.multiplyTransB(l, l, 4, 4, 4), 1e-12);
    }

    @Test
    void toleratesRoundingAsymmetryButNotRealAsymmetry() {
        double[] s = {2, 1 + 1e-12, 1, 3};
        Covariances.requireSpd(s, 2, "s");
        assertMessage(() -> Covariances.requireSpd(new double[] {2, 1.01, 1, 3}, 2, "myCov"), "myCov", "not symmetric", "[1,0]");
    }

    @Test
    void namesTheArgumentAndTheProblem() {
        assertMessage(() -> Covariances.requireSpd(null, 2, "myCov"), "myCov", "null");
        assertMessage(() -> Covariances.requireSpd(new double[3], 2, "myCov"), "myCov", "length 4", "got 3");
        assertMessage(() -> Covariances.requireSpd(new double[] {1, 0, 0, Double.POSITIVE_INFINITY}, 2, "myCov"), "myCov[3]", "finite");
        assertMessage(() -> Covariances.requireSpd(new double[] {1, 0, 0, 0}, 2, "myCov"), "myCov", "not positive definite");
        assertMessage(() -> Covariances.requireSpd(new double[0], 0, "myCov"), "dimension of myCov", ">= 1");
    }
}
