package io.ssm4j.cli;

import io.ssm4j.cli.figures.CovariateByStateFigure;
import io.ssm4j.cli.figures.DwellTimeFigure;
import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.ObjectiveFigure;
import io.ssm4j.cli.figures.PosteriorFigure;
import io.ssm4j.cli.figures.RasterFigure;
import io.ssm4j.cli.figures.TransitionMatrixFigure;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The demo's figures: objective trace, spike raster over the decoded states, posterior state probabilities,
 * the covariate per state, the transition matrix and dwell-time histograms.
 */
final class DemoFigures {
    private DemoFigures() {}

    static void write(Path folder, DemoData data, HiddenMarkovModel model, double[] objective, int[] viterbi,
                      double[] marginals) throws IOException {
        int k = model.numStates();
        String name = "Poisson HMM, K=" + k;
        String title = name + " — " + data.shortName();
        TimeSeries y = data.counts();
        FigureFiles.write(ObjectiveFigure.chart(objective, "EM iteration", "log p(y | θ)",
                "EM objective, " + title), folder, "objective");
        FigureFiles.write(RasterFigure.chart(y.valuesView(), y.length(), y.dim(), viterbi, k, data.binSeconds(),
                "Spike counts over the decoded states, " + title), folder, "raster");
        FigureFiles.write(PosteriorFigure.chart(marginals, y.length(), k, data.binSeconds(), "time (s)",
                "Posterior state probabilities, " + title), folder, "posterior");
        FigureFiles.write(CovariateByStateFigure.chart(data.covariate(), viterbi, k, data.covariateLabel(),
                capitalised(data.covariateLabel().replaceAll(" \\(.*", "")) + " per decoded state, " + title), folder, "covariate_by_state");
        FigureFiles.write(TransitionMatrixFigure.chart(model.parameters().get("transition_matrix").dataView(), k,
                "Transition matrix, " + name), folder, "transition_matrix");
        FigureFiles.write(DwellTimeFigure.chart(viterbi, k, data.binSeconds(), "Dwell times per state, " + title),
                folder, "state_durations");
    }

    private static String capitalised(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
