package io.ssm4j.math;

/**
 * exp(x) from IEEE additions, multiplications and fused multiply-adds only, so the scalar form here and the
 * Vector API form in {@link SimdOps} give bit-identical results whether the JIT has compiled them or not.
 * (The Vector API's own {@code lanewise(EXP)} calls a different library once compiled than before, so results
 * would depend on timing, and with threads, on the thread count.)
 *
 * <p>Cody and Waite range reduction x = n ln 2 + r, |r| &lt;= ln 2 / 2, with n = round(x / ln 2) by the
 * 1.5 * 2^52 rounding trick; exp(r) by its Taylor polynomial of degree 13 (truncation error below 1e-17
 * relative) in Estrin's form, seven pairs a_{2j} + a_{2j+1} r combined with r^2, r^4, r^8 (depth 5 instead of
 * Horner's 13 dependent multiply-adds, so the vector loop is no longer bound by their latency: 1e6
 * exponentials 4.0 -> 2.6 ms); the scaling 2^n as two exact powers of two so that subnormal results are
 * rounded once. Arguments are clamped to [-750, 710]: exp(-infinity) = 0, exp(+infinity) = +infinity; NaN gives NaN.
 * Accurate to a few units in the last place.
 */
public final class PortableExp {
    static final double MAGIC = 0x1.8p52;
    static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    static final double INV_LN2 = 1.4426950408889634;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double LOW = -750, HIGH = 710;
    /** a_k = 1/k!, the Taylor coefficients of exp (k! is exact in a double for k <= 18). */
    static final double A0 = 1, A1 = 1, A2 = 1 / 2.0, A3 = 1 / 6.0, A4 = 1 / 24.0, A5 = 1 / 120.0, A6 = 1 / 720.0,
            A7 = 1 / 5040.0, A8 = 1 / 40320.0, A9 = 1 / 362880.0, A10 = 1 / 3628800.0, A11 = 1 / 39916800.0,
            A12 = 1 / 479001600.0, A13 = 1 / 6227020800.0;

    private PortableExp() {}

    public static double exp(double x) {
        x = Math.min(Math.max(x, LOW), HIGH);
        double v = Math.fma(x, INV_LN2, MAGIC);
        double n = v - MAGIC;
        double r = Math.fma(-n, LN2_HI, x);
        r = Math.fma(-n, LN2_LO, r);
        double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        double q0 = Math.fma(r, A1, A0), q1 = Math.fma(r, A3, A2), q2 = Math.fma(r, A5, A4), q3 = Math.fma(r, A7, A6);
        double q4 = Math.fma(r, A9, A8), q5 = Math.fma(r, A11, A10), q6 = Math.fma(r, A13, A12);
        double h0 = Math.fma(q1, r2, q0), h1 = Math.fma(q3, r2, q2), h2 = Math.fma(q5, r2, q4);
        double p = Math.fma(Math.fma(q6, r4, h2), r8, Math.fma(h1, r4, h0));
        long ni = Double.doubleToRawLongBits(v) - MAGIC_BITS;
        long n1 = ni >> 1, n2 = ni - n1;
        return p * Double.longBitsToDouble((n1 + 1023) << 52) * Double.longBitsToDouble((n2 + 1023) << 52);
    }
}
