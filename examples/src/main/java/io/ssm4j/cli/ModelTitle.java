package io.ssm4j.cli;

import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Human-readable names of a model and its data for figure titles, e.g. "Poisson HMM, K=4 — spikes.npy". */
final class ModelTitle {
    private ModelTitle() {}

    static String of(HmmSpec spec) {
        EmissionType e = spec.emissions();
        String family = switch (e) {
            case GAUSSIAN -> "Gaussian";
            case DIAGONAL_GAUSSIAN -> "diagonal-Gaussian";
            case STUDENT_T -> "Student-t";
            case POISSON -> "Poisson";
            case BERNOULLI -> "Bernoulli";
            case CATEGORICAL -> "categorical";
            case AUTOREGRESSIVE -> "Gaussian";
            case ROBUST_AUTOREGRESSIVE -> "robust (Student-t)";
        };
        String kind = e.isAutoregressive() ? "ARHMM" : "HMM";
        String input = spec.transitions() == TransitionType.STANDARD ? "" : " (" + spec.transitions().cliName() + " transitions)";
        return family + " " + kind + ", K=" + spec.numStates() + input;
    }

    /** The model and the data files' names joined, shortened past two files. */
    static String of(HmmSpec spec, List<Path> files) { return withData(of(spec), files); }

    /** A model's name and the data files' names joined, shortened past two files. */
    static String withData(String model, List<Path> files) {
        String names = files.stream().limit(2).map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        if (files.size() > 2) names += " +" + (files.size() - 2);
        return model + " — " + names;
    }
}
