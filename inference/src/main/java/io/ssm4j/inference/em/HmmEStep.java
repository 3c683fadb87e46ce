package io.ssm4j.inference.em;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.models.ArrayStatistics;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.TransitionStatistics;

import java.util.List;

/**
 * The E-step of EM for an HMM (Baum-Welch): for each trial, forward-backward gives q(z_t) and the
 * expected transitions, from which each model component accumulates its expected sufficient statistics.
 * Trials run in parallel; their statistics are summed in trial order.
 */
public final class HmmEStep {
    private HmmEStep() {}

    /** The statistics of one trial under the model. */
    public static HmmStatistics of(HiddenMarkovModel model, TimeSeries y) {
        HmmPosterior post = HiddenMarkovInference.posterior(model, y);
        return fromPosterior(model, y, post);
    }

    /** Statistics accumulated from a posterior already computed for y. */
    public static HmmStatistics fromPosterior(HiddenMarkovModel model, TimeSeries y, HmmPosterior post) {
        int k = model.numStates();
        double[] init = new double[k];
        System.arraycopy(post.expectedStates(), 0, init, 0, k);
        TransitionStatistics ts = TransitionStatistics.zeros(k);
        model.transitions().accumulate(ts, y, post.expectedTransitions(), post.perStepTransitions());
        ArrayStatistics es = model.emissions().newStatistics();
        model.emissions().accumulate(es, y, post.expectedStates());
        return new HmmStatistics(init, ts, es, post.logLikelihood());
    }

    /** Statistics summed over all trials (parallel over trials, reduced in order). */
    public static HmmStatistics of(HiddenMarkovModel model, Trials trials, TrialExecutor executor) {
        List<HmmStatistics> parts = executor.map(trials.size(), i -> of(model, trials.get(i)));
        HmmStatistics total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) total = total.plus(parts.get(i));
        return total;
    }

    /** The M-step: every component's MAP update from the summed statistics. */
    public static HiddenMarkovModel maximize(HiddenMarkovModel model, HmmStatistics s) {
        return new HiddenMarkovModel(model.initial().maximize(s.initialCounts()),
                model.transitions().maximize(s.transitions()), model.emissions().maximize(s.emissions()));
    }
}
