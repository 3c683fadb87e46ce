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
 * and the parameters as nested lists under their names: A, B, b, Q, C, D, d, R, m0, P0 for Gaussian emissions
 * (time-varying ones with a leading step axis), A, b, Q, m0, P0, C, d for Poisson / Bernoulli ones; plus optional
 * provenance. A file without "emissions" (written before the GLM families) is Gaussian. Reading checks the format,
 * the family and every shape; values round-trip bit for bit.
 */
final class LdsModelFile {
    static final String TYPE = "lds";

    private LdsModelFile() {}

    static void write(Path file, LinearGaussianStateSpaceModel model, ObjectNode provenance) throws IOException {
        write(file, new LoadedLds(LdsEmissions.GAUSSIAN, model, null), provenance);
    }

    static void write(Path file, GeneralizedLinearDynamicalSystem model, ObjectNode provenance) throws IOException {
        write(file, new LoadedLds(LdsEmissions.of(model.family()), null, model), provenance);
    }

    static void write(Path file, LoadedLds model, ObjectNode provenance) throws IOException {
        ObjectNode root = ModelFile.header(TYPE);
        root.put("emissions", model.emissions().emissions());
        if (model.emissions().link() != null) root.put("link", model.emissions().link());
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
            return LoadedLds.of(LdsEmissions.parse(emissions, link), ModelFile.parameters(root));
        } catch (IllegalArgumentException e) {
            throw new IOException("model file " + file + ": " + e.getMessage(), e);
        }
    }
}
