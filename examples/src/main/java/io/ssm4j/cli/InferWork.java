package io.ssm4j.cli;

import io.ssm4j.data.Trials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * What {@code ssm4j infer} computes for one model family: the per-trial inference (the part that
 * {@code --repeat} times), the arrays it contributes to posterior.npz, and the trial's log-likelihood.
 *
 * @param <R> the per-trial result
 */
interface InferWork<R> {
    /** Posterior inference for one trial; {@code pool} is for parallel work within it (null: this thread only). */
    R infer(TimeSeries trial, ForkJoinPool pool);

    /** log p(y) of the trial. */
    double logLikelihood(R result);

    /** Adds trial i's arrays to posterior.npz. */
    void addArrays(int i, R result, Map<String, NdArray> arrays);

    /** What the timing in infer.json covers, in words. */
    String timed();

    /** Writes this family's figures for the trials (results.get(i) belongs to trials.get(i)) into folder. */
    void writeFigures(Path folder, Trials trials, List<R> results, List<Path> dataFiles) throws IOException;

    /** Infers the first {@code count} trials (at most) and writes their figures, as {@code fit} does for its model. */
    default void inferAndWriteFigures(Path folder, Trials trials, int count, List<Path> dataFiles) throws IOException {
        List<R> results = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(count, trials.size()); i++) results.add(infer(trials.get(i), null));
        writeFigures(folder, trials, results, dataFiles);
    }
}
