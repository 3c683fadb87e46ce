package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code ssm4j fit} does for one model family: the fit itself, the model.json it writes, and the one-line
 * summary it prints. {@link FitCommand} owns the shared parts (data, progress bar, fit.json, staging).
 *
 * @param <M> the fitted model
 */
interface FitWork<M> {
    /** The progress bar's label ("EM", "Gibbs"). */
    String label();

    /** Iterations the progress bar should expect for the given per-run limit. */
    long plannedIterations(int iterations);

    /** The tolerance to use for the requested one (a sampler ignores it). */
    double tolerance(double requested);

    /**
     * Makes the fit continue from the checkpoint {@code saved} (null: from its start) and save its state into
     * {@code checkpoints} after every iteration at which one is due.
     */
    void checkpointing(FitCheckpoints checkpoints, FitCheckpoints.Saved saved) throws IOException;

    /** Runs the fit. */
    FitResult<M> fit(Trials trials, FitOptions options) throws IOException;

    /** Writes the model's model.json. */
    void writeModel(Path file, M model, ObjectNode provenance) throws IOException;

    /** Writes the family's figures of the fitted model on the data beside the objective figure (none by default). */
    default void writeFigures(Path folder, Trials trials, M model, java.util.List<Path> dataFiles) throws IOException {}

    /** The objective figure's x axis ("EM iteration", "Gibbs sweep"). */
    String iterationAxis();

    /** The objective figure's y axis, e.g. "log p(y | θ) + log p(θ)". */
    String objectiveAxis();

    /** The model's name for figure titles ("Poisson HMM, K=4"). */
    String title();

    /** What was fitted, in words ("HMM (K=3, gaussian emissions)"). */
    String describe(M model);
}
