package io.ssm4j.inference.em;

import io.ssm4j.math.Rng;

/**
 * k-means clustering of row vectors (Lloyd's iterations) seeded by k-means++ (Arthur and Vassilvitskii 2007).
 * Used to initialise HMM emissions. Deterministic given the Rng.
 */
public final class KMeans {
    private KMeans() {}

    /** Labels of n rows of dimension d (flat row-major x) into k clusters. */
    public static int[] cluster(double[] x, int n, int d, int k, int maxIterations, Rng rng) {
        if (n < 1) throw new IllegalArgumentException("k-means needs at least one row");
        double[] centers = seed(x, n, d, k, rng);
        int[] labels = new int[n];
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int it = 0; it < maxIterations; it++) {
            boolean changed = assign(x, n, d, k, centers, labels) || it == 0;
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
                for (int a = 0; a < d; a++) sums[labels[i] * d + a] += x[i * d + a];
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) { // an empty cluster takes a random row
                    int r = rng.nextInt(n);
                    System.arraycopy(x, r * d, centers, c * d, d);
                    continue;
                }
                for (int a = 0; a < d; a++) centers[c * d + a] = sums[c * d + a] / counts[c];
            }
            if (!changed) break;
        }
        assign(x, n, d, k, centers, labels);
        return labels;
    }

    private static double dist2(double[] x, int xo, double[] c, int co, int d) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            double e = x[xo + a] - c[co + a];
            s += e * e;
        }
        return s;
    }

    private static boolean assign(double[] x, int n, int d, int k, double[] centers, int[] labels) {
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bd = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dd = dist2(x, i * d, centers, c * d, d);
                if (dd < bd) {
                    bd = dd;
                    best = c;
                }
            }
            if (labels[i] != best) changed = true;
            labels[i] = best;
        }
        return changed;
    }

    private static double[] seed(double[] x, int n, int d, int k, Rng rng) {
        double[] centers = new double[k * d];
        double[] dist = new double[n];
        int first = rng.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        for (int i = 0; i < n; i++) dist[i] = dist2(x, i * d, centers, 0, d);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : dist) total += v;
            int pick = total > 0 ? rng.categorical(dist, 0, n) : rng.nextInt(n);
            System.arraycopy(x, pick * d, centers, c * d, d);
            for (int i = 0; i < n; i++) dist[i] = Math.min(dist[i], dist2(x, i * d, centers, c * d, d));
        }
        return centers;
    }
}
