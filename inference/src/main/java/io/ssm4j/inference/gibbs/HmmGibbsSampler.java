package io.ssm4j.inference.gibbs;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.em.HmmStatistics;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.TransitionStatistics;

import java.util.List;
import java.util.function.Consumer;

/**
 * Blocked Gibbs sampling for HMMs and ARHMMs (Scott 2002, "Bayesian methods for hidden Markov models"):
 * each sweep draws every trial's whole state path z ~ p(z | y, theta) by forward filtering, backward
 * sampling, then theta ~ p(theta | y, z) from the conjugate posteriors of the initial distribution,
 * transitions and emissions. Needs conjugate priors. The trace is the log joint log p(y, z, theta) of each
 * sweep; the returned model is the sample with the highest log joint. Each trial draws from its own stream
 * split in order, so results do not depend on the thread count.
 */
public final class HmmGibbsSampler {
    /** One sweep's draw: the state paths of every trial, the parameters they were drawn under, the log joint. */
    public record Sweep(int index, List<int[]> paths, HiddenMarkovModel model, double logJoint) {}

    private HmmGibbsSampler() {}

    public static FitResult<HiddenMarkovModel> run(HiddenMarkovModel start, Trials trials, FitOptions options, Rng rng) {
        return run(start, trials, options, rng, sweep -> { });
    }

    /** As {@link #run(HiddenMarkovModel, Trials, FitOptions, Rng)}, handing every sweep's draw to onSweep. */
    public static FitResult<HiddenMarkovModel> run(HiddenMarkovModel start, Trials trials, FitOptions options, Rng rng,
                                                   Consumer<Sweep> onSweep) {
        long t0 = System.nanoTime();
        HiddenMarkovModel model = start, best = start;
        double bestJoint = Double.NEGATIVE_INFINITY;
        double[] trace = new double[options.maxIterations()];
        try (TrialExecutor ex = new TrialExecutor(Math.min(options.threads(), trials.size()))) {
            for (int sweep = 0; sweep < options.maxIterations(); sweep++) {
                List<Rng> streams = rng.split(trials.size());
                final HiddenMarkovModel current = model;
                List<int[]> paths = ex.map(trials.size(), i ->
                        HiddenMarkovInference.samplePath(current, trials.get(i), streams.get(i)));
                HmmStatistics stats = null;
                double joint = model.logPrior();
                for (int i = 0; i < trials.size(); i++) {
                    HmmStatistics s = hardStatistics(model, trials.get(i), paths.get(i));
                    stats = stats == null ? s : stats.plus(s);
                    joint += model.logJointOfPath(trials.get(i), paths.get(i));
                }
                trace[sweep] = joint;
                onSweep.accept(new Sweep(sweep, paths, model, joint));
                if (joint > bestJoint) {
                    bestJoint = joint;
                    best = model;
                }
                model = new HiddenMarkovModel(model.initial().samplePosterior(stats.initialCounts(), rng),
                        model.transitions().samplePosterior(stats.transitions(), rng),
                        model.emissions().samplePosterior(stats.emissions(), rng));
                options.listener().iterationDone(sweep + 1, options.maxIterations(), joint);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new FitResult<>(best, trace, options.maxIterations(), secs, false,
                "ran " + options.maxIterations() + " Gibbs sweeps; kept the sample with the highest log joint");
    }

    /** The statistics of a hard state path: one-hot weights in place of posterior marginals. */
    public static HmmStatistics hardStatistics(HiddenMarkovModel model, TimeSeries y, int[] z) {
        int k = model.numStates(), n = y.length();
        double[] w = new double[n * k];
        for (int t = 0; t < n; t++) w[t * k + z[t]] = 1;
        double[] init = new double[k];
        init[z[0]] = 1;
        double[] counts = new double[k * k];
        double[] perStep = model.transitions().needsPerStepStatistics() ? new double[Math.max(n - 1, 0) * k * k] : null;
        for (int t = 1; t < n; t++) {
            counts[z[t - 1] * k + z[t]] += 1;
            if (perStep != null) perStep[(t - 1) * k * k + z[t - 1] * k + z[t]] = 1;
        }
        TransitionStatistics ts = TransitionStatistics.zeros(k);
        model.transitions().accumulate(ts, y, counts, perStep);
        ArrayStatistics es = model.emissions().newStatistics();
        model.emissions().accumulate(es, y, w);
        return new HmmStatistics(init, ts, es, Double.NaN);
    }

}
