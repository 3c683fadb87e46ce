package io.ssm4j.math;

/** Plain-loop reference implementation of {@link VectorOps}. */
public final class ScalarOps implements VectorOps {
    static final ScalarOps INSTANCE = new ScalarOps();

    private ScalarOps() {}

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    @Override
    public void addDots(double[] x, int xo, double[] z, int ldz, int zo, int count, int n, double[] out, int oo) {
        for (int b = 0; b < count; b++) out[oo + b] += dot(x, xo, z, b * ldz + zo, n);
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public void vecMat(double[] x, int xo, double[] a, int ao, int n, int cols, double[] y, int yo) {
        for (int j = 0; j < cols; j++) y[yo + j] = 0;
        for (int i = 0; i < n; i++) axpy(x[xo + i], a, ao + i * cols, y, yo, cols);
    }

    @Override
    public void matVec(double[] a, int ao, int rows, int n, double[] x, int xo, double[] y, int yo) {
        for (int r = 0; r < rows; r++) y[yo + r] = dot(a, ao + r * n, x, xo, n);
    }

    @Override
    public void multiply(double[] x, int xo, double[] y, int yo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) out[oo + i] = x[xo + i] * y[yo + i];
    }

    @Override
    public void addSquares(double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += x[xo + i] * x[xo + i];
    }

    @Override
    public void sparseQuadraticForms(double[] coef, int[] col, int[] rowStart, int rows, double[] zT, int ldz, int t0,
                                     int n, double[] quad, int qo) {
        for (int i = 0; i < n; i++) {
            double q = 0;
            for (int a = 0; a < rows; a++) {
                double r = 0;
                for (int e = rowStart[a]; e < rowStart[a + 1]; e++) r += coef[e] * zT[col[e] * ldz + t0 + i];
                q += r * r;
            }
            quad[qo + i] = q;
        }
    }

    @Override
    public void expShift(double[] x, int off, int n, double shift) {
        for (int i = 0; i < n; i++) x[off + i] = PortableExp.exp(x[off + i] - shift);
    }

    @Override
    public double max(double[] x, int off, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    @Override
    public double sum(double[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public String name() { return "scalar"; }
}
