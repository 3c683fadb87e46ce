package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code model.json} file: format and version, model type ("hmm" or "arhmm"), the structural options,
 * every parameter as a nested list under its parameter name, and provenance. Reading checks the format and
 * every shape.
 */
final class ModelFile {
    static final String FORMAT = "ssm4j-model";
    static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A model with the structure it was built from. */
    record Loaded(HmmSpec spec, HiddenMarkovModel model) {}

    private ModelFile() {}

    /**
     * Loads and runs the JSON writer once on a small tree of doubles, so that the first checkpoint of a fit does not
     * pay for loading Jackson (about a tenth of a second on a cold JVM); for the start-up thread.
     */
    static void warmUp() {
        ObjectNode root = header("warm-up");
        double[] values = new double[64];
        for (int i = 0; i < values.length; i++) values[i] = Math.scalb(1.0 / (i + 3), i - 32);
        root.set("values", JsonArrays.toJson(NdArray.of(values, values.length)));
        try {
            JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void write(Path file, HmmSpec spec, HiddenMarkovModel model, ObjectNode provenance) throws IOException {
        ObjectNode root = header(spec.emissions().isAutoregressive() ? "arhmm" : "hmm");
        ObjectNode o = root.putObject("options");
        o.put("states", spec.numStates());
        o.put("dim", spec.dim());
        o.put("emissions", spec.emissions().cliName());
        o.put("transitions", spec.transitions().cliName());
        o.put("lags", spec.lags());
        o.put("input_dim", spec.inputDim());
        o.put("categories", spec.categories());
        o.put("prior", spec.conjugatePrior() ? "conjugate" : "none");
        o.put("stickiness", spec.stickiness());
        finish(file, root, model.parameters(), provenance);
    }

    /** A model.json root with format, version and the model type. */
    static ObjectNode header(String type) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("type", type);
        return root;
    }

    /** Adds the parameters (nested lists under their names) and the provenance (may be null), and writes the file. */
    static void finish(Path file, ObjectNode root, Map<String, NdArray> parameters, ObjectNode provenance) throws IOException {
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, NdArray> e : parameters.entrySet()) params.set(e.getKey(), JsonArrays.toJson(e.getValue()));
        if (provenance != null) root.set("provenance", provenance);
        JSON.writeValue(file.toFile(), root);
    }

    /** The root of a readable model.json of this format and version. */
    static JsonNode readRoot(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new IOException("model file " + file + " cannot be read");
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("model file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("model file " + file + ": field 'format' must be \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IOException("model file " + file + ": unsupported version " + root.path("version"));
        }
        return root;
    }

    /** The parameters of a model.json root, by name. */
    static Map<String, NdArray> parameters(JsonNode root) {
        Map<String, NdArray> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), JsonArrays.fromJson(e.getKey(), e.getValue()));
        }
        return params;
    }

    static Loaded read(Path file) throws IOException {
        JsonNode root = readRoot(file);
        JsonNode o = root.path("options");
        try {
            HmmSpec spec = new HmmSpec(o.path("states").asInt(), o.path("dim").asInt(),
                    EmissionType.parse(o.path("emissions").asText()), TransitionType.parse(o.path("transitions").asText()),
                    o.path("lags").asInt(), o.path("input_dim").asInt(), o.path("categories").asInt(),
                    "conjugate".equals(o.path("prior").asText()), o.path("stickiness").asDouble());
            return new Loaded(spec, HmmFactory.fromParameters(spec, parameters(root)));
        } catch (IllegalArgumentException e) {
            throw new IOException("model file " + file + ": " + e.getMessage(), e);
        }
    }
}
