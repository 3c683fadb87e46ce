package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.KalmanInference;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import io.ssm4j.data.Trials;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code infer} for linear dynamical systems: Kalman filter and RTS smoother per trial, writing
 * {@code smoothed_means_i} (T x D) and {@code smoothed_covariances_i} (T x D x D).
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

    /** No LDS figures yet (latent trajectories and flow fields come with the figures of the real-data issue). */
    @Override
    public void writeFigures(Path folder, Trials trials, List<SmoothedPosterior> results, List<Path> dataFiles) {
    }
}
