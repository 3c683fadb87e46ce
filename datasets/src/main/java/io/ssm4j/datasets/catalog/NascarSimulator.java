package io.ssm4j.datasets.catalog;

import io.ssm4j.data.NdArray;
import io.ssm4j.math.Rng;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "NASCAR" switching linear dynamical system of Linderman et al. (2017, "Bayesian learning and inference in
 * recurrent switching linear dynamical systems", AISTATS): a 2-D latent car that laps an oval track clockwise
 * under four linear regimes, each chosen by where the car is (the recurrent, position-dependent switching):
 * <pre>
 *   z = 1 (right bend)   when x_1 &gt; 2:   x' = c_R + R(-theta) (x - c_R),  c_R = (2, 0)
 *   z = 3 (left bend)    when x_1 &lt; -2:  x' = c_L + R(-theta) (x - c_L),  c_L = (-2, 0)
 *   z = 0 (top straight) otherwise, x_2 &gt;= 0: x' = x + (v, 0.1 (1 - x_2))
 *   z = 2 (bottom)       otherwise, x_2 &lt; 0:  x' = x + (-v, 0.1 (-1 - x_2))
 * </pre>
 * each as x' = A_z x + b_z + N(0, Q), theta = pi / 24, v = 0.1, Q = 1e-4 I, read out by 10 Gaussian units
 * y_t = C x_t + d + N(0, R), R = 0.01 I. Returns y (T x 10), the true z (T) and x (T x 2), and A (4 x 2 x 2),
 * b (4 x 2), Q, C, d, R.
 */
final class NascarSimulator {
    static final int LENGTH = 1000, UNITS = 10;
    private static final double THETA = Math.PI / 24, SPEED = 0.1, Q = 1e-4, R = 0.01;

    private NascarSimulator() {}

    static Map<String, NdArray> simulate(Rng rng) {
        double[] a = new double[4 * 4], b = new double[4 * 2];
        double c = Math.cos(-THETA), s = Math.sin(-THETA);
        double[] rot = {c, -s, s, c};
        double[][] centre = {null, {2, 0}, null, {-2, 0}};
        for (int k : new int[] {1, 3}) {
            System.arraycopy(rot, 0, a, 4 * k, 4);
            b[2 * k] = centre[k][0] - (c * centre[k][0] - s * centre[k][1]);
            b[2 * k + 1] = centre[k][1] - (s * centre[k][0] + c * centre[k][1]);
        }
        System.arraycopy(new double[] {1, 0, 0, 0.9}, 0, a, 0, 4);
        System.arraycopy(new double[] {1, 0, 0, 0.9}, 0, a, 8, 4);
        b[0] = SPEED;
        b[1] = 0.1;
        b[4] = -SPEED;
        b[5] = -0.1;
        double[] loadings = new double[UNITS * 2], bias = new double[UNITS];
        for (int i = 0; i < loadings.length; i++) loadings[i] = rng.gaussian();
        for (int i = 0; i < UNITS; i++) bias[i] = rng.gaussian();
        double[] x = new double[LENGTH * 2], y = new double[LENGTH * UNITS], z = new double[LENGTH];
        x[0] = 0;
        x[1] = 1;
        for (int t = 0; t < LENGTH; t++) {
            double x1 = x[2 * t], x2 = x[2 * t + 1];
            int k = regime(x1, x2);
            z[t] = k;
            for (int i = 0; i < UNITS; i++) {
                y[t * UNITS + i] = loadings[2 * i] * x1 + loadings[2 * i + 1] * x2 + bias[i] + Math.sqrt(R) * rng.gaussian();
            }
            if (t == LENGTH - 1) break;
            x[2 * t + 2] = a[4 * k] * x1 + a[4 * k + 1] * x2 + b[2 * k] + Math.sqrt(Q) * rng.gaussian();
            x[2 * t + 3] = a[4 * k + 2] * x1 + a[4 * k + 3] * x2 + b[2 * k + 1] + Math.sqrt(Q) * rng.gaussian();
        }
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("y", NdArray.of(y, LENGTH, UNITS));
        out.put("z", NdArray.of(NdArray.DType.INT64, z, LENGTH));
        out.put("x", NdArray.of(x, LENGTH, 2));
        out.put("A", NdArray.of(a, 4, 2, 2));
        out.put("b", NdArray.of(b, 4, 2));
        out.put("Q", NdArray.of(new double[] {Q, 0, 0, Q}, 2, 2));
        out.put("C", NdArray.of(loadings, UNITS, 2));
        out.put("d", NdArray.of(bias, UNITS));
        double[] r = new double[UNITS * UNITS];
        for (int i = 0; i < UNITS; i++) r[i * UNITS + i] = R;
        out.put("R", NdArray.of(r, UNITS, UNITS));
        return out;
    }

    /** The regime of the car at (x1, x2): the bends beyond |x1| = 2, else the straight of its half. */
    static int regime(double x1, double x2) {
        if (x1 > 2) return 1;
        if (x1 < -2) return 3;
        return x2 >= 0 ? 0 : 2;
    }
}
