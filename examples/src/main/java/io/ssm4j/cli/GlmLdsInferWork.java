package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.laplace.LaplacePosterior;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code infer} for the Poisson / Bernoulli LDS: the Laplace posterior q(x) = N(x*, H^{-1}) of each trial
 * ({@link LaplacePosterior}, Newton's method), writing {@code posterior_mode_i} (T x D) and
 * {@code posterior_covariances_i} (T x D x D, the marginal Cov(x_t) of q); the trial's {@code log_likelihood} is the
 * Laplace approximation of the log evidence, log p(x*, y) + (D T / 2) log 2 pi - (1/2) log det H, not the exact
 * log p(y). Also the {@link LdsFigures}.
 */
final class GlmLdsInferWork implements InferWork<LaplacePosterior> {
    private final GeneralizedLinearDynamicalSystem model;

    GlmLdsInferWork(GeneralizedLinearDynamicalSystem model) { this.model = model; }

    @Override
    public LaplacePosterior infer(TimeSeries trial, ForkJoinPool pool) { return LaplacePosterior.compute(model, trial); }

    @Override
    public double logLikelihood(LaplacePosterior r) { return r.logEvidence(); }

    @Override
    public void addArrays(int i, LaplacePosterior r, Map<String, NdArray> arrays) {
        int t = r.length(), d = r.latentDim();
        arrays.put("posterior_mode_" + i, NdArray.of(r.mode(), t, d));
        arrays.put("posterior_covariances_" + i, NdArray.of(r.covariances(), t, d, d));
    }

    @Override
    public String timed() {
        return "Laplace posterior (Newton's method to the mode, marginal covariances from the band of the inverse Hessian) "
                + "for every trial; log_likelihood is the Laplace approximation of the log evidence log p(y), not the exact "
                + "value; no file I/O, no JVM start";
    }

    /** The {@link LdsFigures} of the Laplace posterior; the predicted mean is f(C x*_t + d) at the posterior mode x*. */
    @Override
    public void writeFigures(Path folder, Trials trials, List<LaplacePosterior> results, List<Path> dataFiles) throws IOException {
        List<LdsFigures.TrialPosterior> posteriors = new ArrayList<>();
        int n = model.obsDim(), d = model.latentDim();
        double[] c = model.emissionsView(), bias = model.emissionBiasView();
        for (int i = 0; i < Math.min(LdsFigures.FIGURE_TRIALS, results.size()); i++) {
            LaplacePosterior r = results.get(i);
            double[] x = r.mode(), mean = new double[r.length() * n];
            for (int t = 0; t < r.length(); t++) {
                for (int k = 0; k < n; k++) {
                    double eta = bias[k];
                    for (int j = 0; j < d; j++) eta += c[k * d + j] * x[t * d + j];
                    mean[t * n + k] = model.family().mean(eta);
                }
            }
            posteriors.add(new LdsFigures.TrialPosterior(trials.get(i), x, r.covariances(), mean));
        }
        boolean binary = model.family() == EmissionFamily.BERNOULLI_LOGISTIC;
        LdsFigures.write(folder, new LdsFigures.View(title(model), "Laplace posterior of the latents (mode ± 2 sd)", d,
                model.dynamicsView(), model.biasView(), false, true, binary ? "event (0/1) / bin" : "count / bin"), posteriors, dataFiles);
    }

    /** The model's name in figure titles, e.g. "Poisson LDS (exp link), D=3". */
    static String title(GeneralizedLinearDynamicalSystem model) {
        return LdsEmissions.of(model.family()).title() + ", D=" + model.latentDim();
    }
}
