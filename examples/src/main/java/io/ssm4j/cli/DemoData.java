package io.ssm4j.cli;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

/**
 * What the demo fits: a count matrix, a per-bin covariate to compare the states with (running speed, or the
 * true state of a simulation), and how to summarise the fit against it.
 */
interface DemoData {
    TimeSeries counts();

    String description();

    String covariateName();

    double[] covariate();

    /** The covariate's name with its unit, for an axis label, e.g. "running speed (px/s)". */
    String covariateLabel();

    /** A short name of the data for figure titles, e.g. "rat hippocampus, linear track". */
    String shortName();

    /** The width of one time bin in seconds. */
    double binSeconds();

    String summarise(HiddenMarkovModel model, int[] viterbi, FitResult<HiddenMarkovModel> fit, double seconds);

    /** A simulated population of 20 Poisson neurons switching among 3 states (T = 4000 bins). */
    static DemoData simulated(long seed) { return SimulatedDemoData.create(seed); }

    /** Rates of each state: mean counts per bin averaged over neurons. */
    static double meanRate(HiddenMarkovModel model, int state) {
        double[] r = model.emissions().parameters().get("rates").dataView();
        int d = model.dim();
        double s = 0;
        for (int a = 0; a < d; a++) s += r[state * d + a];
        return s / d;
    }

}
