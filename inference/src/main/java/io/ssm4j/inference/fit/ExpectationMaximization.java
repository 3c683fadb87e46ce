package io.ssm4j.inference.fit;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The loop shared by every EM fit (Dempster, Laird and Rubin 1977): from theta_0, alternate
 * <pre>
 *   E-step:  S_i = E[sufficient statistics | y, theta_i]          (also gives log p(y | theta_i))
 *   M-step:  theta_{i+1} = argmax_theta E[log p(x, y | theta) | S_i] + log p(theta)
 * </pre>
 * until the objective log p(y | theta) + log p(theta) rises by less than the tolerance. The trace holds the
 * objective at theta_0 .. theta_n, each computed by the E-step that starts the next iteration, so one extra
 * E-step scores the final parameters. A model family supplies its {@link Steps}.
 */
public final class ExpectationMaximization {
    /**
     * One model family's E-step, M-step and objective.
     *
     * @param <M> the model (an immutable value)
     * @param <S> the expected sufficient statistics
     */
    public interface Steps<M, S> {
        /** The expected statistics of all the data under the model. */
        S expect(M model);

        /** The model that maximises the expected complete-data log joint plus log prior. */
        M maximize(M model, S statistics);

        /** log p(y | theta) + log p(theta), with log p(y | theta) taken from the statistics. */
        double objective(M model, S statistics);
    }

    private ExpectationMaximization() {}

    /**
     * Runs EM from {@code start}.
     *
     * @param failureHint appended to the message when the objective becomes non-finite (what to try instead)
     * @throws IllegalStateException naming the iteration when the objective becomes non-finite
     */
    public static <M, S> FitResult<M> run(M start, Steps<M, S> steps, FitOptions options, String failureHint) {
        return run(EmProgress.start(start), steps, options, failureHint, p -> { });
    }

    /**
     * Runs EM from where {@code from} stands (a fresh start or a checkpoint), handing the progress after every
     * iteration to {@code afterIteration} (to write checkpoints). options.maxIterations() counts every
     * iteration, those already done included; a resumed run ends exactly where the uninterrupted one would.
     */
    public static <M, S> FitResult<M> run(EmProgress<M> from, Steps<M, S> steps, FitOptions options, String failureHint,
                                          Consumer<EmProgress<M>> afterIteration) {
        long t0 = System.nanoTime();
        M model = from.model();
        double[] done = from.objective();
        double[] trace = Arrays.copyOf(done, Math.max(options.maxIterations() + 1, done.length));
        int it = from.iterations();
        boolean converged = false;
        String reason = "reached the iteration limit (" + options.maxIterations() + ")";
        S stats = steps.expect(model);
        trace[it] = checkFinite(steps.objective(model, stats), it, failureHint);
        while (it < options.maxIterations()) {
            M next = steps.maximize(model, stats);
            S nextStats = steps.expect(next);
            double obj = checkFinite(steps.objective(next, nextStats), it + 1, failureHint);
            it++;
            trace[it] = obj;
            model = next;
            stats = nextStats;
            options.listener().iterationDone(it, options.maxIterations(), obj);
            afterIteration.accept(new EmProgress<>(model, Arrays.copyOf(trace, it + 1)));
            double gain = obj - trace[it - 1];
            if (options.tolerance() > 0 && Math.abs(gain) < options.tolerance() * Math.max(1, Math.abs(trace[it - 1]))) {
                converged = true;
                reason = String.format(java.util.Locale.ROOT, "objective changed by %.3g (relative %.3g) < tolerance %s",
                        gain, gain / Math.max(1, Math.abs(trace[it - 1])), options.tolerance());
                break;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new FitResult<>(model, Arrays.copyOf(trace, it + 1), it, secs, converged, reason);
    }

    private static double checkFinite(double obj, int iteration, String hint) {
        if (!Double.isFinite(obj)) {
            throw new IllegalStateException("EM objective became " + obj + " at iteration " + iteration + " (" + hint + ")");
        }
        return obj;
    }
}
