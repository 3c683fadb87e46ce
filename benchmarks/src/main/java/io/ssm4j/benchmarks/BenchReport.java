package io.ssm4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a {@code bench} run: the machine, where the peer times came from, and one row per task;
 * printed as a text table or written as JSON.
 *
 * @param machine     the machine ssm4j ran on
 * @param peerSummary the peer timings file, or null when none could be read
 * @param peersLive   true when the peer file was given with {@code --peers-summary} (measured here, if the
 *                    user ran the harness here), false for the recorded one
 * @param rows        the measured tasks
 */
public record BenchReport(MachineInfo machine, PeerSummary peerSummary, boolean peersLive, List<BenchRow> rows) {
    /** The header lines: machine, peer source, method. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("ssm4j bench: one thread; warm-up calls, then timed repeats (median and min of wall time)");
        h.add("machine: " + machine.describe());
        if (peerSummary == null) {
            h.add("peers:   no summary.json found; peer columns are n/a");
        } else {
            h.add("peers:   " + peerSummary.file() + " (" + (peersLive ? "given with --peers-summary" : "recorded")
                    + "; peers ran on " + peerSummary.environment() + ")");
            if (!peersLive) {
                h.add("         recorded on another machine of this kind (they differ up to ~1.5x): ratios are "
                        + "indicative; run the peer harness here and pass --peers-summary for exact ones");
            }
        }
        return h;
    }

    /** Prints the header, the table and the data sources. */
    public void print(PrintStream out) {
        header().forEach(out::println);
        out.println();
        String fmt = "%-15s %10s %10s %3s %12s %9s %7s  %s%n";
        out.printf(Locale.ROOT, fmt, "task", "ours med s", "ours min s", "n", "peer med s", "speed-up", "5x goal",
                "fastest peer");
        for (BenchRow r : rows) {
            out.printf(Locale.ROOT, fmt, r.task().name(), num(r.ours().median()), num(r.ours().min()),
                    r.ours().repeats(), r.peer().map(p -> num(p.medianS())).orElse("n/a"),
                    Double.isNaN(r.speedup()) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r.speedup()),
                    r.goalMet(), r.peer().map(PeerTime::label).orElse("-"));
        }
        out.println();
        for (BenchRow r : rows) {
            out.printf(Locale.ROOT, "%-15s %s; %s = %.6f; data: %s%n", r.task().name(), r.task().description(),
                    r.task().keyOutput(), r.ours().keyOutput(), r.source());
        }
    }

    /** Writes the report as JSON (machine, peer source, and per task our times, the peer's and the ratio). */
    public void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("created", Instant.now().toString());
        root.put("machine", machine);
        Map<String, Object> peers = new LinkedHashMap<>();
        peers.put("summary", peerSummary == null ? null : peerSummary.file().toString());
        peers.put("source", peerSummary == null ? "none" : peersLive ? "given" : "recorded");
        peers.put("environment", peerSummary == null ? null : peerSummary.environment());
        root.put("peers", peers);
        root.put("goal_speedup", BenchRow.GOAL);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (BenchRow r : rows) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("task", r.task().name());
            t.put("description", r.task().description());
            t.put("data", r.source());
            t.put("ours_median_s", r.ours().median());
            t.put("ours_min_s", r.ours().min());
            t.put("ours_times_s", r.ours().seconds());
            t.put("ours_warmup_s", r.ours().warmupS());
            t.put("ours_key_output_name", r.task().keyOutput());
            t.put("ours_key_output", r.ours().keyOutput());
            t.put("peer", r.peer().map(PeerTime::label).orElse(null));
            t.put("peer_median_s", r.peer().map(PeerTime::medianS).orElse(null));
            t.put("peer_min_s", r.peer().map(PeerTime::minS).orElse(null));
            t.put("speedup", Double.isNaN(r.speedup()) ? null : r.speedup());
            t.put("goal_met", r.peer().isEmpty() ? null : r.speedup() >= BenchRow.GOAL);
            tasks.add(t);
        }
        root.put("tasks", tasks);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static String num(double s) { return String.format(Locale.ROOT, "%.4f", s); }
}
