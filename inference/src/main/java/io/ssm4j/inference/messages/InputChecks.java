package io.ssm4j.inference.messages;

import java.util.Objects;

/** Validation shared by every message-passing entry point; messages name the argument and both sizes. */
final class InputChecks {
    /** Allowed deviation of sum(initialProbs) from 1. */
    static final double SUM_TOLERANCE = 1e-8;

    private InputChecks() {}

    /** Checks the shapes and the initial distribution; returns K. NaN in logLikelihoods is caught by the scans. */
    static int check(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods, int length) {
        Objects.requireNonNull(initialProbs, "initialProbs");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(logLikelihoods, "logLikelihoods");
        if (length < 1) throw new IllegalArgumentException("length must be >= 1, got " + length);
        int k = trans.numStates();
        if (initialProbs.length != k) {
            throw new IllegalArgumentException("initialProbs has length " + initialProbs.length
                    + ", expected numStates = " + k);
        }
        long expected = (long) length * k;
        if (logLikelihoods.length != expected) {
            throw new IllegalArgumentException("logLikelihoods has length " + logLikelihoods.length
                    + ", expected length * numStates = " + length + " * " + k + " = " + expected);
        }
        trans.checkCovers(length);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double v = initialProbs[i];
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("initialProbs[" + i + "] must be finite and >= 0, got " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("initialProbs must sum to 1 within " + SUM_TOLERANCE + ", got sum " + sum);
        }
        return k;
    }

    /** The exception for a log-likelihood that is NaN or +infinity. */
    static IllegalArgumentException badLogLikelihood(double v, int t, int k) {
        return new IllegalArgumentException("logLikelihoods[t=" + t + ", k=" + k + "] is " + v
                + "; entries must be finite or -infinity");
    }

    /** The exception for a step that no state can explain. */
    static IllegalStateException zeroProbability(int t) {
        return new IllegalStateException("observation at t=" + t + " has zero probability under every state");
    }
}
