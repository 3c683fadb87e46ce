package io.ssm4j.inference.messages;

/**
 * The scalar reference {@link StepOps}: one column at a time, the sum or max kept in a local; matrices stay
 * row-major ({@link #pack} copies).
 */
final class ScalarStepOps implements StepOps {
    static final ScalarStepOps INSTANCE = new ScalarStepOps();

    private ScalarStepOps() {}

    @Override
    public void vecMat(double[] x, int xo, double[] m, int mo, int k, double[] out, int oo) {
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) s += x[xo + i] * m[mo + i * k + j];
            out[oo + j] = s;
        }
    }

    @Override
    public void maxPlus(double[] x, int xo, double[] m, int mo, int k, double[] out, int oo) {
        for (int j = 0; j < k; j++) {
            double s = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) s = Math.max(s, x[xo + i] + m[mo + i * k + j]);
            out[oo + j] = s;
        }
    }

    @Override
    public void crossProducts(double[] a, int ao, double[] w, int wo, int n, int k, double[] out) {
        java.util.Arrays.fill(out, 0, k * k, 0.0);
        for (int t = 0; t < n; t++) outerAdd(a, ao + t * k, w, wo + t * k, k, out, 0);
    }

    @Override
    public double[] pack(double[] m, int mo, int count, int k) {
        return java.util.Arrays.copyOfRange(m, mo, mo + count * k * k);
    }

    @Override
    public int packedSize(int k) { return k * k; }

    @Override
    public void outerAdd(double[] x, int xo, double[] y, int yo, int k, double[] s, int so) {
        for (int i = 0; i < k; i++) {
            double a = x[xo + i];
            int r = so + i * k;
            for (int j = 0; j < k; j++) s[r + j] += a * y[yo + j];
        }
    }
}
