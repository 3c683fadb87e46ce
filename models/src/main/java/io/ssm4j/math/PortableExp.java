package io.ssm4j.math;

/**
 * exp(x) from IEEE additions, multiplications and fused multiply-adds only, so the scalar form here and the
 * Vector API form in {@link SimdOps} give bit-identical results whether the JIT has compiled them or not.
 * (The Vector API's own {@code lanewise(EXP)} calls a different library once compiled than before, so results
 * would depend on timing, and with threads, on the thread count.)
 *
 * <p>Cody and Waite range reduction x = n ln 2 + r, |r| &lt;= ln 2 / 2, with n = round(x / ln 2) by the
 * 1.5 * 2^52 rounding trick; exp(r) by its Taylor polynomial of degree 13 (truncation error below 1e-17
 * relative) in Horner form; the scaling 2^n as two exact powers of two so that subnormal results are rounded
 * once. Arguments are clamped to [-750, 710]: exp(-infinity) = 0, exp(+infinity) = +infinity; NaN gives NaN.
 * Accurate to a few units in the last place.
 */
public final class PortableExp {
    static final double MAGIC = 0x1.8p52;
    static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    static final double INV_LN2 = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double LOW = -750, HIGH = 710;
    /** 1/k! for k = 13 down to 0, the Horner order. */
    static final double[] COEFFICIENTS = horner();

    private PortableExp() {}

    private static double[] horner() {
        double[] c = new double[14];
        double f = 1;
        for (int k = 0; k <= 13; k++) {
            if (k > 0) f *= k;
            c[13 - k] = 1 / f;
        }
        return c;
    }

    public static double exp(double x) {
        x = Math.min(Math.max(x, LOW), HIGH);
        double v = Math.fma(x, INV_LN2, MAGIC);
        double n = v - MAGIC;
        double r = Math.fma(-n, LN2_HI, x);
        r = Math.fma(-n, LN2_LO, r);
        double p = COEFFICIENTS[0];
        for (int i = 1; i < COEFFICIENTS.length; i++) p = Math.fma(p, r, COEFFICIENTS[i]);
        long ni = Double.doubleToRawLongBits(v) - MAGIC_BITS;
        long n1 = ni >> 1, n2 = ni - n1;
        return p * Double.longBitsToDouble((n1 + 1023) << 52) * Double.longBitsToDouble((n2 + 1023) << 52);
    }
}
