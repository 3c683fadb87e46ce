package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.TrialExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j infer}: the posterior and log-likelihood of each trial under a model, written to posterior.npz
 * ({@code log_likelihood} plus the family's arrays: see {@link HmmInferWork}, {@link LdsInferWork} and, for the
 * Poisson / Bernoulli LDS, {@link GlmLdsInferWork}, whose log_likelihood is the Laplace log evidence); with
 * {@code --repeat N}, also the median and minimum seconds of the inference alone (after a warm-up run, and more
 * while the JIT is still compiling: {@link JitSettling}) in infer.json. Unless {@code --no-figures}, also the
 * family's figures (HMM: posterior_<i> and states_<i> for the first trials, and transition_matrix; LDS: the
 * {@link LdsFigures}).
 */
@Command(name = "infer", mixinStandardHelpOptions = true, description = "Posterior inference under a fitted or given model.")
final class InferCommand implements Callable<Integer> {
    @Mixin ModelSource source;

    @Option(names = "--repeat", defaultValue = "0", paramLabel = "N", description = "Time N runs after a warm-up (the "
            + "first run, then more while the JIT is still compiling, at most " + JitSettling.MAX_RUNS + "); writes infer.json")
    int repeat;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for posterior.npz")
    Path out;

    @Option(names = "--no-figures", description = "Write no figures (hmm: posterior_<i>, states_<i>, transition_matrix; "
            + "lds: latents_<i>, latent_plane_<i>, latent_pairs_<i>, observations_<i>, flow_field)")
    boolean noFigures;

    @Mixin DataInput data;

    @Override
    public Integer call() throws Exception {
        if (repeat < 0) throw new IllegalArgumentException("--repeat must be >= 0, got " + repeat);
        return run(work(), data.load());
    }

    private InferWork<?> work() throws java.io.IOException {
        if (!source.isLds()) return new HmmInferWork(source.load());
        LoadedLds lds = source.loadLds();
        return lds.isGaussian() ? new LdsInferWork(lds.gaussian()) : new GlmLdsInferWork(lds.glm());
    }

    private <R> int run(InferWork<R> work, Trials trials) throws java.io.IOException {
        List<R> results;
        double[] seconds = new double[repeat];
        int warmUpRuns = 0;
        try (TrialExecutor ex = new TrialExecutor(data.threadCount())) {
            JitSettling.Run<List<R>> inferAll = () -> ex.map(trials.size(), i -> work.infer(trials.get(i), ex.pool()));
            if (repeat > 0) {
                JitSettling.Settled<List<R>> warm = JitSettling.warmUp(inferAll);
                results = warm.last();
                warmUpRuns = warm.runs();
            } else {
                results = inferAll.run();
            }
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                results = inferAll.run();
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        double[] ll = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) ll[i] = work.logLikelihood(results.get(i));
        try (OutputStaging staging = new OutputStaging(out)) {
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            arrays.put("log_likelihood", NdArray.of(ll, ll.length));
            for (int i = 0; i < trials.size(); i++) work.addArrays(i, results.get(i), arrays);
            Npz.write(staging.file("posterior.npz"), arrays);
            if (repeat > 0) writeTiming(staging.file("infer.json"), seconds, warmUpRuns, data.threadCount(), work.timed());
            if (!noFigures) work.writeFigures(staging.file(""), trials, results, data.files);
            staging.commit();
        }
        System.out.printf("log-likelihood %.6f over %d trial(s)%s%n", Arrays.stream(ll).sum(), trials.size(),
                repeat > 0 ? String.format(", inference median %.4f s", median(seconds)) : "");
        return 0;
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    private static void writeTiming(Path file, double[] seconds, int warmUpRuns, int threads, String what)
            throws java.io.IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        root.put("median_seconds", median(seconds));
        root.put("min_seconds", Arrays.stream(seconds).min().orElse(Double.NaN));
        root.put("repeats", seconds.length);
        root.put("warm_up_runs", warmUpRuns);
        root.put("threads", threads);
        root.put("what", what);
        var all = root.putArray("seconds");
        for (double s : seconds) all.add(s);
        ModelFile.JSON.writeValue(file.toFile(), root);
    }
}
