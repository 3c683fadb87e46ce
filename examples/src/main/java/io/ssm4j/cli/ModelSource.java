package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model options of {@code infer} and {@code sample} (a picocli mixin): a {@code model.json} from
 * {@code fit}, or a parameter {@code .npz} with the model kind (hmm, arhmm, lds, plds) and, optionally, its emission
 * family (and, for a GLM LDS, its link).
 */
final class ModelSource {
    @Option(names = "--model-file", required = true, paramLabel = "model.json|PARAMS.npz", description = "The model")
    Path modelFile;

    @Option(names = "--model", defaultValue = "hmm", description = "hmm, arhmm, lds or plds (the Poisson LDS) (default: ${DEFAULT-VALUE})")
    String modelKind;

    @Option(names = "--emissions", description = "Emission family of a PARAMS.npz (default: detected from the array names; "
            + "lds: gaussian, poisson or bernoulli)")
    String emissions;

    @Option(names = "--link", description = "lds: link of poisson (exp, softplus; default exp) or bernoulli (logistic) emissions")
    String link;

    /** True for {@code --model lds} or {@code plds}. */
    boolean isLds() { return LdsEmissions.isLdsModel(modelKind); }

    /** The hidden Markov model of {@code --model hmm|arhmm}. */
    ModelFile.Loaded load() throws IOException {
        if (!"hmm".equals(modelKind) && !"arhmm".equals(modelKind)) {
            throw new IllegalArgumentException("--model must be hmm, arhmm, lds or plds, got '" + modelKind + "'");
        }
        if (link != null) throw new IllegalArgumentException("--link applies to --model lds with poisson or bernoulli emissions");
        return load(modelFile, modelKind, emissions);
    }

    /**
     * The linear dynamical system of {@code --model lds|plds}, from a model.json of type "lds" (its family must agree
     * with {@code --emissions}/{@code --link} when they are given) or a PARAMS.npz (Gaussian when it has R and no
     * {@code --emissions} names another family).
     */
    LoadedLds loadLds() throws IOException {
        LdsEmissions requested = LdsEmissions.forModel(modelKind, emissions, link);
        String name = modelFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            LoadedLds m = LdsModelFile.read(modelFile);
            if (requested != null && requested != m.emissions()) {
                throw new IllegalArgumentException("--model-file " + modelFile + " holds a " + m.emissions().title()
                        + ", but the options ask for a " + requested.title());
            }
            return m;
        }
        if (!name.endsWith(".npz")) throw new IOException("--model-file " + modelFile + ": expected model.json or a .npz of parameters");
        Map<String, NdArray> params = Npz.read(modelFile);
        if (requested == null && !params.containsKey("R")) {
            throw new IllegalArgumentException(modelFile + ": no emission covariance R, so not a Gaussian LDS; give --emissions "
                    + "poisson or bernoulli (or --model plds) for a GLM LDS");
        }
        try {
            return LoadedLds.of(requested == null ? LdsEmissions.GAUSSIAN : requested, params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(modelFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file model.json or PARAMS.npz
     * @param modelKind "hmm" or "arhmm" (only used for .npz)
     * @param emissions the emission family for an .npz, or null to detect it from the array names
     */
    static ModelFile.Loaded load(Path file, String modelKind, String emissions) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) return ModelFile.read(file);
        if (!name.endsWith(".npz")) throw new IOException("--model-file " + file + ": expected model.json or a .npz of parameters");
        Map<String, NdArray> params = Npz.read(file);
        boolean ar = "arhmm".equals(modelKind);
        try {
            EmissionType requested = emissions == null ? null : ar && "gaussian".equals(emissions)
                    ? EmissionType.AUTOREGRESSIVE : ar && "student-t".equals(emissions)
                    ? EmissionType.ROBUST_AUTOREGRESSIVE : EmissionType.parse(emissions);
            HmmSpec spec = HmmFactory.specFromParameters(ar, requested, params);
            return new ModelFile.Loaded(spec, HmmFactory.fromParameters(spec, params));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
