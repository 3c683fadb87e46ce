package io.ssm4j.tests;

/**
 * Exact HMM quantities by enumerating all K^T state paths, from independently computed per-step emission
 * log densities e[t][k]: log p(y), posterior marginals, the most probable path.
 */
final class BruteForceHmm {
    final double logLikelihood;
    final double[][] marginals;
    final int[] bestPath;
    final double bestLogJoint;

    BruteForceHmm(double[] pi, double[] p, double[][] e) {
        int n = e.length, k = pi.length;
        long paths = (long) Math.pow(k, n);
        double[] logJoint = new double[(int) paths];
        double max = Double.NEGATIVE_INFINITY, best = Double.NEGATIVE_INFINITY;
        int[] bestZ = null;
        for (int c = 0; c < paths; c++) {
            int[] z = decode(c, n, k);
            double lj = Math.log(pi[z[0]]) + e[0][z[0]];
            for (int t = 1; t < n; t++) lj += Math.log(p[z[t - 1] * k + z[t]]) + e[t][z[t]];
            logJoint[c] = lj;
            max = Math.max(max, lj);
            if (lj > best) {
                best = lj;
                bestZ = z;
            }
        }
        double total = 0;
        double[][] marg = new double[n][k];
        for (int c = 0; c < paths; c++) {
            double w = Math.exp(logJoint[c] - max);
            total += w;
            int[] z = decode(c, n, k);
            for (int t = 0; t < n; t++) marg[t][z[t]] += w;
        }
        for (double[] row : marg) for (int j = 0; j < k; j++) row[j] /= total;
        this.logLikelihood = max + Math.log(total);
        this.marginals = marg;
        this.bestPath = bestZ;
        this.bestLogJoint = best;
    }

    private static int[] decode(int c, int n, int k) {
        int[] z = new int[n];
        for (int t = n - 1; t >= 0; t--, c /= k) z[t] = c % k;
        return z;
    }
}
