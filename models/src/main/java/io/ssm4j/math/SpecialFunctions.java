package io.ssm4j.math;

import org.apache.commons.math3.special.Gamma;

/** Log-gamma, digamma and friends, from Commons Math where it has them. */
public final class SpecialFunctions {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int i = 1; i < LOG_FACTORIAL.length; i++) LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }

    private SpecialFunctions() {}

    public static double logGamma(double x) { return Gamma.logGamma(x); }

    public static double digamma(double x) { return Gamma.digamma(x); }

    /** log k! (a table below 256, log-gamma above). */
    public static double logFactorial(long k) {
        if (k < 0) throw new IllegalArgumentException("log factorial of a negative number: " + k);
        return k < LOG_FACTORIAL.length ? LOG_FACTORIAL[(int) k] : Gamma.logGamma(k + 1.0);
    }

    /** Multivariate log-gamma: log Gamma_D(a) = D(D-1)/4 log(pi) + sum_{j=1..D} log Gamma(a + (1 - j)/2). */
    public static double logMultivariateGamma(double a, int d) {
        double r = d * (d - 1) / 4.0 * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) r += Gamma.logGamma(a + (1 - j) / 2.0);
        return r;
    }
}
