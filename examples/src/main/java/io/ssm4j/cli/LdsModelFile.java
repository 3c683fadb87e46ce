package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code model.json} of a linear dynamical system: format "ssm4j-model", version, type "lds", and the
 * parameters A, B, b, Q, C, D, d, R, m0, P0 as nested lists under their names (time-varying ones with a leading
 * step axis), plus optional provenance. Reading checks the format and every shape.
 */
final class LdsModelFile {
    static final String TYPE = "lds";

    private LdsModelFile() {}

    static void write(Path file, LinearGaussianStateSpaceModel model, ObjectNode provenance) throws IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        root.put("format", ModelFile.FORMAT);
        root.put("version", ModelFile.VERSION);
        root.put("type", TYPE);
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, NdArray> e : model.parameters().entrySet()) params.set(e.getKey(), JsonArrays.toJson(e.getValue()));
        if (provenance != null) root.set("provenance", provenance);
        ModelFile.JSON.writeValue(file.toFile(), root);
    }

    static LinearGaussianStateSpaceModel read(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new IOException("model file " + file + " cannot be read");
        JsonNode root;
        try {
            root = ModelFile.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("model file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !ModelFile.FORMAT.equals(root.path("format").asText())) {
            throw new IOException("model file " + file + ": field 'format' must be \"" + ModelFile.FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != ModelFile.VERSION) {
            throw new IOException("model file " + file + ": unsupported version " + root.path("version"));
        }
        if (!TYPE.equals(root.path("type").asText())) {
            throw new IOException("model file " + file + ": type is '" + root.path("type").asText() + "', --model lds needs 'lds'");
        }
        try {
            Map<String, NdArray> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), JsonArrays.fromJson(e.getKey(), e.getValue()));
            }
            return LinearGaussianStateSpaceModel.fromParameters(params);
        } catch (IllegalArgumentException e) {
            throw new IOException("model file " + file + ": " + e.getMessage(), e);
        }
    }
}
