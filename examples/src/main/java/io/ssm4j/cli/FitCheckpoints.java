package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Checkpoints of a running fit in {@code <out>/checkpoint/}: state.json holds the command line that started the fit,
 * the fit's own fields (its {@link CheckpointCodecs state}: objective trace, restart, random stream...) and the names
 * of its files (models, warm starts). Every checkpoint writes its files under new names (prefixed by a generation
 * number), then moves state.json into place atomically, then deletes the files no longer named, so a fit killed at any
 * moment leaves one consistent checkpoint. {@code ssm4j fit --resume <out>} continues from it to exactly the
 * uninterrupted result.
 */
final class FitCheckpoints {
    private static final String STATE = "state.json";
    private static final String CURRENT = "current";

    /** Writes one file. */
    @FunctionalInterface
    interface FileWrite {
        void write(Path file) throws IOException;
    }

    /** One checkpoint being assembled: the fit's fields for state.json and its files by name. */
    static final class Snapshot {
        private final ObjectNode state = ModelFile.JSON.createObjectNode();
        private final Map<String, FileWrite> files = new LinkedHashMap<>();

        /** The fit's fields in state.json. */
        ObjectNode state() { return state; }

        /** Adds a file, written as {@code name} under a fresh generation prefix. */
        void file(String name, FileWrite write) {
            if (files.put(name, write) != null) throw new IllegalArgumentException("checkpoint file " + name + " given twice");
        }
    }

    /** A checkpoint as read back: the original arguments, the fit's fields, and where its files are. */
    record Saved(String[] arguments, JsonNode state, Path folder, Map<String, String> files, int generation) {
        /** The file the checkpoint wrote under {@code name}. */
        Path file(String name) throws IOException {
            String stored = files.get(name);
            if (stored == null) throw new IOException("checkpoint in " + folder + " has no file '" + name + "'");
            return folder.resolve(stored);
        }

        /** A field of the fit's state, which must be present. */
        JsonNode field(String name) throws IOException {
            JsonNode v = state.get(name);
            if (v == null) throw new IOException(folder.resolve(STATE) + ": field '" + name + "' is missing");
            return v;
        }
    }

    private final Path folder;
    private final String[] arguments;
    private final int every;
    private int generation;

    /**
     * @param every   checkpoint every this many iterations (0 = never)
     * @param resumed the checkpoint this fit continues (its generations are not reused), or null
     */
    FitCheckpoints(Path out, String[] arguments, int every, Saved resumed) {
        if (every < 0) throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + every);
        this.folder = out.resolve("checkpoint");
        this.arguments = arguments.clone();
        this.every = every;
        this.generation = resumed == null ? 0 : resumed.generation() + 1;
    }

    /** Whether a fit that has done this many iterations (or sweeps) should save a checkpoint now. */
    boolean due(int iterations) { return every > 0 && iterations > 0 && iterations % every == 0; }

    /** The state a fit resumes from: the checkpoint's value under "current", or null without a checkpoint. */
    static <S> S resumed(Saved saved, CheckpointCodecs.Codec<S> codec) throws IOException {
        return saved == null ? null : codec.get(saved, CURRENT);
    }

    /** A sink for a fit's state after every iteration that saves it, under "current", when {@link #due} says so. */
    <S> Consumer<S> sink(CheckpointCodecs.Codec<S> codec, ToIntFunction<S> iterations) {
        return state -> {
            if (!due(iterations.applyAsInt(state))) return;
            Snapshot snapshot = new Snapshot();
            codec.put(snapshot, CURRENT, state);
            save(snapshot);
        };
    }

    void save(Snapshot snapshot) {
        try {
            Files.createDirectories(folder);
            String prefix = "g" + generation + "-";
            ObjectNode root = ModelFile.JSON.createObjectNode();
            ArrayNode args = root.putArray("arguments");
            for (String a : arguments) args.add(a);
            root.put("generation", generation);
            ObjectNode names = root.putObject("files");
            Set<String> keep = new HashSet<>(Set.of(STATE));
            for (Map.Entry<String, FileWrite> f : snapshot.files.entrySet()) {
                String stored = prefix + f.getKey();
                writeAtomically(stored, f.getValue());
                names.put(f.getKey(), stored);
                keep.add(stored);
            }
            root.set("fit", snapshot.state);
            writeAtomically(STATE, p -> ModelFile.JSON.writeValue(p.toFile(), root));
            try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
                for (Path p : all) if (!keep.contains(p.getFileName().toString())) Files.deleteIfExists(p);
            }
            generation++;
        } catch (IOException e) {
            throw new IllegalStateException("could not write a checkpoint to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads the checkpoint of the fit whose --out was {@code out}. */
    static Saved load(Path out) throws IOException {
        Path folder = out.resolve("checkpoint");
        Path stateFile = folder.resolve(STATE);
        if (!Files.isReadable(stateFile)) throw new IOException("no checkpoint to resume in " + folder);
        JsonNode root = ModelFile.JSON.readTree(stateFile.toFile());
        if (root == null || !root.path("arguments").isArray() || !root.path("fit").isObject()) {
            throw new IOException(stateFile + ": not a checkpoint (fields 'arguments' and 'fit' expected)");
        }
        String[] args = new String[root.path("arguments").size()];
        for (int i = 0; i < args.length; i++) args[i] = root.path("arguments").get(i).asText();
        Map<String, String> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            files.put(e.getKey(), e.getValue().asText());
        }
        return new Saved(args, root.get("fit"), folder, files, root.path("generation").asInt());
    }

    /** Removes the checkpoint once the fit's outputs are in place. */
    void clear() throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    private void writeAtomically(String name, FileWrite write) throws IOException {
        Path tmp = folder.resolve(name + ".tmp");
        write.write(tmp);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void putDoubles(ObjectNode node, String name, double[] values) {
        ArrayNode a = node.putArray(name);
        for (double v : values) a.add(v);
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }
}
