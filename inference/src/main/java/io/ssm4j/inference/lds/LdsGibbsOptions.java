package io.ssm4j.inference.lds;

import io.ssm4j.inference.kalman.KalmanOptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the LDS blocked Gibbs sampler ({@link LdsGibbsSampler}) draws and under which priors.
 *
 * @param fixed     parameters held at their starting values (hold b and d fixed at zero for the model without
 *                  offsets)
 * @param diagonalR whether the emission noise R is diagonal (per-output inverse-gamma draws); needed when R is drawn
 *                  and some steps are only partly observed
 * @param prior     the conjugate priors on the dynamics ([A B b], Q) and emissions ([C D d], R); a block with any
 *                  parameter drawn needs its prior (a Gibbs sampler needs a proper posterior)
 * @param initial   the prior on the initial state treated as the regression x_1^k = m0 * 1 + e, e ~ N(0, P0):
 *                  P0 ~ IW(psi I, nu), m0 | P0 ~ N(0, P0 / lambda); needed when m0 or P0 is drawn, else may be null
 * @param kalman    options of the forward filter behind each backward-sampling pass
 */
public record LdsGibbsOptions(Set<LdsParameter> fixed, boolean diagonalR, LdsPrior prior, RegressionPrior initial,
                              KalmanOptions kalman) {
    /**
     * @throws IllegalArgumentException when a block that is drawn has no prior
     */
    public LdsGibbsOptions {
        fixed = fixed == null || fixed.isEmpty() ? EnumSet.noneOf(LdsParameter.class) : EnumSet.copyOf(fixed);
        if (kalman == null) throw new IllegalArgumentException("kalman: must not be null");
        if (prior == null) throw new IllegalArgumentException("prior: the Gibbs sampler needs conjugate priors, got null");
        Set<LdsParameter> f = fixed;
        if (prior.dynamics() == null && !f.containsAll(EnumSet.of(LdsParameter.A, LdsParameter.B, LdsParameter.b, LdsParameter.Q))) {
            throw new IllegalArgumentException("prior.dynamics: needed to draw A, B, b or Q (or hold them all fixed)");
        }
        if (prior.emissions() == null && !f.containsAll(EnumSet.of(LdsParameter.C, LdsParameter.D, LdsParameter.d, LdsParameter.R))) {
            throw new IllegalArgumentException("prior.emissions: needed to draw C, D, d or R (or hold them all fixed)");
        }
        if (initial == null && !f.containsAll(EnumSet.of(LdsParameter.m0, LdsParameter.P0))) {
            throw new IllegalArgumentException("initial: a prior is needed to draw m0 or P0 (or hold them fixed)");
        }
    }

    /**
     * The weak priors of {@link LdsPrior#weak} on every parameter, a full R and default Kalman options.
     */
    public static LdsGibbsOptions weak(int latentDim, int obsDim) {
        return new LdsGibbsOptions(EnumSet.noneOf(LdsParameter.class), false, LdsPrior.weak(latentDim, obsDim),
                RegressionPrior.weak(latentDim), KalmanOptions.defaults());
    }

    public LdsGibbsOptions withFixed(Set<LdsParameter> f) { return new LdsGibbsOptions(f, diagonalR, prior, initial, kalman); }

    public LdsGibbsOptions withDiagonalR(boolean diagonal) { return new LdsGibbsOptions(fixed, diagonal, prior, initial, kalman); }

    public LdsGibbsOptions withPrior(LdsPrior p) { return new LdsGibbsOptions(fixed, diagonalR, p, initial, kalman); }

    public LdsGibbsOptions withInitial(RegressionPrior p) { return new LdsGibbsOptions(fixed, diagonalR, prior, p, kalman); }

    /** Whether p is drawn. */
    public boolean learns(LdsParameter p) { return !fixed.contains(p); }

    /** The same choices as LDS EM options, for sharing the regression layout with {@link LdsMStep}. */
    LdsEmOptions asEm() { return new LdsEmOptions(fixed, diagonalR, prior, kalman); }
}
