package io.ssm4j.inference.lds;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.List;

/**
 * Held-out log-likelihood of the Gaussian linear dynamical system, to choose the latent dimension D by
 * cross-validation ({@link CrossValidation}): each fold is fitted by EM ({@link LdsExpectationMaximization}) from
 * the PCA start ({@link LdsInitializer#pca}) and scored with the Kalman filter's exact log-likelihood
 * ({@link KalmanFilter}, missing entries marginalised):
 * <ul>
 *   <li>over trials: log p(y_heldout | theta) of the left-out trials;</li>
 *   <li>over masked blocks of time bins: log p(y_hidden | y_observed, theta) = log p(y | theta) - log p(y_observed | theta).</li>
 * </ul>
 * Hidden blocks are whole time steps, so a full emission covariance R can be learned unless the data already
 * have partly observed steps (then pass {@code em.withDiagonalR(true)}). The PCA start and EM are deterministic.
 */
public final class LdsHeldOutLikelihood {
    private LdsHeldOutLikelihood() {}

    /** Cross-validation over trials (trial i goes to fold i mod folds). */
    public static List<CrossValidation.Fold> overTrials(int latentDim, Trials trials, int folds, FitOptions options, LdsEmOptions em) {
        // the fits draw no random numbers: any stream will do
        return CrossValidation.overTrials(trials, folds, Rng.seeded(0), fitter(latentDim, options, em), scorer(em));
    }

    /** Cross-validation over masked blocks of time bins covering about fraction of every trial, drawn from rng. */
    public static List<CrossValidation.Fold> overMaskedBins(int latentDim, Trials trials, double fraction, int folds, int blockLength,
                                                            FitOptions options, LdsEmOptions em, Rng rng) {
        return CrossValidation.overMaskedBins(trials, fraction, folds, blockLength, rng, fitter(latentDim, options, em), scorer(em));
    }

    private static CrossValidation.Fitter<LinearGaussianStateSpaceModel> fitter(int latentDim, FitOptions options, LdsEmOptions em) {
        if (latentDim < 1) throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        return (train, rng) -> LdsExpectationMaximization.fit(LdsInitializer.pca(train, latentDim), train, options, em).model();
    }

    private static CrossValidation.Scorer<LinearGaussianStateSpaceModel> scorer(LdsEmOptions em) {
        return (LinearGaussianStateSpaceModel model, TimeSeries y) -> KalmanFilter.filter(model, y, em.kalman()).logLikelihood();
    }
}
