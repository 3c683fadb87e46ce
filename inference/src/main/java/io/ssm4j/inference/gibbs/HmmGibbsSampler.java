package io.ssm4j.inference.gibbs;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.em.HmmStatistics;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.fit.GibbsProgress;
import io.ssm4j.inference.fit.GibbsSampling;
import io.ssm4j.inference.messages.BackwardSampler;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.TransitionStatistics;

import java.util.function.Consumer;

/**
 * Blocked Gibbs sampling for HMMs and ARHMMs (Scott 2002, "Bayesian methods for hidden Markov models"):
 * each sweep draws every trial's whole state path z ~ p(z | y, theta) by forward filtering, backward
 * sampling, then theta ~ p(theta | y, z) from the conjugate posteriors of the initial distribution,
 * transitions and emissions. Needs conjugate priors. The trace is the log joint log p(y, z, theta) of each
 * sweep; the returned model is the sample with the highest log joint. Each trial draws from its own stream
 * split in order, so results do not depend on the thread count. The sweep loop, and resuming from a checkpoint, are
 * {@link GibbsSampling}'s.
 */
public final class HmmGibbsSampler {
    private HmmGibbsSampler() {}

    public static FitResult<HiddenMarkovModel> run(HiddenMarkovModel start, Trials trials, FitOptions options, Rng rng) {
        return run(start, trials, options, rng, sweep -> { });
    }

    /** As {@link #run(HiddenMarkovModel, Trials, FitOptions, Rng)}, handing every sweep's draw (the state paths) to onSweep. */
    public static FitResult<HiddenMarkovModel> run(HiddenMarkovModel start, Trials trials, FitOptions options, Rng rng,
                                                   Consumer<GibbsSampling.Sweep<HiddenMarkovModel, int[]>> onSweep) {
        return run(GibbsProgress.start(start, rng), trials, options, onSweep, progress -> { });
    }

    /**
     * Sweeps from where {@code from} stands (a start or a checkpoint) until {@code options.maxIterations()} sweeps are
     * done, handing every sweep's draw to onSweep and the progress after it to afterSweep (to write checkpoints).
     */
    public static FitResult<HiddenMarkovModel> run(GibbsProgress<HiddenMarkovModel> from, Trials trials, FitOptions options,
                                                   Consumer<GibbsSampling.Sweep<HiddenMarkovModel, int[]>> onSweep,
                                                   Consumer<GibbsProgress<HiddenMarkovModel>> afterSweep) {
        return GibbsSampling.run(from, new GibbsSampling.Steps<HiddenMarkovModel, int[], HmmStatistics>() {
            @Override
            public GibbsSampling.TrialDraw<int[], HmmStatistics> drawTrial(HiddenMarkovModel model, int trial, Rng rng) {
                TimeSeries y = trials.get(trial);
                double[] ll = HiddenMarkovInference.emissionLogLikelihoods(model, y); // once for the draw and its log joint
                int[] z = BackwardSampler.sample(model.initial().probs(), HiddenMarkovInference.transitionMatrices(model, y),
                        ll, y.length(), rng);
                return new GibbsSampling.TrialDraw<>(z, hardStatistics(model, y, z), model.logJointOfPath(y, z, ll));
            }

            @Override
            public HmmStatistics plus(HmmStatistics a, HmmStatistics b) { return a.plus(b); }

            @Override
            public double logPrior(HiddenMarkovModel model) { return model.logPrior(); }

            @Override
            public HiddenMarkovModel drawParameters(HiddenMarkovModel model, HmmStatistics s, Rng rng) {
                return new HiddenMarkovModel(model.initial().samplePosterior(s.initialCounts(), rng),
                        model.transitions().samplePosterior(s.transitions(), rng),
                        model.emissions().samplePosterior(s.emissions(), rng));
            }
        }, trials.size(), options, onSweep, afterSweep);
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
