package io.ssm4j.math;

/**
 * A reproducible random stream. Every stochastic routine takes one explicitly; {@link #split()} derives
 * independent child streams deterministically, so work handed to threads in a fixed order gives the same
 * numbers whatever the thread count.
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"):
 * a 64-bit counter advanced by an odd increment gamma and passed through a bit mixer; a split draws the child's
 * counter and gamma from the parent. It gives exactly the numbers of {@code java.util.SplittableRandom} with the
 * same seed (checked in the tests), and unlike that class its state, two longs, can be saved and restored
 * ({@link #state()}, {@link #restore(State)}), so a checkpointed sampler resumes with the numbers it would have drawn.
 */
public final class Rng {
    /** The state of a stream: its counter and odd increment. A stream restored from it draws what the original would have. */
    public record State(long seed, long gamma) {
        public State {
            if ((gamma & 1L) == 0) throw new IllegalArgumentException("gamma must be odd, got " + gamma);
        }
    }

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private final long gamma;

    private Rng(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    public static Rng seeded(long seed) { return new Rng(seed, GOLDEN_GAMMA); }

    /** A stream that continues from a saved state. */
    public static Rng restore(State state) { return new Rng(state.seed(), state.gamma()); }

    /** The current state: restoring it gives a stream that draws the same numbers as this one from here on. */
    public State state() { return new State(seed, gamma); }

    /** A new independent stream; calling split() n times in order yields the same n streams every run. */
    public Rng split() {
        long childSeed = mix64(advance());
        return new Rng(childSeed, mixGamma(advance()));
    }

    /** n independent streams split in order: the i-th is the same every run, whatever uses them in parallel. */
    public java.util.List<Rng> split(int n) {
        java.util.List<Rng> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(split());
        return out;
    }

    private long advance() { return seed += gamma; }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd increment from the MurmurHash3 finaliser, with enough bit transitions (else flipped). */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        return Long.bitCount(z ^ (z >>> 1)) < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    private double nextDouble() { return (mix64(advance()) >>> 11) * DOUBLE_UNIT; }

    /** Uniform on [0, 1), a multiple of 2^-53. */
    public double uniform() { return nextDouble(); }

    /** Uniform on 0 .. bound-1 without modulo bias (rejection of the incomplete last block). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be > 0, got " + bound);
        int r = mix32(advance()), m = bound - 1;
        if ((bound & m) == 0) return r & m;
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = mix32(advance()) >>> 1) {
            // rejected: u fell in the last, incomplete block of bound values
        }
        return r;
    }

    public long nextLong() { return mix64(advance()); }

    /** Standard normal by the polar Box-Muller method (no cached second value, so streams stay splittable). */
    public double gaussian() {
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
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
            double u = nextDouble();
            return gamma(shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = nextDouble();
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
                p *= nextDouble();
            } while (p > l);
            return k - 1;
        }
        double slam = Math.sqrt(rate), logLam = Math.log(rate);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = nextDouble() - 0.5, v = nextDouble();
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
        double u = nextDouble() * total, c = 0;
        for (int i = 0; i < n; i++) {
            c += w[off + i];
            if (u < c) return i;
        }
        for (int i = n - 1; i >= 0; i--) if (w[off + i] > 0) return i;
        throw new IllegalArgumentException("categorical: all weights are zero");
    }
}
