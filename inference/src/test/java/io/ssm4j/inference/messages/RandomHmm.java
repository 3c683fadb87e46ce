package io.ssm4j.inference.messages;

import io.ssm4j.math.Rng;

/** Random test models: Dirichlet-like rows with some exact zeros, Gaussian-ish log-likelihoods. */
final class RandomHmm {
    private RandomHmm() {}

    /** A probability vector of length n; each entry is zero with probability {@code zeroProb} (never all zero). */
    static double[] simplex(Rng rng, int n, double zeroProb) {
        double[] p = new double[n];
        double s = 0;
        int keep = rng.nextInt(n);
        for (int i = 0; i < n; i++) {
            p[i] = (i != keep && rng.uniform() < zeroProb) ? 0 : rng.gamma(1.0);
            s += p[i];
        }
        for (int i = 0; i < n; i++) p[i] /= s;
        return p;
    }

    static double[] matrices(Rng rng, int count, int k, double zeroProb) {
        double[] p = new double[count * k * k];
        for (int m = 0; m < count * k; m++) System.arraycopy(simplex(rng, k, zeroProb), 0, p, m * k, k);
        return p;
    }

    static double[] logLikelihoods(Rng rng, int length, int k, double scale) {
        double[] ll = new double[length * k];
        for (int i = 0; i < ll.length; i++) ll[i] = scale * rng.gaussian() - 3;
        return ll;
    }

    /** A sticky stationary chain with all entries positive (for long sequences). */
    static double[] sticky(Rng rng, int k, double stay) {
        double[] p = new double[k * k];
        for (int i = 0; i < k; i++) {
            double[] row = simplex(rng, k, 0);
            for (int j = 0; j < k; j++) p[i * k + j] = (1 - stay) * row[j] + (i == j ? stay : 0);
        }
        return p;
    }
}
