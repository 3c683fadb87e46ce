package io.ssm4j.distributions;

import java.util.Arrays;

/** Argument checks shared by the factories; each message names the argument, the expectation and the value. */
final class Args {
    private Args() {}

    static void requireNonNull(Object x, String name) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
    }

    static void requireLength(double[] x, int n, String name) {
        requireNonNull(x, name);
        if (x.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got " + x.length);
        }
    }

    static void requireFinite(double[] x, String name) {
        requireNonNull(x, name);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + x[i]);
            }
        }
    }

    static void requireFinite(double x, String name) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException(name + " must be finite, got " + x);
    }

    static void requirePositive(double x, String name) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + x);
        }
    }

    static void requireNonNegative(double x, String name) {
        if (!(x >= 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + x);
        }
    }

    static void requireNonNegative(double[] x, String name) {
        requireFinite(x, name);
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) throw new IllegalArgumentException(name + "[" + i + "] must be >= 0, got " + x[i]);
        }
    }

    static void requirePositive(double[] x, String name) {
        requireFinite(x, name);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0)) throw new IllegalArgumentException(name + "[" + i + "] must be > 0, got " + x[i]);
        }
    }

    static void requireDimension(int d, String name) {
        if (d < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + d);
    }

    /** Degrees of freedom of a D x D inverse-Wishart: nu &gt; D - 1. */
    static void requireWishartDof(double nu, int d, String name) {
        if (!(nu > d - 1) || !Double.isFinite(nu)) {
            throw new IllegalArgumentException(name + " must be finite and > D - 1 = " + (d - 1) + ", got " + nu);
        }
    }

    static double[] copy(double[] x) {
        return Arrays.copyOf(x, x.length);
    }
}
