package io.ssm4j.inference.messages;

import io.ssm4j.math.Rng;

/**
 * Exact posterior path sampling by forward filtering, backward sampling (Chib 1996, "Calculating posterior
 * distributions and modal estimates in Markov mixture models", J. Econometrics 75; Scott 2002, "Bayesian
 * methods for hidden Markov models", JASA 97):
 *
 * <pre>
 *   z_{T-1} ~ alpha_{T-1}(.)                       = p(z_{T-1} | x_{0..T-1})
 *   z_t     ~ alpha_t(i) P_t(i, z_{t+1}) / norm     = p(z_t | z_{t+1}, x_{0..t})
 * </pre>
 * with alpha_t the scaled filtered distributions of {@link ForwardBackward}. One call draws one path from
 * p(z | x); the random stream is passed in, so a seed reproduces the path.
 */
public final class BackwardSampler {
    private BackwardSampler() {}

    /**
     * One path z_{0..T-1} drawn from the exact posterior.
     *
     * @throws IllegalArgumentException for inconsistent sizes or values, naming the argument
     * @throws IllegalStateException    when the observation at some t has zero probability under every state
     */
    public static int[] sample(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods, int length,
                               Rng rng) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        java.util.Objects.requireNonNull(rng, "rng");
        double[] lik = WorkArrays.of(WorkArrays.Slot.SCALED_LIKELIHOODS, length * k);
        double[] shift = WorkArrays.of(WorkArrays.Slot.SHIFTS, length);
        ScaledLikelihoods.fill(logLikelihoods, k, 0, length, lik, shift);
        double[] alpha = WorkArrays.of(WorkArrays.Slot.FILTERED, length * k);
        double[] c = WorkArrays.of(WorkArrays.Slot.NORMALISERS, length);
        ForwardKernel.filter(initialProbs, trans, lik, 0, length, alpha, c);
        double[] p = trans.flatView();
        double[] w = new double[k];
        int[] states = new int[length];
        int z = rng.categorical(alpha, (length - 1) * k, k);
        states[length - 1] = z;
        for (int t = length - 2; t >= 0; t--) {
            int row = t * k;
            int col = trans.offset(t) + z;
            for (int i = 0; i < k; i++) w[i] = alpha[row + i] * p[col + i * k];
            z = rng.categorical(w, 0, k);
            states[t] = z;
        }
        return states;
    }
}
