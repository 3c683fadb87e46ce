package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;

/** Argument checks shared by the emission and transition models; messages name the argument. */
final class EmissionChecks {
    private EmissionChecks() {}

    static void requireLength(String name, double[] a, int expected, String formula) {
        if (a == null) throw new IllegalArgumentException(name + " is missing");
        if (a.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + formula + " = " + expected + " entries, got " + a.length);
        }
    }

    static void requireFinite(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + a[i]);
        }
    }

    static void requireNonNegative(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0) || Double.isInfinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0, got " + a[i]);
            }
        }
    }

    static void requireProbabilities(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0 && a[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a probability in [0, 1], got " + a[i]);
            }
        }
    }

    /** Rows of length n must each sum to 1 within 1e-8. */
    static void requireStochasticRows(String name, double[] a, int n) {
        requireProbabilities(name, a);
        for (int r = 0; r < a.length / n; r++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[r * n + j];
            if (Math.abs(s - 1) > 1e-8) {
                throw new IllegalArgumentException(name + " row " + r + " sums to " + s + ", expected 1");
            }
        }
    }

    /** Each of the count d x d blocks must be finite and symmetric (relative 1e-8). */
    static void requireSymmetric(String name, double[] a, int count, int d) {
        requireFinite(name, a);
        for (int c = 0; c < count; c++) {
            int o = c * d * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    double x = a[o + i * d + j], y = a[o + j * d + i];
                    if (Math.abs(x - y) > 1e-8 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
                        throw new IllegalArgumentException(name + "[" + c + "] is not symmetric: entry (" + i + "," + j
                                + ") = " + x + " but (" + j + "," + i + ") = " + y);
                    }
                }
            }
        }
    }

    static void requirePositive(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0) || Double.isInfinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and > 0, got " + a[i]);
            }
        }
    }

    /**
     * Every observed entry of y must be an integer in [0, max] (max may be infinite); the message names the
     * family, t, d, the value and what was expected.
     */
    static void requireIntegerData(TimeSeries y, String family, double max, String expected) {
        double[] v = y.valuesView();
        int d = y.dim();
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if ((x >= 0 && x <= max && x == Math.rint(x)) || !y.isObserved(i / d, i % d)) continue;
            throw new IllegalArgumentException(family + " emissions: y[t=" + (i / d) + ", d=" + (i % d) + "] = " + x
                    + " is not " + expected);
        }
    }
}
