package io.ssm4j.datasets.spikes;

import io.ssm4j.data.NdArray;

/**
 * Gaussian smoothing of binned counts along time, column by column:
 * y[t][n] = sum_{k=-h..h} w_k x[t - k][n], with w_k = exp(-k^2 / (2 sigma^2)) / sum_{j=-h..h} exp(-j^2 / (2 sigma^2))
 * and h = ceil(4 sigma) bins; x is zero outside the array. The weights sum to one, so smoothing keeps the total
 * count of every spike at least h bins from either end. The usual way of turning spike counts into rate estimates
 * (e.g. Cunningham and Yu 2014, Nat. Neurosci. 17:1500, "kernel smoothing").
 */
public final class CountSmoothing {
    private static final double TRUNCATION_SIGMAS = 4;

    private CountSmoothing() {}

    /** h, the kernel's half-width in bins: ceil(4 sigma), 0 for sigma = 0. */
    public static int halfWidth(double sigmaBins) {
        checkSigma(sigmaBins);
        return (int) Math.ceil(TRUNCATION_SIGMAS * sigmaBins);
    }

    /** The weights w_{-h}..w_h. */
    public static double[] kernel(double sigmaBins) {
        int h = halfWidth(sigmaBins);
        double[] w = new double[2 * h + 1];
        if (h == 0) {
            w[0] = 1;
            return w;
        }
        double sum = 0;
        for (int k = -h; k <= h; k++) {
            w[k + h] = Math.exp(-0.5 * k * k / (sigmaBins * sigmaBins));
            sum += w[k + h];
        }
        for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    /**
     * Smooths a (T, N) or (T) array of counts along its first axis; a FLOAT64 array of the same shape.
     * sigma = 0 returns the counts as FLOAT64.
     */
    public static NdArray gaussian(NdArray counts, double sigmaBins) {
        if (counts.ndim() != 1 && counts.ndim() != 2) {
            throw new IllegalArgumentException("counts: expected a (T) or (T, N) array, got shape "
                    + java.util.Arrays.toString(counts.shape()));
        }
        double[] w = kernel(sigmaBins);
        int h = w.length / 2;
        int t = counts.dim(0);
        int n = counts.ndim() == 2 ? counts.dim(1) : 1;
        double[] x = counts.dataView();
        double[] y = new double[x.length];
        for (int s = 0; s < t; s++) {
            for (int k = Math.max(-h, s - t + 1); k <= Math.min(h, s); k++) {
                double wk = w[k + h];
                int src = (s - k) * n, dst = s * n;
                for (int c = 0; c < n; c++) y[dst + c] += wk * x[src + c];
            }
        }
        return NdArray.of(y, counts.shape());
    }

    private static void checkSigma(double sigmaBins) {
        if (!(sigmaBins >= 0) || Double.isInfinite(sigmaBins)) {
            throw new IllegalArgumentException("smoothing sigma must be >= 0 bins, got " + sigmaBins);
        }
    }
}
