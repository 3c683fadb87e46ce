package io.ssm4j.inference.lds;

import io.ssm4j.inference.kalman.KalmanOptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * What LDS EM learns and how.
 *
 * @param fixed    parameters held at their starting values (B and D only exist with inputs; hold b and d fixed at
 *                 zero for the textbook model without offsets)
 * @param diagonalR whether the emission noise R is learned as a diagonal matrix. A full R is supported when every
 *                 step is fully observed or fully missing; with partly observed steps R must be diagonal (the
 *                 full-R update then has no closed form) or fixed
 * @param prior    conjugate priors for MAP estimation, or null for maximum likelihood
 * @param kalman   options of the E-step's filter and smoother (the steady-state shortcut applies to time-invariant
 *                 models on fully observed data)
 */
public record LdsEmOptions(Set<LdsParameter> fixed, boolean diagonalR, LdsPrior prior, KalmanOptions kalman) {
    public LdsEmOptions {
        fixed = fixed == null || fixed.isEmpty() ? EnumSet.noneOf(LdsParameter.class) : EnumSet.copyOf(fixed);
        if (kalman == null) throw new IllegalArgumentException("kalman: must not be null");
    }

    /** Everything learned, full R, maximum likelihood, default Kalman options. */
    public static LdsEmOptions defaults() {
        return new LdsEmOptions(EnumSet.noneOf(LdsParameter.class), false, null, KalmanOptions.defaults());
    }

    public LdsEmOptions withFixed(Set<LdsParameter> f) { return new LdsEmOptions(f, diagonalR, prior, kalman); }

    public LdsEmOptions withDiagonalR(boolean diagonal) { return new LdsEmOptions(fixed, diagonal, prior, kalman); }

    public LdsEmOptions withPrior(LdsPrior p) { return new LdsEmOptions(fixed, diagonalR, p, kalman); }

    public LdsEmOptions withKalman(KalmanOptions k) { return new LdsEmOptions(fixed, diagonalR, prior, k); }

    /** Whether p is learned. */
    public boolean learns(LdsParameter p) { return !fixed.contains(p); }
}
