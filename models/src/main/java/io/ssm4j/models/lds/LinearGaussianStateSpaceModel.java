package io.ssm4j.models.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The linear dynamical system (linear-Gaussian state-space model) with latent x_t in R^D, observations
 * y_t in R^N and optional inputs u_t in R^M, for steps t = 1..T:
 * <pre>
 *   x_1     ~ N(m0, P0)
 *   x_{t+1} = A_t x_t + B u_t + b + w_t,   w_t ~ N(0, Q_t)
 *   y_t     = C_t x_t + D u_t + d + v_t,   v_t ~ N(0, R_t)
 * </pre>
 * (Kalman 1960; Shumway and Stoffer 1982; Roweis and Ghahramani 1999, "A unifying review of linear Gaussian
 * models"). As in ssm, statsmodels and pykalman, x_1 is the state at the first observation. The transition into
 * step t+1 uses the input u_t of step t. A, Q (T-1 transitions) and C, R (T emissions) may each be fixed or
 * given per step; B, b, D, d are fixed and default to absent / zero.
 *
 * <p>Parameters are named as in the command line's parameter .npz: {@code A, B, b, Q, C, D, d, R, m0, P0}.
 * Q, R and P0 must be symmetric positive semidefinite. An immutable value: it knows its complete-data log joint
 * and its sampler; the Kalman filter and smoother live in {@code io.ssm4j.inference.kalman}.
 */
public final class LinearGaussianStateSpaceModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int latentDim;
    private final int obsDim;
    private final int inputDim;
    private final MatrixSequence a;
    private final MatrixSequence q;
    private final MatrixSequence c;
    private final MatrixSequence r;
    private final double[] inputMatrix;
    private final double[] bias;
    private final double[] emissionInputMatrix;
    private final double[] emissionBias;
    private final double[] m0;
    private final double[] p0;
    private final int length;

    /** A draw of the states (T x D, row-major) and the observations. */
    public record Sample(double[] states, TimeSeries observations) {}

    private LinearGaussianStateSpaceModel(Map<String, NdArray> p) {
        NdArray am = require(p, "A");
        if (am.ndim() < 2) throw new IllegalArgumentException("A: expected shape [D, D] or [T-1, D, D], got " + Arrays.toString(am.shape()));
        latentDim = am.dim(am.ndim() - 1);
        NdArray cm = require(p, "C");
        if (cm.ndim() < 2) throw new IllegalArgumentException("C: expected shape [N, D] or [T, N, D], got " + Arrays.toString(cm.shape()));
        obsDim = cm.dim(cm.ndim() - 2);
        NdArray bm = p.get("B"), dm = p.get("D");
        int m = bm != null ? (bm.ndim() == 2 ? bm.dim(1) : -1) : dm != null ? (dm.ndim() == 2 ? dm.dim(1) : -1) : 0;
        if (m < 0) throw new IllegalArgumentException("B and D: expected 2-d input matrices");
        inputDim = m;
        int dd = latentDim, n = obsDim;
        a = MatrixSequence.fromArray("A", am, dd, dd);
        q = MatrixSequence.fromArray("Q", require(p, "Q"), dd, dd);
        c = MatrixSequence.fromArray("C", cm, n, dd);
        NdArray rm = require(p, "R");
        r = rm.ndim() == 1 ? MatrixSequence.fixed(diagonal(rm.requireShape("R (diagonal)", n).dataView()), n, n)
                : MatrixSequence.fromArray("R", rm, n, n);
        inputMatrix = bm == null ? null : bm.requireShape("B", dd, m).toArray();
        emissionInputMatrix = dm == null ? null : dm.requireShape("D", n, m).toArray();
        bias = p.containsKey("b") ? p.get("b").requireShape("b", dd).toArray() : new double[dd];
        emissionBias = p.containsKey("d") ? p.get("d").requireShape("d", n).toArray() : new double[n];
        m0 = require(p, "m0").requireShape("m0", dd).toArray();
        p0 = require(p, "P0").requireShape("P0", dd, dd).toArray();
        length = consistentLength();
        for (String key : p.keySet()) {
            if (!java.util.Set.of("A", "B", "b", "Q", "C", "D", "d", "R", "m0", "P0").contains(key)) {
                throw new IllegalArgumentException("unknown LDS parameter '" + key + "' (expected A, B, b, Q, C, D, d, R, m0, P0)");
            }
        }
        validateValues();
    }

    /**
     * A model from named parameters (the .npz and model.json layout). Shapes: A, Q: [D, D] or [T-1, D, D];
     * C: [N, D] or [T, N, D]; R: [N, N], [T, N, N] or [N] (diagonal); B: [D, M]; b: [D]; D: [N, M]; d: [N];
     * m0: [D]; P0: [D, D]. Absent B, b, D, d mean zero.
     *
     * @throws IllegalArgumentException naming the parameter when one is missing, misshapen, non-finite, or a
     *                                  covariance is not symmetric positive semidefinite
     */
    public static LinearGaussianStateSpaceModel fromParameters(Map<String, NdArray> parameters) {
        return new LinearGaussianStateSpaceModel(parameters);
    }

    /** The parameters by name, fixed ones as matrices and time-varying ones with a leading step axis. */
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", a.toArray());
        if (inputMatrix != null) p.put("B", NdArray.of(inputMatrix, latentDim, inputDim));
        p.put("b", NdArray.of(bias, latentDim));
        p.put("Q", q.toArray());
        p.put("C", c.toArray());
        if (emissionInputMatrix != null) p.put("D", NdArray.of(emissionInputMatrix, obsDim, inputDim));
        p.put("d", NdArray.of(emissionBias, obsDim));
        p.put("R", r.toArray());
        p.put("m0", NdArray.of(m0, latentDim));
        p.put("P0", NdArray.of(p0, latentDim, latentDim));
        return p;
    }

    private static NdArray require(Map<String, NdArray> p, String name) {
        NdArray v = p.get(name);
        if (v == null) throw new IllegalArgumentException("LDS parameter '" + name + "' is missing");
        return v;
    }

    private static double[] diagonal(double[] v) {
        double[] m = new double[v.length * v.length];
        for (int i = 0; i < v.length; i++) m[i * v.length + i] = v[i];
        return m;
    }

    private int consistentLength() {
        int t = 0;
        String from = null;
        int[] implied = {a.isFixed() ? 0 : a.count() + 1, q.isFixed() ? 0 : q.count() + 1, c.isFixed() ? 0 : c.count(),
                r.isFixed() ? 0 : r.count()};
        String[] names = {"A", "Q", "C", "R"};
        for (int i = 0; i < 4; i++) {
            if (implied[i] == 0) continue;
            if (t != 0 && implied[i] != t) {
                throw new IllegalArgumentException("time-varying " + names[i] + " implies T = " + implied[i] + " but "
                        + from + " implies T = " + t);
            }
            t = implied[i];
            from = names[i];
        }
        return t;
    }

    private void validateValues() {
        requireFinite("A", a.view());
        requireFinite("C", c.view());
        requireFinite("b", bias);
        requireFinite("d", emissionBias);
        requireFinite("m0", m0);
        if (inputMatrix != null) requireFinite("B", inputMatrix);
        if (emissionInputMatrix != null) requireFinite("D", emissionInputMatrix);
        for (int t = 0; t < q.count(); t++) PsdCheck.require(q.view(), q.offset(t), latentDim, q.isFixed() ? "Q" : "Q[" + t + "]");
        for (int t = 0; t < r.count(); t++) PsdCheck.require(r.view(), r.offset(t), obsDim, r.isFixed() ? "R" : "R[" + t + "]");
        PsdCheck.require(p0, 0, latentDim, "P0");
    }

    private static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(name + ": non-finite entry " + v[i] + " at index " + i);
        }
    }

    /** The latent dimension D. */
    public int latentDim() { return latentDim; }

    /** The observation dimension N. */
    public int obsDim() { return obsDim; }

    /** The input dimension M (0 without inputs). */
    public int inputDim() { return inputDim; }

    /** The sequence length T that time-varying parameters fix, or 0 when every parameter is fixed. */
    public int length() { return length; }

    /** True when A, Q, C and R are all fixed. */
    public boolean isTimeInvariant() { return length == 0; }

    public MatrixSequence dynamics() { return a; }

    public MatrixSequence dynamicsCovariance() { return q; }

    public MatrixSequence emissions() { return c; }

    public MatrixSequence emissionCovariance() { return r; }

    /** B (D x M), or null without inputs. Shared: do not write. */
    public double[] inputMatrixView() { return inputMatrix; }

    /** b (D). Shared: do not write. */
    public double[] biasView() { return bias; }

    /** D (N x M), or null without inputs. Shared: do not write. */
    public double[] emissionInputMatrixView() { return emissionInputMatrix; }

    /** d (N). Shared: do not write. */
    public double[] emissionBiasView() { return emissionBias; }

    /** m0 (D). Shared: do not write. */
    public double[] initialMeanView() { return m0; }

    /** P0 (D x D). Shared: do not write. */
    public double[] initialCovarianceView() { return p0; }

    /**
     * Throws unless a series of length t with input dimension m fits this model (time-varying parameters fix T;
     * a model with B or D needs inputs of width M, a model without them ignores inputs).
     */
    public void requireCompatible(int t, int n, int m, boolean hasInputs) {
        if (n != obsDim) throw new IllegalArgumentException("data dimension " + n + " != model observation dimension N = " + obsDim);
        if (length != 0 && t != length) {
            throw new IllegalArgumentException("time-varying parameters fix T = " + length + ", data has T = " + t);
        }
        if (inputDim > 0 && (!hasInputs || m != inputDim)) {
            throw new IllegalArgumentException("the model takes inputs of dimension M = " + inputDim + ", data has "
                    + (hasInputs ? "M = " + m : "no inputs"));
        }
    }

    /** mean += B u_t + b (when inputs is null or the model has no B, only b). */
    public void addDynamicsOffset(double[] inputs, int t, double[] mean, int mo) {
        for (int i = 0; i < latentDim; i++) mean[mo + i] += bias[i];
        if (inputMatrix != null && inputs != null) MatrixOps.mulVecAdd(inputMatrix, 0, inputs, t * inputDim, mean, mo, latentDim, inputDim);
    }

    /** out = d + D u_t (N entries at oo). */
    public void emissionOffset(double[] inputs, int t, double[] out, int oo) {
        System.arraycopy(emissionBias, 0, out, oo, obsDim);
        if (emissionInputMatrix != null && inputs != null) {
            MatrixOps.mulVecAdd(emissionInputMatrix, 0, inputs, t * inputDim, out, oo, obsDim, inputDim);
        }
    }

    /**
     * Draws x_{1:T} and y_{1:T}.
     *
     * @param inputs u (T x M, row-major) when the model has inputs, else null
     */
    public Sample sample(int steps, double[] inputs, Rng rng) {
        if (steps < 1) throw new IllegalArgumentException("sample length must be >= 1, got " + steps);
        if (inputDim > 0 && (inputs == null || inputs.length != steps * inputDim)) {
            throw new IllegalArgumentException("inputs: expected T x M = " + steps + " x " + inputDim + " values");
        }
        requireCompatible(steps, obsDim, inputDim, inputs != null);
        int dd = latentDim, n = obsDim;
        double[] x = new double[steps * dd], y = new double[steps * n];
        double[] z = new double[Math.max(dd, n)];
        addNoise(PsdCheck.squareRoot(p0, 0, dd), dd, rng, z, x, 0);
        for (int i = 0; i < dd; i++) x[i] += m0[i];
        double[][] qRoots = new double[q.count()][], rRoots = new double[r.count()][];
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                MatrixOps.mulVec(a.view(), a.offset(t - 1), x, (t - 1) * dd, x, t * dd, dd, dd);
                addDynamicsOffset(inputs, t - 1, x, t * dd);
                int k = q.isFixed() ? 0 : t - 1;
                if (qRoots[k] == null) qRoots[k] = PsdCheck.squareRoot(q.view(), q.offset(t - 1), dd);
                addNoise(qRoots[k], dd, rng, z, x, t * dd);
            }
            emissionOffset(inputs, t, y, t * n);
            MatrixOps.mulVecAdd(c.view(), c.offset(t), x, t * dd, y, t * n, n, dd);
            int k = r.isFixed() ? 0 : t;
            if (rRoots[k] == null) rRoots[k] = PsdCheck.squareRoot(r.view(), r.offset(t), n);
            addNoise(rRoots[k], n, rng, z, y, t * n);
        }
        TimeSeries obs = TimeSeries.of(y, steps, n);
        return new Sample(x, inputs == null ? obs : obs.withInputs(inputs, inputDim));
    }

    private static void addNoise(double[] root, int k, Rng rng, double[] z, double[] out, int oo) {
        for (int i = 0; i < k; i++) z[i] = rng.gaussian();
        MatrixOps.mulVecAdd(root, 0, z, 0, out, oo, k, k);
    }

    /**
     * The complete-data log density log p(x_{1:T}, y_{1:T}) = log N(x_1; m0, P0)
     * + sum_t log N(x_{t+1}; A_t x_t + B u_t + b, Q_t) + sum_t log N(y_t^o; C_t^o x_t + D^o u_t + d^o, R_t^oo),
     * where ^o keeps the observed entries of y_t. Needs Q, R (on observed rows) and P0 positive definite.
     *
     * @param x the states, T x D row-major
     */
    public double logJoint(TimeSeries y, double[] x) {
        int t = y.length(), dd = latentDim, n = obsDim;
        requireCompatible(t, y.dim(), y.inputDim(), y.hasInputs());
        if (x.length != t * dd) throw new IllegalArgumentException("x: expected T x D = " + t + " x " + dd + " values, got " + x.length);
        double[] u = y.hasInputs() ? y.inputsView() : null;
        double[] mean = new double[Math.max(dd, n)];
        double lp = gaussianLogDensity(x, 0, m0, p0, 0, dd, null, "P0");
        for (int s = 1; s < t; s++) {
            MatrixOps.mulVec(a.view(), a.offset(s - 1), x, (s - 1) * dd, mean, 0, dd, dd);
            addDynamicsOffset(u, s - 1, mean, 0);
            lp += gaussianLogDensity(x, s * dd, mean, q.view(), q.offset(s - 1), dd, null, "Q");
        }
        boolean[] mask = y.maskView();
        double[] yv = y.valuesView();
        for (int s = 0; s < t; s++) {
            emissionOffset(u, s, mean, 0);
            MatrixOps.mulVecAdd(c.view(), c.offset(s), x, s * dd, mean, 0, n, dd);
            boolean[] rowMask = null;
            if (mask != null) rowMask = Arrays.copyOfRange(mask, s * n, (s + 1) * n);
            lp += gaussianLogDensity(yv, s * n, mean, r.view(), r.offset(s), n, rowMask, "R");
        }
        return lp;
    }

    /** log N(v[vo..]; mean, S) restricted to the entries where keep is true (all when keep is null). */
    private static double gaussianLogDensity(double[] v, int vo, double[] mean, double[] s, int so, int k, boolean[] keep, String name) {
        int[] idx = new int[k];
        int m = 0;
        for (int i = 0; i < k; i++) if (keep == null || keep[i]) idx[m++] = i;
        if (m == 0) return 0.0;
        double[] sub = new double[m * m], l = new double[m * m], res = new double[m];
        for (int i = 0; i < m; i++) {
            res[i] = v[vo + idx[i]] - mean[idx[i]];
            for (int j = 0; j < m; j++) sub[i * m + j] = s[so + idx[i] * k + idx[j]];
        }
        Cholesky.factorOrThrow(sub, m, l, name + " (in logJoint)");
        Cholesky.solveLower(l, m, res);
        double quad = 0;
        for (double e : res) quad += e * e;
        return -0.5 * (m * LOG_2PI + Cholesky.logDet(l, m) + quad);
    }

    @Override
    public String toString() {
        return "LinearGaussianStateSpaceModel[D=" + latentDim + ", N=" + obsDim + (inputDim > 0 ? ", M=" + inputDim : "")
                + (length > 0 ? ", time-varying T=" + length : "") + "]";
    }
}
