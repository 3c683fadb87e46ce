package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code model.json} of a linear dynamical system: format "ssm4j-model", version, type "lds", the emission
 * family ("emissions": gaussian, poisson or bernoulli; "link": exp, softplus or logistic for the GLM families),
 * "options" (latent_dim, obs_dim, input_dim, and for a fitted model how it was fitted: method, prior, diagonal_noise,
 * fixed), the parameters as nested lists under their names: A, B, b, Q, C, D, d, R, m0, P0 for Gaussian emissions
 * (time-varying ones with a leading step axis), A, b, Q, m0, P0, C, d for Poisson / Bernoulli ones; and for a fitted
 * model its {@link Provenance} (data files with SHA-256, seed, version, arguments, date). A file without "emissions"
 * (written before the GLM families) is Gaussian, one without "options" is read from its parameters alone. Reading
 * checks the format, the family, every shape and the dimensions in "options"; values round-trip bit for bit.
 */
final class LdsModelFile {
    static final String TYPE = "lds";

    private LdsModelFile() {}

    /**
     * @param fit        how the model was fitted (fields added to "options"), or null
     * @param provenance where a fitted model came from, or null
     */
    static void write(Path file, LinearGaussianStateSpaceModel model, ObjectNode fit, ObjectNode provenance) throws IOException {
        write(file, new LoadedLds(LdsEmissions.GAUSSIAN, model, null), fit, provenance);
    }

    static void write(Path file, GeneralizedLinearDynamicalSystem model, ObjectNode fit, ObjectNode provenance) throws IOException {
        write(file, new LoadedLds(LdsEmissions.of(model.family()), null, model), fit, provenance);
    }

    static void write(Path file, LoadedLds model, ObjectNode fit, ObjectNode provenance) throws IOException {
        ObjectNode root = ModelFile.header(TYPE);
        root.put("emissions", model.emissions().emissions());
        if (model.emissions().link() != null) root.put("link", model.emissions().link());
        ObjectNode options = root.putObject("options");
        options.put("latent_dim", model.latentDim());
        options.put("obs_dim", model.obsDim());
        options.put("input_dim", model.inputDim());
        if (fit != null) options.setAll(fit);
        ModelFile.finish(file, root, model.parameters(), provenance);
    }

    static LoadedLds read(Path file) throws IOException {
        JsonNode root = ModelFile.readRoot(file);
        if (!TYPE.equals(root.path("type").asText())) {
            throw new IOException("model file " + file + ": type is '" + root.path("type").asText() + "', --model lds needs 'lds'");
        }
        try {
            String emissions = root.has("emissions") ? root.get("emissions").asText() : "gaussian";
            String link = root.has("link") ? root.get("link").asText() : null;
            LoadedLds model = LoadedLds.of(LdsEmissions.parse(emissions, link), ModelFile.parameters(root));
            JsonNode options = root.path("options");
            requireDim(options, "latent_dim", model.latentDim());
            requireDim(options, "obs_dim", model.obsDim());
            requireDim(options, "input_dim", model.inputDim());
            return model;
        } catch (IllegalArgumentException e) {
            throw new IOException("model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks a dimension in "options", when given, against the parameters'. */
    private static void requireDim(JsonNode options, String name, int actual) {
        JsonNode v = options.get(name);
        if (v != null && (!v.isInt() || v.asInt() != actual)) {
            throw new IllegalArgumentException("options." + name + " is " + v + " but the parameters have " + actual);
        }
    }
}
