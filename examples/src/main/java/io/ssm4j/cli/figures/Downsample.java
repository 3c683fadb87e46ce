package io.ssm4j.cli.figures;

/**
 * Reduces long series for display: consecutive time steps are grouped into blocks of {@code factor} steps
 * (the last block may be shorter) and each block becomes one plotted point, so a figure never draws more
 * than {@link #MAX_POINTS} points along time. Block b covers steps [b * factor, min(T, (b + 1) * factor)).
 */
public final class Downsample {
    /** The most time points a figure plots. */
    public static final int MAX_POINTS = 4000;

    private Downsample() {}

    /** The smallest block length that leaves at most {@code maxPoints} blocks of a series of {@code length} steps. */
    public static int factor(int length, int maxPoints) {
        if (maxPoints < 1) throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
        return Math.max(1, (length + maxPoints - 1) / maxPoints);
    }

    /** Number of blocks of a series of {@code length} steps. */
    public static int blocks(int length, int factor) { return (length + factor - 1) / factor; }

    /** Mean of each block of a row-major {@code length x dim} array, per column, skipping NaN (NaN if all are). */
    public static double[] means(double[] values, int length, int dim, int factor) {
        int n = blocks(length, factor);
        double[] out = new double[n * dim];
        for (int b = 0; b < n; b++) {
            int end = Math.min(length, (b + 1) * factor);
            for (int d = 0; d < dim; d++) {
                double s = 0;
                int c = 0;
                for (int t = b * factor; t < end; t++) {
                    double v = values[t * dim + d];
                    if (!Double.isNaN(v)) {
                        s += v;
                        c++;
                    }
                }
                out[b * dim + d] = c == 0 ? Double.NaN : s / c;
            }
        }
        return out;
    }

    /** Sum of each block of a row-major {@code length x dim} array, per column (for counts). */
    public static double[] sums(double[] values, int length, int dim, int factor) {
        int n = blocks(length, factor);
        double[] out = new double[n * dim];
        for (int t = 0; t < length; t++) {
            int b = t / factor;
            for (int d = 0; d < dim; d++) out[b * dim + d] += values[t * dim + d];
        }
        return out;
    }

    /** The most frequent state of each block (the lowest state on ties). */
    public static int[] modes(int[] states, int numStates, int factor) {
        int n = blocks(states.length, factor);
        int[] out = new int[n];
        int[] tally = new int[numStates];
        for (int b = 0; b < n; b++) {
            java.util.Arrays.fill(tally, 0);
            int end = Math.min(states.length, (b + 1) * factor);
            for (int t = b * factor; t < end; t++) tally[states[t]]++;
            int best = 0;
            for (int k = 1; k < numStates; k++) if (tally[k] > tally[best]) best = k;
            out[b] = best;
        }
        return out;
    }

    /** The start of each block on the time axis: {@code b * factor * step}. */
    public static double[] starts(int length, int factor, double step) {
        double[] x = new double[blocks(length, factor)];
        for (int b = 0; b < x.length; b++) x[b] = (double) b * factor * step;
        return x;
    }
}
