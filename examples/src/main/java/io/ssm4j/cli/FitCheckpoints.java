package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.inference.em.FitterState;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checkpoints of a running HMM/ARHMM EM fit in {@code <out>/checkpoint/}: the command line that started it, the
 * restart in progress with its current model and objective trace, and the best finished restart. Each file is
 * written to a temporary name and moved into place, state.json last, so a fit killed at any moment leaves a
 * consistent checkpoint. {@code ssm4j fit --resume <out>} continues from it to exactly the uninterrupted result.
 */
final class FitCheckpoints {
    /** What a checkpoint holds: the original arguments and the fit's state. */
    record Saved(String[] arguments, FitterState state) {}

    private final Path folder;
    private final String[] arguments;
    private final ModelFile.Writer modelWriter;

    FitCheckpoints(Path out, String[] arguments, ModelFile.Writer modelWriter) {
        this.folder = out.resolve("checkpoint");
        this.arguments = arguments.clone();
        this.modelWriter = modelWriter;
    }

    void save(FitterState state) {
        try {
            Files.createDirectories(folder);
            writeAtomically("current.json", p -> modelWriter.write(p, state.current().model()));
            if (state.best() != null) writeAtomically("best.json", p -> modelWriter.write(p, state.best().model()));
            ObjectNode root = ModelFile.JSON.createObjectNode();
            ArrayNode args = root.putArray("arguments");
            for (String a : arguments) args.add(a);
            root.put("restart", state.restart());
            putArray(root, "objective", state.current().objective());
            if (state.best() != null) {
                ObjectNode best = root.putObject("best");
                putArray(best, "objective", state.best().objective());
                best.put("iterations", state.best().iterations());
                best.put("wall_seconds", state.best().wallSeconds());
                best.put("converged", state.best().converged());
                best.put("reason", state.best().reason());
            }
            writeAtomically("state.json", p -> ModelFile.JSON.writeValue(p.toFile(), root));
        } catch (IOException e) {
            throw new IllegalStateException("could not write a checkpoint to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads the checkpoint of the fit whose --out was {@code out}. */
    static Saved load(Path out) throws IOException {
        Path folder = out.resolve("checkpoint");
        Path stateFile = folder.resolve("state.json");
        if (!Files.isReadable(stateFile)) throw new IOException("no checkpoint to resume in " + folder);
        JsonNode root = ModelFile.JSON.readTree(stateFile.toFile());
        String[] args = new String[root.path("arguments").size()];
        for (int i = 0; i < args.length; i++) args[i] = root.path("arguments").get(i).asText();
        HiddenMarkovModel current = ModelFile.read(folder.resolve("current.json")).model();
        FitResult<HiddenMarkovModel> best = null;
        JsonNode b = root.get("best");
        if (b != null) {
            best = new FitResult<>(ModelFile.read(folder.resolve("best.json")).model(), doubles(b.path("objective")),
                    b.path("iterations").asInt(), b.path("wall_seconds").asDouble(), b.path("converged").asBoolean(),
                    b.path("reason").asText());
        }
        return new Saved(args, new FitterState(root.path("restart").asInt(),
                new EmProgress<>(current, doubles(root.path("objective"))), best));
    }

    /** Removes the checkpoint once the fit's outputs are in place. */
    void clear() throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    private interface FileWrite {
        void write(Path p) throws IOException;
    }

    private void writeAtomically(String name, FileWrite write) throws IOException {
        Path tmp = folder.resolve(name + ".tmp");
        write.write(tmp);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void putArray(ObjectNode node, String name, double[] values) {
        ArrayNode a = node.putArray(name);
        for (double v : values) a.add(v);
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }
}
