package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.em.HeldOutLikelihood;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsHeldOutLikelihood;
import io.ssm4j.inference.lds.LdsPrior;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HmmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j cv}: held-out log-likelihood per time step for each candidate model size, by cross-validation over
 * trials or, with {@code --mask-fraction}, over masked blocks of time bins; writes cv.json. The candidates are numbers
 * of states ({@code --states}, hmm and arhmm; {@link HeldOutLikelihood}) or latent dimensions ({@code --latent-dims},
 * Gaussian lds; {@link LdsHeldOutLikelihood}, scored with the exact Kalman filter likelihood).
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Choose the number of states (hmm, arhmm) or the latent dimension (lds) by held-out log-likelihood.")
final class CrossValidateCommand implements Callable<Integer> {
    @Mixin ModelOptions structure;

    @Option(names = "--states", split = ",", paramLabel = "K1,K2,...", description = "hmm/arhmm: candidate numbers of states")
    List<Integer> states;

    @Option(names = "--latent-dims", split = ",", paramLabel = "D1,D2,...", description = "lds: candidate latent dimensions")
    List<Integer> latentDims;

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

    @Option(names = "--restarts", defaultValue = "3", paramLabel = "R",
            description = "hmm/arhmm: k-means restarts per fit (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--diagonal-noise", description = "lds: learn a diagonal emission covariance R (needed with partly observed steps)")
    boolean diagonalNoise;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for cv.json")
    Path out;

    @Mixin DataInput data;

    @Override
    public Integer call() throws Exception {
        boolean lds = LdsEmissions.isLdsModel(structure.model);
        List<Integer> candidates = lds ? ldsCandidates() : hmmCandidates();
        String key = lds ? "latent_dim" : "states";
        Trials trials = data.load();
        FitOptions options = new FitOptions(iters, tol, data.threadCount(), null);
        ObjectNode root = ModelFile.JSON.createObjectNode();
        root.put("method", maskFraction == null ? "trials" : "masked-bins");
        ArrayNode rows = root.putArray("results");
        System.out.printf("%-6s %24s%n", lds ? "D" : "K", "held-out LL per step");
        int bestSize = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int size : candidates) {
            List<CrossValidation.Fold> f = lds ? ldsFolds(size, trials, options) : hmmFolds(size, trials, options);
            double score = CrossValidation.meanPerStep(f);
            ObjectNode row = rows.addObject();
            row.put(key, size);
            row.put("held_out_log_likelihood_per_step", score);
            ArrayNode perFold = row.putArray("folds");
            for (CrossValidation.Fold fold : f) perFold.add(fold.perStep());
            System.out.printf("%-6d %24.6f%n", size, score);
            if (score > best) {
                best = score;
                bestSize = size;
            }
        }
        root.put("best_" + key, bestSize);
        try (OutputStaging staging = new OutputStaging(out)) {
            ModelFile.JSON.writeValue(staging.file("cv.json").toFile(), root);
            staging.commit();
        }
        System.out.println("best " + (lds ? "latent dimension D" : "K") + " by held-out log-likelihood: " + bestSize);
        return 0;
    }

    private List<Integer> hmmCandidates() {
        if (latentDims != null || diagonalNoise) throw new IllegalArgumentException("--latent-dims and --diagonal-noise apply to --model lds");
        if (states == null) throw new IllegalArgumentException("--states K1,K2,... is required (candidate numbers of states)");
        return states;
    }

    private List<Integer> ldsCandidates() {
        LdsEmissions emissions = LdsEmissions.forModel(structure.model, structure.emissions, structure.link);
        if (emissions != null && emissions != LdsEmissions.GAUSSIAN) {
            throw new IllegalArgumentException("cv scores an lds with the exact Kalman filter likelihood and needs gaussian emissions, "
                    + "got a " + emissions.title());
        }
        if (states != null) throw new IllegalArgumentException("--states counts discrete states; for --model lds give --latent-dims D1,D2,...");
        if (latentDims == null) throw new IllegalArgumentException("--latent-dims D1,D2,... is required for --model lds");
        if (!"none".equals(structure.prior) && !"conjugate".equals(structure.prior)) {
            throw new IllegalArgumentException("--prior must be none or conjugate, got '" + structure.prior + "'");
        }
        return latentDims;
    }

    private List<CrossValidation.Fold> hmmFolds(int k, Trials trials, FitOptions options) {
        HmmSpec spec = structure.spec(trials, k);
        Rng rng = Rng.seeded(seed);
        return maskFraction == null
                ? HeldOutLikelihood.overTrials(spec, trials, folds, options, restarts, rng)
                : HeldOutLikelihood.overMaskedBins(spec, trials, maskFraction, folds, block, options, restarts, rng);
    }

    private List<CrossValidation.Fold> ldsFolds(int d, Trials trials, FitOptions options) {
        if (d < 1) throw new IllegalArgumentException("--latent-dims must be >= 1, got " + d);
        LdsEmOptions em = LdsEmOptions.defaults().withDiagonalR(diagonalNoise);
        if ("conjugate".equals(structure.prior)) em = em.withPrior(LdsPrior.weak(d, trials.dim()));
        return maskFraction == null
                ? LdsHeldOutLikelihood.overTrials(d, trials, folds, options, em)
                : LdsHeldOutLikelihood.overMaskedBins(d, trials, maskFraction, folds, block, options, em, Rng.seeded(seed));
    }
}
