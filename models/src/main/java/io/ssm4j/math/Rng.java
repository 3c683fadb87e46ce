package io.ssm4j.math;

import java.util.SplittableRandom;

/**
 * A reproducible random stream. Every stochastic routine takes one explicitly; {@link #split()} derives
 * independent child streams deterministically, so work handed to threads in a fixed order gives the same
 * numbers whatever the thread count.
 */
public final class Rng {
    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    public static Rng seeded(long seed) { return new Rng(new SplittableRandom(seed)); }

    /** A new independent stream; calling split() n times in order yields the same n streams every run. */
    public Rng split() { return new Rng(random.split()); }

    /** n independent streams split in order: the i-th is the same every run, whatever uses them in parallel. */
    public java.util.List<Rng> split(int n) {
        java.util.List<Rng> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(split());
        return out;
    }

    public double uniform() { return random.nextDouble(); }

    public int nextInt(int bound) { return random.nextInt(bound); }

    public long nextLong() { return random.nextLong(); }

    /** Standard normal by the polar Box-Muller method (no cached second value, so streams stay splittable). */
    public double gaussian() {
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma variables";
     * shape &lt; 1 uses the boost Gamma(a) = Gamma(a + 1) U^(1/a).
     */
    public double gamma(double shape) {
        if (!(shape > 0)) throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** Poisson(rate) by inversion for small rates and the PTRS transformed rejection of Hormann (1993) above 10. */
    public int poisson(double rate) {
        if (!(rate >= 0)) throw new IllegalArgumentException("poisson rate must be >= 0, got " + rate);
        if (rate < 10) {
            double l = Math.exp(-rate), p = 1;
            int k = 0;
            do {
                k++;
                p *= random.nextDouble();
            } while (p > l);
            return k - 1;
        }
        double slam = Math.sqrt(rate), logLam = Math.log(rate);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5, v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + rate + 0.43);
            if (us >= 0.07 && v <= vr) return (int) k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            double lhs = Math.log(v * invAlpha / (a / (us * us) + b));
            double rhs = -rate + k * logLam - SpecialFunctions.logFactorial(k);
            if (lhs <= rhs) return (int) k;
        }
    }

    /** An index drawn from unnormalised non-negative weights w[off .. off+n). */
    public int categorical(double[] w, int off, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) total += w[off + i];
        double u = random.nextDouble() * total, c = 0;
        for (int i = 0; i < n; i++) {
            c += w[off + i];
            if (u < c) return i;
        }
        for (int i = n - 1; i >= 0; i--) if (w[off + i] > 0) return i;
        throw new IllegalArgumentException("categorical: all weights are zero");
    }
}
