package io.ssm4j.models.hmm;

/**
 * The structure of an HMM-family model, apart from its parameter values: K states, D observed dimensions,
 * emission and transition families, AR lags, input dimension M, categories C (categorical emissions),
 * whether conjugate priors are used (MAP) or not (ML), and the stickiness kappa of sticky transitions.
 */
public record HmmSpec(int numStates, int dim, EmissionType emissions, TransitionType transitions, int lags,
                      int inputDim, int categories, boolean conjugatePrior, double stickiness) {
    public HmmSpec {
        if (numStates < 1) throw new IllegalArgumentException("number of states K must be >= 1, got " + numStates);
        if (dim < 1) throw new IllegalArgumentException("observation dimension D must be >= 1, got " + dim);
        if (emissions.isAutoregressive() && lags < 1) throw new IllegalArgumentException("lags must be >= 1, got " + lags);
        if (inputDim < 0) throw new IllegalArgumentException("input dimension must be >= 0, got " + inputDim);
        if (emissions == EmissionType.CATEGORICAL && categories < 2) {
            throw new IllegalArgumentException("categorical emissions need at least 2 categories, got " + categories);
        }
        if (transitions == TransitionType.INPUT_DRIVEN && inputDim < 1) {
            throw new IllegalArgumentException("input-driven transitions need inputs (M >= 1)");
        }
        if (!(stickiness >= 0)) throw new IllegalArgumentException("stickiness kappa must be >= 0, got " + stickiness);
    }

    /** A plain HMM spec: standard transitions, no inputs, maximum likelihood. */
    public static HmmSpec of(int numStates, int dim, EmissionType emissions) {
        return new HmmSpec(numStates, dim, emissions, TransitionType.STANDARD, emissions.isAutoregressive() ? 1 : 0, 0,
                0, false, 0);
    }
}
