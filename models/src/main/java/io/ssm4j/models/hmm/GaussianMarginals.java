package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;

/**
 * Gaussian algebra for partly observed rows y_t = (y_o, y_m) under N(mu, Sigma):
 * the marginal log N(y_o; mu_o, Sigma_oo), and the conditional moments
 * E[y_m | y_o] = mu_m + Sigma_mo Sigma_oo^{-1} (y_o - mu_o), Cov[y_m | y_o] = Sigma_mm - Sigma_mo Sigma_oo^{-1} Sigma_om.
 */
final class GaussianMarginals {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private GaussianMarginals() {}

    private static int observedIndices(TimeSeries y, int t, int[] idx) {
        int n = 0;
        for (int a = 0; a < y.dim(); a++) if (y.isObserved(t, a)) idx[n++] = a;
        return n;
    }

    /**
     * For every state j: quad[j] = (y_o - mu_j,o)^T Sigma_j,oo^{-1} (y_o - mu_j,o) and logDet[j] = log det
     * Sigma_j,oo; returns the number n of observed entries (quad and logDet are left untouched when n = 0).
     */
    static int partialRowForms(TimeSeries y, int t, double[] means, double[] covs, int k, int d, double[] quad,
                               double[] logDet) {
        int[] idx = new int[d];
        int n = observedIndices(y, t, idx);
        if (n == 0) return 0;
        double[] sub = new double[n * n], l = new double[n * n], r = new double[n];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) sub[a * n + b] = covs[j * d * d + idx[a] * d + idx[b]];
                r[a] = y.value(t, idx[a]) - means[j * d + idx[a]];
            }
            Cholesky.factorOrThrow(sub, n, l, "covariances[" + j + "] observed block");
            Cholesky.solveLower(l, n, r);
            double q = 0;
            for (int a = 0; a < n; a++) q += r[a] * r[a];
            quad[j] = q;
            logDet[j] = Cholesky.logDet(l, n);
        }
        return n;
    }

    /**
     * Fills filled (D) with y_o at observed and E[y_m | y_o] at missing entries, and condCov (D x D) with
     * Cov[y_m | y_o] on the missing block, zero elsewhere.
     *
     * @return false when the row is entirely missing (it then carries no information about the parameters)
     */
    static boolean conditionalFill(TimeSeries y, int t, double[] means, double[] covs, int j, int d,
                                   double[] filled, double[] condCov) {
        int[] obs = new int[d], mis = new int[d];
        int no = 0, nm = 0;
        for (int a = 0; a < d; a++) {
            if (y.isObserved(t, a)) obs[no++] = a;
            else mis[nm++] = a;
        }
        java.util.Arrays.fill(condCov, 0.0);
        if (no == 0) return false;
        int c = j * d * d, mo = j * d;
        double[] soo = new double[no * no], l = new double[no * no], r = new double[no];
        for (int a = 0; a < no; a++) {
            for (int b = 0; b < no; b++) soo[a * no + b] = covs[c + obs[a] * d + obs[b]];
            r[a] = y.value(t, obs[a]) - means[mo + obs[a]];
            filled[obs[a]] = y.value(t, obs[a]);
        }
        Cholesky.factorOrThrow(soo, no, l, "covariances[" + j + "] observed block");
        Cholesky.solve(l, no, r); // r = Sigma_oo^{-1} (y_o - mu_o)
        double[] col = new double[no];
        double[][] gain = new double[nm][];
        for (int m = 0; m < nm; m++) {
            double e = means[mo + mis[m]];
            for (int a = 0; a < no; a++) {
                double smo = covs[c + mis[m] * d + obs[a]];
                e += smo * r[a];
                col[a] = smo;
            }
            filled[mis[m]] = e;
            Cholesky.solve(l, no, col); // Sigma_oo^{-1} Sigma_om
            gain[m] = col.clone();
        }
        for (int m = 0; m < nm; m++) {
            for (int m2 = 0; m2 < nm; m2++) {
                double v = covs[c + mis[m] * d + mis[m2]];
                for (int a = 0; a < no; a++) v -= covs[c + mis[m] * d + obs[a]] * gain[m2][a];
                condCov[mis[m] * d + mis[m2]] = v;
            }
        }
        return true;
    }
}
