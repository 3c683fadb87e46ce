package io.ssm4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The peers' timings from a {@code results/summary.json} written by the peer harness ({@code run_peers.py}):
 * its {@code entries} (task, peer, op, median_s, min_s) and the {@code environment} it ran in. The recorded
 * file in {@code <shared>/peers/results} came from another machine of the same kind; a live file, written by
 * running the harness on this machine, makes the ratios exact.
 */
public final class PeerSummary {
    private final Path file;
    private final List<JsonNode> entries;
    private final String environment;

    private PeerSummary(Path file, List<JsonNode> entries, String environment) {
        this.file = file;
        this.entries = entries;
        this.environment = environment;
    }

    /**
     * Reads a summary file.
     *
     * @throws IOException when the file is missing, unreadable or has no {@code entries} array
     */
    public static PeerSummary read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "peer summary not found");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode list = root.path("entries");
        if (!list.isArray()) throw new IOException(file + ": no 'entries' array; is this a peer harness summary.json?");
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        JsonNode env = root.path("environment");
        String where = env.path("cpu_model").asText("unknown CPU") + ", " + env.path("cpu_count").asText("?")
                + " CPUs, " + env.path("threads").asText("?") + " thread(s)";
        return new PeerSummary(file.toAbsolutePath().normalize(), entries, where);
    }

    /** The file read. */
    public Path file() { return file; }

    /** The machine the peers ran on, as the summary records it. */
    public String environment() { return environment; }

    /**
     * The entry with the smallest median among those of {@code task} whose operation contains
     * {@code opContains} (case-insensitive; empty matches every operation), or empty when there is none.
     */
    public Optional<PeerTime> fastest(String task, String opContains) {
        String needle = opContains.toLowerCase(Locale.ROOT);
        JsonNode best = null;
        for (JsonNode e : entries) {
            if (!task.equals(e.path("task").asText())) continue;
            if (!e.path("op").asText().toLowerCase(Locale.ROOT).contains(needle)) continue;
            if (!e.path("median_s").isNumber()) continue;
            if (best == null || e.path("median_s").asDouble() < best.path("median_s").asDouble()) best = e;
        }
        if (best == null) return Optional.empty();
        return Optional.of(new PeerTime(best.path("median_s").asDouble(), best.path("min_s").asDouble(Double.NaN),
                best.path("peer").asText() + " (" + best.path("op").asText() + ")"));
    }
}
