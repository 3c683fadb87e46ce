package io.ssm4j.cli.figures;

import io.ssm4j.math.SymmetricEigen;

import java.util.List;

/**
 * The axes on which latent trajectories are drawn. A latent space of D <= 2 dimensions is drawn in its own
 * coordinates ("latent 1", "latent 2"). For D >= 3 the axes are the top three principal components of the latent
 * means pooled over the trials shown: with xbar their mean and S their covariance, axis j is the unit eigenvector u_j
 * of S for its j-th largest eigenvalue, and a point x is drawn at z_j = u_j . (x - xbar); the axis label gives the
 * share of the variance, lambda_j / trace S, that it carries. A point z of the plane of axes 1 and 2 stands for the
 * latent state x = xbar + z_1 u_1 + z_2 u_2 (the other components at their mean).
 */
public final class LatentProjection {
    private final int dim, axes;
    private final boolean principal;
    private final double[] centre, basis, share;

    private LatentProjection(int dim, int axes, boolean principal, double[] centre, double[] basis, double[] share) {
        this.dim = dim;
        this.axes = axes;
        this.principal = principal;
        this.centre = centre;
        this.basis = basis;
        this.share = share;
    }

    /**
     * @param means each trial's latent means, T x D row-major
     * @param dim   D
     */
    public static LatentProjection of(List<double[]> means, int dim) {
        if (dim < 1) throw new IllegalArgumentException("latent dimension must be >= 1, got " + dim);
        if (dim <= 2) {
            double[] identity = new double[dim * dim];
            for (int i = 0; i < dim; i++) identity[i * dim + i] = 1;
            return new LatentProjection(dim, dim, false, new double[dim], identity, null);
        }
        double[] mean = new double[dim], cov = new double[dim * dim];
        long n = 0;
        for (double[] m : means) {
            for (int t = 0; t < m.length / dim; t++, n++) for (int i = 0; i < dim; i++) mean[i] += m[t * dim + i];
        }
        if (n == 0) throw new IllegalArgumentException("no latent means to project");
        for (int i = 0; i < dim; i++) mean[i] /= n;
        for (double[] m : means) {
            for (int t = 0; t < m.length / dim; t++) {
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) cov[i * dim + j] += (m[t * dim + i] - mean[i]) * (m[t * dim + j] - mean[j]) / n;
                }
            }
        }
        double total = 0;
        for (int i = 0; i < dim; i++) total += cov[i * dim + i];
        SymmetricEigen.Top top = SymmetricEigen.top(cov, dim, 3);
        double[] share = new double[3];
        for (int j = 0; j < 3; j++) share[j] = total > 0 ? Math.max(0, top.values()[j]) / total : 0;
        return new LatentProjection(dim, 3, true, mean, top.vectors(), share);
    }

    /** The number of axes: D for D <= 2, else 3. */
    public int axes() { return axes; }

    /** Whether the axes are principal components (D >= 3). */
    public boolean principal() { return principal; }

    /** The coordinates of T latent states (T x D) on the axes, T x {@link #axes()}. */
    public double[] project(double[] x, int length) {
        double[] z = new double[length * axes];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < axes; j++) {
                double s = 0;
                for (int i = 0; i < dim; i++) s += basis[i * axes + j] * (x[t * dim + i] - centre[i]);
                z[t * axes + j] = s;
            }
        }
        return z;
    }

    /** The latent state (D) drawn at (z1, z2) of the plane of axes 1 and 2. */
    public double[] state(double z1, double z2) {
        double[] x = centre.clone();
        for (int i = 0; i < dim; i++) x[i] += basis[i * axes] * z1 + (axes > 1 ? basis[i * axes + 1] * z2 : 0);
        return x;
    }

    /** The components (u_1 . v, u_2 . v) of a latent vector v (D) along axes 1 and 2. */
    public double[] inPlane(double[] v) {
        double[] p = new double[2];
        for (int j = 0; j < Math.min(2, axes); j++) for (int i = 0; i < dim; i++) p[j] += basis[i * axes + j] * v[i];
        return p;
    }

    /** The label of axis j (0-based), with units. */
    public String label(int j) {
        if (!principal) return "latent " + (j + 1) + " (a.u.)";
        double percent = 100 * share[j];
        return String.format(percent < 10 ? "PC %d of latents, %.1f%% of variance (a.u.)" : "PC %d of latents, %.0f%% of variance (a.u.)",
                j + 1, percent);
    }
}
