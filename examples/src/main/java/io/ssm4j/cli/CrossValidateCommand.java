package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.em.HeldOutLikelihood;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HmmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j cv}: held-out log-likelihood per time step for each candidate number of states, by
 * cross-validation over trials or, with {@code --mask-fraction}, over masked blocks of time bins; writes cv.json.
 */
@Command(name = "cv", mixinStandardHelpOptions = true, description = "Choose the number of states by held-out log-likelihood.")
final class CrossValidateCommand implements Callable<Integer> {
    @Mixin ModelOptions structure;

    @Option(names = "--states", required = true, split = ",", paramLabel = "K1,K2,...", description = "Candidate numbers of states")
    List<Integer> states;

    @Option(names = "--folds", defaultValue = "5", description = "Folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--mask-fraction", paramLabel = "F", description = "Hold out this fraction of time bins instead of whole trials")
    Double maskFraction;

    @Option(names = "--block", defaultValue = "20", paramLabel = "B", description = "Length of each held-out block of bins (default: ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--iters", defaultValue = "100", paramLabel = "N", description = "EM iterations per fit (default: ${DEFAULT-VALUE})")
    int iters;

    @Option(names = "--tol", defaultValue = "1e-6", paramLabel = "X", description = "EM tolerance (default: ${DEFAULT-VALUE})")
    double tol;

    @Option(names = "--restarts", defaultValue = "3", paramLabel = "R", description = "k-means restarts per fit (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for cv.json")
    Path out;

    @Mixin DataInput data;

    @Override
    public Integer call() throws Exception {
        Trials trials = data.load();
        FitOptions options = new FitOptions(iters, tol, data.threadCount(), null);
        boolean overTrials = maskFraction == null;
        ObjectNode root = ModelFile.JSON.createObjectNode();
        root.put("method", overTrials ? "trials" : "masked-bins");
        ArrayNode rows = root.putArray("results");
        System.out.printf("%-6s %24s%n", "K", "held-out LL per step");
        int bestK = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int k : states) {
            HmmSpec spec = structure.spec(trials, k);
            Rng rng = Rng.seeded(seed);
            List<HeldOutLikelihood.Fold> f = overTrials
                    ? HeldOutLikelihood.overTrials(spec, trials, folds, options, restarts, rng)
                    : HeldOutLikelihood.overMaskedBins(spec, trials, maskFraction, folds, block, options, restarts, rng);
            double score = HeldOutLikelihood.meanPerStep(f);
            ObjectNode row = rows.addObject();
            row.put("states", k);
            row.put("held_out_log_likelihood_per_step", score);
            ArrayNode perFold = row.putArray("folds");
            for (HeldOutLikelihood.Fold fold : f) perFold.add(fold.perStep());
            System.out.printf("%-6d %24.6f%n", k, score);
            if (score > best) {
                best = score;
                bestK = k;
            }
        }
        root.put("best_states", bestK);
        try (OutputStaging staging = new OutputStaging(out)) {
            ModelFile.JSON.writeValue(staging.file("cv.json").toFile(), root);
            staging.commit();
        }
        System.out.println("best K by held-out log-likelihood: " + bestK);
        return 0;
    }
}
