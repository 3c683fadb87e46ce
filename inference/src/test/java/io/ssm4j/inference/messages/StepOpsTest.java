package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

/** The Vector API step kernels agree with the scalar reference for every K from 1 to 19 (tails included). */
class StepOpsTest {
    @Test
    void simdEqualsScalar() {
        Rng rng = Rng.seeded(51);
        for (int k = 1; k < 20; k++) {
            double[] x = new double[k + 3], m = new double[2 * k * k + 5];
            for (int i = 0; i < x.length; i++) x[i] = rng.gaussian();
            for (int i = 0; i < m.length; i++) m[i] = rng.gaussian();
            m[m.length - 1] = Double.NEGATIVE_INFINITY;
            for (int matrix = 0; matrix < 2; matrix++) { // the second of two packed matrices: offsets included
                double[] a = new double[k + 2], b = new double[k + 2];
                double[] packedScalar = ScalarStepOps.INSTANCE.pack(m, 5, 2, k), packedSimd = SimdStepOps.INSTANCE.pack(m, 5, 2, k);
                int ps = matrix * ScalarStepOps.INSTANCE.packedSize(k), pv = matrix * SimdStepOps.INSTANCE.packedSize(k);
                ScalarStepOps.INSTANCE.vecMat(x, 3, packedScalar, ps, k, a, 2);
                SimdStepOps.INSTANCE.vecMat(x, 3, packedSimd, pv, k, b, 2);
                assertArrayEquals(a, b, 1e-12, "vecMat k=" + k + " matrix " + matrix);
                ScalarStepOps.INSTANCE.maxPlus(x, 3, packedScalar, ps, k, a, 2);
                SimdStepOps.INSTANCE.maxPlus(x, 3, packedSimd, pv, k, b, 2);
                assertArrayEquals(a, b, 0.0, "maxPlus k=" + k + " matrix " + matrix);
            }
            double[] s1 = new double[k * k + 1], s2 = new double[k * k + 1];
            ScalarStepOps.INSTANCE.outerAdd(x, 1, x, 2, k, s1, 1);
            SimdStepOps.INSTANCE.outerAdd(x, 1, x, 2, k, s2, 1);
            assertArrayEquals(s1, s2, 1e-12, "outerAdd k=" + k);
        }
    }

    /** A^T W by both implementations equals the product summed directly, for every K to 19 and odd block lengths. */
    @Test
    void crossProductsEqualTheDirectSum() {
        Rng rng = Rng.seeded(53);
        for (int k = 1; k < 20; k++) {
            for (int n : new int[] {1, 7, 33}) {
                double[] a = new double[n * k + 4], w = new double[n * k + 2];
                for (int i = 0; i < a.length; i++) a[i] = rng.gaussian();
                for (int i = 0; i < w.length; i++) w[i] = rng.gaussian();
                double[] direct = new double[k * k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double s = 0;
                        for (int t = 0; t < n; t++) s += a[4 + t * k + i] * w[2 + t * k + j];
                        direct[i * k + j] = s;
                    }
                }
                double[] scalar = new double[k * k], simd = new double[k * k];
                java.util.Arrays.fill(scalar, Double.NaN);
                java.util.Arrays.fill(simd, Double.NaN);
                ScalarStepOps.INSTANCE.crossProducts(a, 4, w, 2, n, k, scalar);
                SimdStepOps.INSTANCE.crossProducts(a, 4, w, 2, n, k, simd);
                assertArrayEquals(direct, scalar, 1e-12, "scalar k=" + k + " n=" + n);
                assertArrayEquals(direct, simd, 1e-12, "simd k=" + k + " n=" + n);
            }
        }
    }

    /**
     * For K at least the vector length, every output of the SIMD vecMat is, bit for bit, the even-row fused
     * multiply-add chain plus the odd-row chain (overlapping last chunk included).
     */
    @Test
    void simdVecMatSumsEvenAndOddRowsByFusedMultiplyAdds() {
        Rng rng = Rng.seeded(52);
        int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        for (int k = lanes; k < 4 * lanes + 3; k++) {
            double[] x = new double[k], m = new double[k * k], expected = new double[k], actual = new double[k];
            for (int i = 0; i < k; i++) x[i] = rng.gaussian();
            for (int i = 0; i < m.length; i++) m[i] = rng.gaussian();
            for (int j = 0; j < k; j++) {
                double even = 0, odd = 0;
                for (int i = 0; i < k; i += 2) even = Math.fma(m[i * k + j], x[i], even);
                for (int i = 1; i < k; i += 2) odd = Math.fma(m[i * k + j], x[i], odd);
                expected[j] = even + odd;
            }
            SimdStepOps.INSTANCE.vecMat(x, 0, SimdStepOps.INSTANCE.pack(m, 0, 1, k), 0, k, actual, 0);
            assertArrayEquals(expected, actual, 0.0, "vecMat k=" + k);
        }
    }
}
