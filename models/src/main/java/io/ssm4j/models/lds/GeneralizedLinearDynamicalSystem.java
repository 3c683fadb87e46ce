package io.ssm4j.models.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A linear dynamical system with generalized-linear (Poisson or Bernoulli) emissions, for steps t = 1..T:
 * <pre>
 *   x_1     ~ N(m0, P0)
 *   x_{t+1} = A x_t + b + w_t,        w_t ~ N(0, Q)
 *   y_tn    ~ p(y | eta_tn),          eta_tn = c_n . x_t + d_n   (n = 1..N, independent given x_t)
 * </pre>
 * with p(y | eta) one of {@link EmissionFamily}: Poisson with exp or softplus link, Bernoulli with logistic link
 * (Smith and Brown 2003, "Estimating a state-space model from point process observations"; Macke et al. 2011,
 * "Empirical models of spiking in neural populations"; Paninski et al. 2010, "A new look at state-space models
 * for neural data"). As in ssm, x_1 is the state at the first observation. The Poisson model with the exp link
 * is the Poisson LDS (PLDS); all families share this one class.
 *
 * <p>Parameters are named {@code A, b, Q, m0, P0, C, d}. An immutable value: it knows its complete-data log joint
 * and its sampler; the Laplace posterior and Laplace-EM live in {@code io.ssm4j.inference.laplace}.
 */
public final class GeneralizedLinearDynamicalSystem {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final Set<String> NAMES = Set.of("A", "b", "Q", "m0", "P0", "C", "d");

    private final EmissionFamily family;
    private final int latentDim;
    private final int obsDim;
    private final double[] a;
    private final double[] b;
    private final double[] q;
    private final double[] m0;
    private final double[] p0;
    private final double[] c;
    private final double[] d;

    /** A draw of the states (T x D, row-major) and the observations (T x N). */
    public record Sample(double[] states, TimeSeries observations) {}

    private GeneralizedLinearDynamicalSystem(EmissionFamily family, int latentDim, int obsDim, double[] a, double[] b,
                                             double[] q, double[] m0, double[] p0, double[] c, double[] d) {
        this.family = family;
        this.latentDim = latentDim;
        this.obsDim = obsDim;
        this.a = a;
        this.b = b;
        this.q = q;
        this.m0 = m0;
        this.p0 = p0;
        this.c = c;
        this.d = d;
    }

    /**
     * A model from flat row-major arrays (all copied): A, Q, P0: D x D; b, m0: D; C: N x D; d: N.
     *
     * @throws IllegalArgumentException naming the parameter when one is null, misshapen, non-finite, or Q / P0 is
     *                                  not symmetric positive definite
     */
    public static GeneralizedLinearDynamicalSystem of(EmissionFamily family, int latentDim, int obsDim, double[] a,
                                                      double[] b, double[] q, double[] m0, double[] p0, double[] c,
                                                      double[] d) {
        if (family == null) throw new IllegalArgumentException("family must not be null");
        if (latentDim < 1 || obsDim < 1) {
            throw new IllegalArgumentException("D and N must be >= 1, got D = " + latentDim + ", N = " + obsDim);
        }
        int dd = latentDim * latentDim;
        GeneralizedLinearDynamicalSystem m = new GeneralizedLinearDynamicalSystem(family, latentDim, obsDim,
                copy("A", a, dd), copy("b", b, latentDim), copy("Q", q, dd), copy("m0", m0, latentDim),
                copy("P0", p0, dd), copy("C", c, obsDim * latentDim), copy("d", d, obsDim));
        PsdCheck.require(m.q, 0, latentDim, "Q");
        PsdCheck.require(m.p0, 0, latentDim, "P0");
        requirePositiveDefinite(m.q, latentDim, "Q");
        requirePositiveDefinite(m.p0, latentDim, "P0");
        return m;
    }

    /**
     * A model from named parameters: A [D, D], Q [D, D], C [N, D], d [N], m0 [D], P0 [D, D] and optional b [D]
     * (zero when absent).
     */
    public static GeneralizedLinearDynamicalSystem fromParameters(EmissionFamily family, Map<String, NdArray> p) {
        for (String key : p.keySet()) {
            if (!NAMES.contains(key)) throw new IllegalArgumentException("unknown GLM-LDS parameter '" + key + "' (expected A, b, Q, m0, P0, C, d)");
        }
        NdArray am = require(p, "A"), cm = require(p, "C");
        if (am.ndim() != 2) throw new IllegalArgumentException("A: expected shape [D, D], got " + Arrays.toString(am.shape()));
        if (cm.ndim() != 2) throw new IllegalArgumentException("C: expected shape [N, D], got " + Arrays.toString(cm.shape()));
        int dim = am.dim(1), n = cm.dim(0);
        double[] bias = p.containsKey("b") ? p.get("b").requireShape("b", dim).toArray() : new double[dim];
        return of(family, dim, n, am.requireShape("A", dim, dim).toArray(), bias,
                require(p, "Q").requireShape("Q", dim, dim).toArray(), require(p, "m0").requireShape("m0", dim).toArray(),
                require(p, "P0").requireShape("P0", dim, dim).toArray(), cm.requireShape("C", n, dim).toArray(),
                require(p, "d").requireShape("d", n).toArray());
    }

    /** The parameters by name (copies). */
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a.clone(), latentDim, latentDim));
        p.put("b", NdArray.of(b.clone(), latentDim));
        p.put("Q", NdArray.of(q.clone(), latentDim, latentDim));
        p.put("m0", NdArray.of(m0.clone(), latentDim));
        p.put("P0", NdArray.of(p0.clone(), latentDim, latentDim));
        p.put("C", NdArray.of(c.clone(), obsDim, latentDim));
        p.put("d", NdArray.of(d.clone(), obsDim));
        return p;
    }

    private static NdArray require(Map<String, NdArray> p, String name) {
        NdArray v = p.get(name);
        if (v == null) throw new IllegalArgumentException("GLM-LDS parameter '" + name + "' is missing");
        return v;
    }

    private static double[] copy(String name, double[] v, int expected) {
        if (v == null) throw new IllegalArgumentException(name + " must not be null");
        if (v.length != expected) throw new IllegalArgumentException(name + ": expected " + expected + " entries, got " + v.length);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(name + ": non-finite entry " + v[i] + " at index " + i);
        }
        return v.clone();
    }

    private static void requirePositiveDefinite(double[] s, int k, String name) {
        if (!Cholesky.factor(s, k, new double[k * k])) throw new IllegalArgumentException(name + " is not positive definite");
    }

    public EmissionFamily family() { return family; }

    public int latentDim() { return latentDim; }

    public int obsDim() { return obsDim; }

    /** A (D x D). Shared: do not write. */
    public double[] dynamicsView() { return a; }

    /** b (D). Shared: do not write. */
    public double[] biasView() { return b; }

    /** Q (D x D). Shared: do not write. */
    public double[] dynamicsCovarianceView() { return q; }

    /** m0 (D). Shared: do not write. */
    public double[] initialMeanView() { return m0; }

    /** P0 (D x D). Shared: do not write. */
    public double[] initialCovarianceView() { return p0; }

    /** C (N x D). Shared: do not write. */
    public double[] emissionsView() { return c; }

    /** d (N). Shared: do not write. */
    public double[] emissionBiasView() { return d; }

    /** The same dynamics with emissions (C, d) replaced. */
    public GeneralizedLinearDynamicalSystem withEmissions(double[] newC, double[] newD) {
        return of(family, latentDim, obsDim, a, b, q, m0, p0, newC, newD);
    }

    /** The same emissions with dynamics (A, b, Q, m0, P0) replaced. */
    public GeneralizedLinearDynamicalSystem withDynamics(double[] newA, double[] newB, double[] newQ, double[] newM0, double[] newP0) {
        return of(family, latentDim, obsDim, newA, newB, newQ, newM0, newP0, c, d);
    }

    /** Throws unless every observed entry of y fits this model (dimension N, support of the family). */
    public void requireCompatible(TimeSeries y) {
        if (y.dim() != obsDim) throw new IllegalArgumentException("data dimension " + y.dim() + " != model observation dimension N = " + obsDim);
        double[] v = y.valuesView();
        for (int t = 0; t < y.length(); t++) {
            for (int n = 0; n < obsDim; n++) {
                if (y.isObserved(t, n)) family.requireValid(v[t * obsDim + n], "y[" + t + ", " + n + "]");
            }
        }
    }

    /** Draws x_{1:T} and y_{1:T}. */
    public Sample sample(int steps, Rng rng) {
        if (steps < 1) throw new IllegalArgumentException("sample length must be >= 1, got " + steps);
        int dim = latentDim, n = obsDim;
        double[] x = new double[steps * dim], y = new double[steps * n], z = new double[dim];
        double[] p0Root = PsdCheck.squareRoot(p0, 0, dim), qRoot = PsdCheck.squareRoot(q, 0, dim);
        for (int t = 0; t < steps; t++) {
            if (t == 0) {
                System.arraycopy(m0, 0, x, 0, dim);
            } else {
                MatrixOps.mulVec(a, 0, x, (t - 1) * dim, x, t * dim, dim, dim);
                for (int i = 0; i < dim; i++) x[t * dim + i] += b[i];
            }
            for (int i = 0; i < dim; i++) z[i] = rng.gaussian();
            MatrixOps.mulVecAdd(t == 0 ? p0Root : qRoot, 0, z, 0, x, t * dim, dim, dim);
            for (int k = 0; k < n; k++) y[t * n + k] = family.sample(predictor(x, t, k), rng);
        }
        return new Sample(x, TimeSeries.of(y, steps, n));
    }

    /** eta_tn = c_n . x_t + d_n. */
    public double predictor(double[] x, int t, int n) {
        double s = d[n];
        int xo = t * latentDim, co = n * latentDim;
        for (int i = 0; i < latentDim; i++) s += c[co + i] * x[xo + i];
        return s;
    }

    /**
     * log p(x_{1:T}) = log N(x_1; m0, P0) + sum_{t&gt;1} log N(x_t; A x_{t-1} + b, Q).
     *
     * @param x T x D, row-major
     */
    public double logPrior(double[] x) {
        if (x.length % latentDim != 0 || x.length == 0) {
            throw new IllegalArgumentException("x: expected T x D values with D = " + latentDim + ", got " + x.length);
        }
        int steps = x.length / latentDim, dim = latentDim;
        double[] mean = new double[dim], lq = new double[dim * dim], lp0 = new double[dim * dim];
        Cholesky.factorOrThrow(q, dim, lq, "Q");
        Cholesky.factorOrThrow(p0, dim, lp0, "P0");
        double lp = gaussian(x, 0, m0, lp0, dim);
        for (int t = 1; t < steps; t++) {
            MatrixOps.mulVec(a, 0, x, (t - 1) * dim, mean, 0, dim, dim);
            for (int i = 0; i < dim; i++) mean[i] += b[i];
            lp += gaussian(x, t * dim, mean, lq, dim);
        }
        return lp;
    }

    /** sum over observed (t, n) of log p(y_tn | c_n . x_t + d_n); missing entries drop out. */
    public double emissionLogLikelihood(TimeSeries y, double[] x) {
        if (x.length != y.length() * latentDim) {
            throw new IllegalArgumentException("x: expected T x D = " + y.length() + " x " + latentDim + " values, got " + x.length);
        }
        requireCompatible(y);
        double[] v = y.valuesView();
        double s = 0.0;
        for (int t = 0; t < y.length(); t++) {
            for (int n = 0; n < obsDim; n++) {
                if (y.isObserved(t, n)) s += family.logLikelihood(v[t * obsDim + n], predictor(x, t, n));
            }
        }
        return s;
    }

    /** The complete-data log density log p(x_{1:T}, y_{1:T}) = {@link #logPrior} + {@link #emissionLogLikelihood}. */
    public double logJoint(TimeSeries y, double[] x) {
        return emissionLogLikelihood(y, x) + logPrior(x);
    }

    private static double gaussian(double[] x, int xo, double[] mean, double[] l, int k) {
        double[] r = new double[k];
        for (int i = 0; i < k; i++) r[i] = x[xo + i] - mean[i];
        Cholesky.solveLower(l, k, r);
        double quad = 0;
        for (double e : r) quad += e * e;
        return -0.5 * (k * LOG_2PI + Cholesky.logDet(l, k) + quad);
    }

    @Override
    public String toString() {
        return "GeneralizedLinearDynamicalSystem[" + family.id() + ", D=" + latentDim + ", N=" + obsDim + "]";
    }
}
