package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.ObservationFigure;
import io.ssm4j.cli.figures.PosteriorFigure;
import io.ssm4j.cli.figures.TransitionMatrixFigure;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.ViterbiPath;
import io.ssm4j.models.hmm.HiddenMarkovModel;
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
 * {@code ssm4j infer}: posterior state marginals, Viterbi paths and log-likelihoods of each trial under a
 * model, written to posterior.npz; with {@code --repeat N}, also the median and minimum seconds of the
 * inference alone (after one warm-up run) in infer.json. Unless {@code --no-figures}, also figures: posterior_<i>
 * and states_<i> for the first {@value #FIGURE_TRIALS} trials and transition_matrix.
 */
@Command(name = "infer", mixinStandardHelpOptions = true, description = "Posterior inference under a fitted or given model.")
final class InferCommand implements Callable<Integer> {
    @Mixin ModelSource source;

    @Option(names = "--repeat", defaultValue = "0", paramLabel = "N", description = "Time N runs after a warm-up; writes infer.json")
    int repeat;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for posterior.npz")
    Path out;

    @Option(names = "--no-figures", description = "Write no figures (posterior_<i>, states_<i>, transition_matrix)")
    boolean noFigures;

    @Mixin DataInput data;

    /** Trials that get posterior and state figures. */
    static final int FIGURE_TRIALS = 4;

    /** The results for one trial. */
    private record TrialResult(HmmPosterior posterior, ViterbiPath path) {}

    @Override
    public Integer call() throws Exception {
        if (repeat < 0) throw new IllegalArgumentException("--repeat must be >= 0, got " + repeat);
        ModelFile.Loaded loaded = source.load();
        HiddenMarkovModel m = loaded.model();
        Trials trials = data.load();
        List<TrialResult> results;
        double[] seconds = new double[repeat];
        try (TrialExecutor ex = new TrialExecutor(Math.min(data.threadCount(), trials.size()))) {
            results = run(m, trials, ex);
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                results = run(m, trials, ex);
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        try (OutputStaging staging = new OutputStaging(out)) {
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            double[] ll = new double[trials.size()];
            for (int i = 0; i < trials.size(); i++) ll[i] = results.get(i).posterior().logLikelihood();
            arrays.put("log_likelihood", NdArray.of(ll, ll.length));
            for (int i = 0; i < trials.size(); i++) {
                HmmPosterior p = results.get(i).posterior();
                arrays.put("expected_states_" + i, NdArray.of(p.expectedStates(), p.length(), p.numStates()));
                int[] z = results.get(i).path().states();
                arrays.put("viterbi_" + i, NdArray.of(NdArray.DType.INT64, Arrays.stream(z).asDoubleStream().toArray(), z.length));
            }
            Npz.write(staging.file("posterior.npz"), arrays);
            if (repeat > 0) writeTiming(staging.file("infer.json"), seconds, data.threadCount());
            if (!noFigures) writeFigures(staging.file(""), loaded, trials, results);
            staging.commit();
        }
        double total = 0;
        for (TrialResult r : results) total += r.posterior().logLikelihood();
        System.out.printf("log-likelihood %.6f over %d trial(s)%s%n", total, trials.size(),
                repeat > 0 ? String.format(", inference median %.4f s", median(seconds)) : "");
        return 0;
    }

    private static List<TrialResult> run(HiddenMarkovModel m, Trials trials, TrialExecutor ex) {
        return ex.map(trials.size(), i -> {
            HiddenMarkovInference.Decoding d = HiddenMarkovInference.decode(m, trials.get(i));
            return new TrialResult(d.posterior(), d.viterbi());
        });
    }

    /** posterior_<i> and states_<i> for the first {@link #FIGURE_TRIALS} trials, and the transition matrix. */
    private void writeFigures(Path folder, ModelFile.Loaded loaded, Trials trials, List<TrialResult> results)
            throws java.io.IOException {
        String title = ModelTitle.of(loaded.spec(), data.files);
        int k = loaded.model().numStates();
        for (int i = 0; i < Math.min(FIGURE_TRIALS, trials.size()); i++) {
            HmmPosterior p = results.get(i).posterior();
            String trial = trials.size() > 1 ? ", trial " + i : "";
            FigureFiles.write(PosteriorFigure.chart(p.expectedStates(), p.length(), k, 1, "time step",
                    "Posterior state probabilities, " + title + trial), folder, "posterior_" + i);
            TimeSeries y = trials.get(i);
            FigureFiles.write(ObservationFigure.chart(y.toArrayWithNaN(), y.length(), y.dim(), results.get(i).path().states(), k,
                    "Observations over the Viterbi states, " + title + trial), folder, "states_" + i);
        }
        NdArray p = loaded.model().parameters().get("transition_matrix");
        if (p != null) {
            boolean baseline = loaded.model().parameters().containsKey("transition_weights");
            FigureFiles.write(TransitionMatrixFigure.chart(p.dataView(), k, "Transition matrix" + (baseline ? " (inputs = 0)" : "")
                    + ", " + ModelTitle.of(loaded.spec())), folder, "transition_matrix");
        }
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    private static void writeTiming(Path file, double[] seconds, int threads) throws java.io.IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        root.put("median_seconds", median(seconds));
        root.put("min_seconds", Arrays.stream(seconds).min().orElse(Double.NaN));
        root.put("repeats", seconds.length);
        root.put("threads", threads);
        root.put("what", "forward-backward posterior marginals + Viterbi path for every trial, emission "
                + "log-likelihoods included; no file I/O, no JVM start");
        var all = root.putArray("seconds");
        for (double s : seconds) all.add(s);
        ModelFile.JSON.writeValue(file.toFile(), root);
    }
}
