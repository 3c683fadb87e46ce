package io.ssm4j.inference.lds;

/**
 * Conjugate priors for MAP EM of an LDS: a {@link RegressionPrior} (matrix-normal-inverse-Wishart) on the
 * dynamics ([A B b] | Q) and one on the emissions ([C D d] | R); either may be null (maximum likelihood for that
 * part). m0 and P0 are always maximum likelihood. Only the parameters being learned carry the prior.
 */
public record LdsPrior(RegressionPrior dynamics, RegressionPrior emissions) {
    /** The weak defaults of {@link RegressionPrior#weak} for latent dimension D and observation dimension N. */
    public static LdsPrior weak(int latentDim, int obsDim) {
        return new LdsPrior(RegressionPrior.weak(latentDim), RegressionPrior.weak(obsDim));
    }
}
