package io.ssm4j.inference.lds;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.ExpectationMaximization;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.function.Consumer;

/**
 * Expectation-maximisation for the linear dynamical system x_{t+1} = A x_t + B u_t + b + w_t,
 * y_t = C x_t + D u_t + d + v_t (Shumway and Stoffer 1982, "An approach to time series smoothing and forecasting
 * using the EM algorithm"; Ghahramani and Hinton 1996, "Parameter estimation for linear dynamical systems"):
 * the E-step is the Kalman filter and RTS smoother ({@link LdsEStep}), the M-step the closed-form update of
 * {@link LdsMStep}. The objective log p(y | theta) + log p(theta) uses the filter's exact log-likelihood and never
 * decreases. The model must be time-invariant; the returned model is a new value.
 */
public final class LdsExpectationMaximization {
    private LdsExpectationMaximization() {}

    /**
     * Runs EM from {@code start}.
     *
     * @throws IllegalArgumentException when the model is time-varying or does not fit the data
     */
    public static FitResult<LinearGaussianStateSpaceModel> fit(LinearGaussianStateSpaceModel start, Trials trials,
                                                              FitOptions options, LdsEmOptions em) {
        return fit(EmProgress.start(start), trials, options, em, progress -> { });
    }

    /**
     * Runs EM from where {@code from} stands (a start or a checkpoint), handing the progress after every iteration to
     * afterIteration (to write checkpoints); a resumed run ends exactly where the uninterrupted one would.
     *
     * @throws IllegalArgumentException when the model is time-varying or does not fit the data
     */
    public static FitResult<LinearGaussianStateSpaceModel> fit(EmProgress<LinearGaussianStateSpaceModel> from, Trials trials,
                                                              FitOptions options, LdsEmOptions em,
                                                              Consumer<EmProgress<LinearGaussianStateSpaceModel>> afterIteration) {
        LinearGaussianStateSpaceModel start = from.model();
        if (!start.isTimeInvariant()) {
            throw new IllegalArgumentException("LDS EM needs a time-invariant model (fixed A, Q, C, R), got " + start);
        }
        for (int i = 0; i < trials.size(); i++) {
            var y = trials.get(i);
            start.requireCompatible(y.length(), y.dim(), y.inputDim(), y.hasInputs());
        }
        try (TrialExecutor ex = new TrialExecutor(Math.min(options.threads(), trials.size()))) {
            return ExpectationMaximization.run(from, new ExpectationMaximization.Steps<LinearGaussianStateSpaceModel, LdsStatistics>() {
                @Override
                public LdsStatistics expect(LinearGaussianStateSpaceModel model) {
                    return LdsEStep.of(model, trials, em.kalman(), ex);
                }

                @Override
                public LinearGaussianStateSpaceModel maximize(LinearGaussianStateSpaceModel model, LdsStatistics s) {
                    return LdsMStep.maximize(model, s, em);
                }

                @Override
                public double objective(LinearGaussianStateSpaceModel model, LdsStatistics s) {
                    return s.logLikelihood() + LdsMStep.logPrior(model, em);
                }
            }, options, "a noise covariance may have collapsed; try a prior, a diagonal R or fewer latent dimensions",
                    afterIteration);
        }
    }
}
