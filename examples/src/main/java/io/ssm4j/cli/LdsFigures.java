package io.ssm4j.cli;

import io.ssm4j.cli.figures.ChartPanels;
import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.FlowFieldFigure;
import io.ssm4j.cli.figures.LatentPlaneFigure;
import io.ssm4j.cli.figures.LatentProjection;
import io.ssm4j.cli.figures.LatentTimeFigure;
import io.ssm4j.cli.figures.PredictionFigure;
import io.ssm4j.data.TimeSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a linear dynamical system's latent posterior, written by {@code fit} and {@code infer} for the
 * Gaussian LDS (Kalman smoother) and the Poisson / Bernoulli LDS (Laplace posterior). For each of the first
 * {@link #FIGURE_TRIALS} trials: {@code latents_<i>} (posterior mean ± 2 sd of the first latent dimensions over
 * time), {@code latent_plane_<i>} (the trajectory in the plane of the first two latent axes, or of the top two
 * principal components of the posterior means when D >= 3), {@code latent_pairs_<i>} (D >= 3: the planes of
 * PCs 1-2, 1-3 and 2-3, a 3-D view from three sides) and {@code observations_<i>} (a heatmap of the data and the
 * predicted mean over a few channels); once: {@code flow_field} (D >= 2, time-invariant dynamics: the one-step flow
 * x -> A x + b - x in that plane with the first trial's trajectory). All trials share one projection.
 */
final class LdsFigures {
    /** Trials that get their own figures. */
    static final int FIGURE_TRIALS = 4;

    /**
     * One trial's posterior as the figures need it.
     *
     * @param means       T x D posterior means (or modes)
     * @param covariances T x D x D posterior covariances
     * @param predicted   T x N predicted observation means
     */
    record TrialPosterior(TimeSeries y, double[] means, double[] covariances, double[] predicted) {}

    /**
     * The model as the figures need it.
     *
     * @param name      e.g. "Gaussian LDS, D=3"
     * @param posterior what the latents are, e.g. "Smoothed latents (mean ± 2 sd)"
     * @param a         A (D x D), or null when the dynamics vary in time (no flow field)
     * @param b         b (D), or null with a
     * @param inputs    whether the model takes inputs (the flow field is drawn at u = 0)
     * @param counts    whether the observations are counts or binary (else real-valued)
     * @param unit      the observations' unit, e.g. "count / bin"
     */
    record View(String name, String posterior, int latentDim, double[] a, double[] b, boolean inputs, boolean counts, String unit) {}

    private LdsFigures() {}

    static void write(Path folder, View view, List<TrialPosterior> trials, List<Path> dataFiles) throws IOException {
        int d = view.latentDim(), shown = Math.min(FIGURE_TRIALS, trials.size());
        String title = ModelTitle.withData(view.name(), dataFiles);
        List<double[]> means = new ArrayList<>();
        for (int i = 0; i < shown; i++) means.add(trials.get(i).means());
        LatentProjection projection = LatentProjection.of(means, d);
        for (int i = 0; i < shown; i++) {
            TrialPosterior p = trials.get(i);
            int t = p.y().length();
            String trial = trials.size() > 1 ? ", trial " + i : "";
            FigureFiles.write(LatentTimeFigure.chart(p.means(), p.covariances(), t, d, view.posterior() + ", " + title + trial),
                    folder, "latents_" + i);
            double[] z = projection.project(p.means(), t);
            if (d >= 2) {
                String plane = projection.principal() ? "Latent trajectory, PCs 1-2 of the means, " : "Latent trajectory, ";
                FigureFiles.write(LatentPlaneFigure.chart(z, t, projection.axes(), 0, 1, projection.label(0), projection.label(1),
                        plane + title + trial, 990, 800, true), folder, "latent_plane_" + i);
            }
            if (d >= 3) {
                ChartPanels pairs = LatentPlaneFigure.pairs(z, t, projection, "Latent trajectory in 3-D (PCs 1-3 seen from three sides), "
                        + title + trial);
                FigureFiles.write(pairs, folder, "latent_pairs_" + i);
            }
            FigureFiles.write(PredictionFigure.chart(p.y().toArrayWithNaN(), p.predicted(), t, p.y().dim(), view.counts(),
                    view.unit(), "Observations and predicted mean, " + title + trial),
                    folder, "observations_" + i);
        }
        if (d >= 2 && view.a() != null && shown > 0) {
            TrialPosterior first = trials.get(0);
            int t = first.y().length();
            FigureFiles.write(FlowFieldFigure.chart(view.a(), view.b(), d, projection, projection.project(first.means(), t), t,
                    "Dynamics flow field" + (view.inputs() ? " (inputs u = 0)" : "") + (projection.principal() ? " in the plane of PCs 1-2"
                            : "") + ", " + title
                            + (trials.size() > 1 ? ", trajectory of trial 0" : "")), folder, "flow_field");
        }
    }
}
