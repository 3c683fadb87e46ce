package io.ssm4j.inference.messages;

import java.util.Arrays;

/**
 * Sequential forward-backward for an HMM with scaled (normalised) messages in probability space, after
 * Rabiner (1989), "A tutorial on hidden Markov models and selected applications in speech recognition",
 * Proc. IEEE 77(2), sec. V.A.
 *
 * <pre>
 *   forward:  alpha_t(j) = lik_t(j) sum_i alpha_{t-1}(i) P_{t-1}(i,j) / c_t,   alpha_0(j) = pi(j) lik_0(j) / c_0
 *   backward: beta_{T-1} = 1,  beta_t(i) = sum_j P_t(i,j) lik_{t+1}(j) beta_{t+1}(j) / c_{t+1}
 *   gamma_t(i) = alpha_t(i) beta_t(i),   xi_t(i,j) = alpha_t(i) P_t(i,j) lik_{t+1}(j) beta_{t+1}(j) / c_{t+1}
 *   log p(x_{0..T-1}) = sum_t (log c_t + m_t)
 * </pre>
 * where lik_t(j) = exp(l_t(j) - m_t), m_t = max_j l_t(j) and l = logLikelihoods. The result is exact (no
 * truncation); zero initial probabilities, zero transitions and -infinity log-likelihoods are allowed as
 * long as some path has positive probability. Cost O(T K^2) time, O(T K) memory (the result itself plus the
 * scaled likelihoods, kept between calls as {@link WorkArrays}).
 */
public final class ForwardBackward {
    private ForwardBackward() {}

    /**
     * Posterior marginals, summed expected transitions and the log marginal likelihood.
     *
     * @param initialProbs   pi, length K, summing to 1
     * @param trans          P, stationary or with {@code length - 1} steps
     * @param logLikelihoods l_t(k) = log p(x_t | z_t = k), T x K row-major; -infinity allowed, NaN not
     * @param length         T >= 1
     * @throws IllegalArgumentException for inconsistent sizes or values, naming the argument
     * @throws IllegalStateException    when the observation at some t has zero probability under every state
     */
    public static HmmPosterior run(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods, int length) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        double[] lik = WorkArrays.of(WorkArrays.Slot.SCALED_LIKELIHOODS, length * k);
        double[] shift = WorkArrays.of(WorkArrays.Slot.SHIFTS, length);
        ScaledLikelihoods.fill(logLikelihoods, k, 0, length, lik, shift);
        double[] gamma = new double[length * k];
        double[] c = WorkArrays.of(WorkArrays.Slot.NORMALISERS, length);
        ForwardKernel.filter(initialProbs, trans, lik, 0, length, gamma, c);
        double logZ = ForwardKernel.logNormaliser(c, shift, 0, length);
        double[] ones = new double[k];
        Arrays.fill(ones, 1.0);
        double[] xi = new double[k * k];
        double[] perStep = trans.isStationary() ? null : new double[(length - 1) * k * k];
        BackwardKernel.smooth(trans, lik, c, 0, length, null, ones, gamma, xi, perStep);
        return new HmmPosterior(logZ, gamma, xi, perStep, length, k);
    }

    /** log p(x_{0..T-1}) by the forward pass alone, in O(K) extra memory. Same arguments and checks as {@link #run}. */
    public static double logLikelihood(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods,
                                       int length) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        double[] p = trans.packed();
        double[] lik = new double[k];
        double[] alpha = new double[k];
        double[] next = new double[k];
        double logZ = ScaledLikelihoods.row(logLikelihoods, k, 0, lik);
        double c = ForwardKernel.first(initialProbs, lik, 0, alpha, 0, k);
        if (!(c > 0)) throw InputChecks.zeroProbability(0);
        logZ += Math.log(c);
        for (int t = 1; t < length; t++) {
            logZ += ScaledLikelihoods.row(logLikelihoods, k, t, lik);
            c = ForwardKernel.step(alpha, 0, p, trans.packedOffset(t - 1), lik, 0, next, 0, k);
            if (!(c > 0)) throw InputChecks.zeroProbability(t);
            logZ += Math.log(c);
            double[] tmp = alpha;
            alpha = next;
            next = tmp;
        }
        return logZ;
    }
}
