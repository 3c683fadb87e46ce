package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.KalmanInference;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import io.ssm4j.data.Trials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code infer} for linear dynamical systems: Kalman filter and RTS smoother per trial, writing
 * {@code smoothed_means_i} (T x D) and {@code smoothed_covariances_i} (T x D x D), and the {@link LdsFigures}.
 */
final class LdsInferWork implements InferWork<SmoothedPosterior> {
    private final LinearGaussianStateSpaceModel model;

    LdsInferWork(LinearGaussianStateSpaceModel model) { this.model = model; }

    @Override
    public SmoothedPosterior infer(TimeSeries trial, ForkJoinPool pool) {
        return KalmanInference.smooth(model, trial, KalmanOptions.defaults(), pool);
    }

    @Override
    public double logLikelihood(SmoothedPosterior r) { return r.logLikelihood(); }

    @Override
    public void addArrays(int i, SmoothedPosterior r, Map<String, NdArray> arrays) {
        int t = r.length(), d = r.latentDim();
        arrays.put("smoothed_means_" + i, NdArray.of(r.means(), t, d));
        arrays.put("smoothed_covariances_" + i, NdArray.of(r.covariances(), t, d, d));
    }

    @Override
    public String timed() {
        return "Kalman filter (exact log-likelihood) + RTS smoother: smoothed means, covariances and lag-one "
                + "cross-covariances for every trial; no file I/O, no JVM start";
    }

    /** The {@link LdsFigures} of the smoothed posterior; the predicted mean is C_t E[x_t] + D u_t + d. */
    @Override
    public void writeFigures(Path folder, Trials trials, List<SmoothedPosterior> results, List<Path> dataFiles) throws IOException {
        List<LdsFigures.TrialPosterior> posteriors = new ArrayList<>();
        for (int i = 0; i < Math.min(LdsFigures.FIGURE_TRIALS, results.size()); i++) {
            SmoothedPosterior r = results.get(i);
            posteriors.add(new LdsFigures.TrialPosterior(trials.get(i), r.means(), r.covariances(), predicted(trials.get(i), r.means())));
        }
        boolean fixed = model.isTimeInvariant();
        LdsFigures.write(folder, new LdsFigures.View(title(model), "Smoothed latents (mean ± 2 sd)", model.latentDim(),
                fixed ? model.dynamics().matrix(0) : null, fixed ? model.biasView() : null, model.inputDim() > 0, false,
                "y (data units)"), posteriors, dataFiles);
    }

    /** The model's name in figure titles, e.g. "Gaussian LDS, D=3". */
    static String title(LinearGaussianStateSpaceModel model) { return "Gaussian LDS, D=" + model.latentDim(); }

    private double[] predicted(TimeSeries y, double[] means) {
        int t = y.length(), n = model.obsDim(), d = model.latentDim();
        double[] out = new double[t * n], c = model.emissions().view();
        for (int s = 0; s < t; s++) {
            model.emissionOffset(y.inputsView(), s, out, s * n);
            int off = model.emissions().offset(s);
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < d; j++) v += c[off + i * d + j] * means[s * d + j];
                out[s * n + i] += v;
            }
        }
        return out;
    }
}
