package io.ssm4j.inference.fit;

import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.math.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The loop shared by the blocked Gibbs samplers (Geman and Geman 1984; for state-space models Carter and Kohn 1994,
 * Scott 2002): from theta_0, every sweep draws
 * <pre>
 *   x^k ~ p(x | y^k, theta)        every trial k, from its own stream split from the run's stream in trial order
 *   theta ~ p(theta | x, y)        from the run's stream, given the complete-data statistics summed in trial order
 * </pre>
 * and records log p(y, x, theta) = log p(theta) + sum_k log p(y^k, x^k | theta) of the sweep's states and the
 * parameters they were drawn under. The result is the parameter sample with the highest log joint; it does not
 * depend on the thread count. After every sweep the run's {@link GibbsProgress} (with its stream's state) goes to a
 * callback, and a run resumed from it ends exactly as the uninterrupted one. A model family supplies its
 * {@link Steps}.
 */
public final class GibbsSampling {
    /** One trial's draw: its latent path, the complete-data statistics of the path and log p(y, x | theta). */
    public record TrialDraw<X, S>(X states, S statistics, double logJoint) {}

    /** One sweep: the states of every trial, the parameters they were drawn under, and the log joint. */
    public record Sweep<M, X>(int index, List<X> states, M model, double logJoint) {}

    /**
     * One model family's two blocks.
     *
     * @param <M> the model
     * @param <X> one trial's latent path
     * @param <S> complete-data sufficient statistics
     */
    public interface Steps<M, X, S> {
        /** x^k ~ p(x | y^k, theta) for trial k, with its statistics and log joint. */
        TrialDraw<X, S> drawTrial(M model, int trial, Rng rng);

        /** The sum of two trials' statistics. */
        S plus(S a, S b);

        /** log p(theta). */
        double logPrior(M model);

        /** theta ~ p(theta | x, y). */
        M drawParameters(M model, S statistics, Rng rng);
    }

    private GibbsSampling() {}

    /**
     * Runs sweeps from where {@code from} stands until {@code options.maxIterations()} sweeps are done in all.
     *
     * @param trials     the number of trials
     * @param onSweep    told every sweep's draw (for chains of samples)
     * @param afterSweep told the run's progress after every sweep (for checkpoints)
     */
    public static <M, X, S> FitResult<M> run(GibbsProgress<M> from, Steps<M, X, S> steps, int trials, FitOptions options,
                                             Consumer<Sweep<M, X>> onSweep, Consumer<GibbsProgress<M>> afterSweep) {
        long t0 = System.nanoTime();
        Rng rng = Rng.restore(from.rng());
        M model = from.model(), best = from.best();
        double[] done = from.trace();
        double[] trace = Arrays.copyOf(done, Math.max(options.maxIterations(), done.length));
        double bestJoint = Double.NEGATIVE_INFINITY;
        for (double v : done) if (v > bestJoint) bestJoint = v;
        try (TrialExecutor ex = new TrialExecutor(Math.min(options.threads(), trials))) {
            for (int sweep = done.length; sweep < options.maxIterations(); sweep++) {
                List<Rng> streams = rng.split(trials);
                final M current = model;
                List<TrialDraw<X, S>> draws = ex.map(trials, i -> steps.drawTrial(current, i, streams.get(i)));
                S stats = draws.get(0).statistics();
                double joint = steps.logPrior(model) + draws.get(0).logJoint();
                List<X> states = new ArrayList<>(trials);
                states.add(draws.get(0).states());
                for (int i = 1; i < trials; i++) {
                    stats = steps.plus(stats, draws.get(i).statistics());
                    joint += draws.get(i).logJoint();
                    states.add(draws.get(i).states());
                }
                trace[sweep] = joint;
                onSweep.accept(new Sweep<>(sweep, states, model, joint));
                if (joint > bestJoint) {
                    bestJoint = joint;
                    best = model;
                }
                model = steps.drawParameters(model, stats, rng);
                options.listener().iterationDone(sweep + 1, options.maxIterations(), joint);
                afterSweep.accept(new GibbsProgress<>(model, Arrays.copyOf(trace, sweep + 1), best, rng.state()));
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new FitResult<>(best, trace, trace.length, secs, false,
                "ran " + trace.length + " Gibbs sweeps; kept the sample with the highest log joint");
    }
}
