package io.ssm4j.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The side-by-side runner ({@code benchmarks/bench}): times ssm4j's operations on the shared peer datasets on
 * one thread (warm-up calls, then timed repeats; median and min), and sets each median against the fastest
 * peer's median from a peer harness {@code summary.json}: speed-up = peer / ours, goal = 5x. The tasks are
 * in {@link BenchTasks}; the options in {@link BenchOptions#USAGE}.
 */
public final class Bench {
    private Bench() {}

    /** Runs the benchmark; exits with status 2 on a bad command line, 1 when a task or the report fails. */
    public static void main(String[] args) {
        BenchOptions opts;
        try {
            opts = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (opts.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        try {
            run(opts, System.out, System.err);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + e);
            System.exit(1);
        }
    }

    /** Runs the selected tasks, prints the table to {@code out} and progress to {@code log}. */
    public static BenchReport run(BenchOptions opts, PrintStream out, PrintStream log) throws IOException {
        if (opts.shared() != null) System.setProperty(SharedPeers.PROPERTY, opts.shared().toString());
        PeerSummary peers = readPeers(opts, log);
        List<BenchRow> rows = new ArrayList<>();
        for (BenchTask<?> task : BenchTasks.all()) {
            if (!opts.tasks().isEmpty() && !opts.tasks().contains(task.name())) continue;
            rows.add(measure(task, opts, peers, log));
        }
        BenchReport report = new BenchReport(MachineInfo.current(), peers, opts.peersSummary() != null, rows);
        report.print(out);
        if (opts.json() != null) {
            report.writeJson(opts.json());
            log.println("bench: wrote " + opts.json().toAbsolutePath());
        }
        return report;
    }

    private static <D extends BenchData> BenchRow measure(BenchTask<D> task, BenchOptions opts, PeerSummary peers, PrintStream log) {
        int warmup = opts.warmup() >= 0 ? opts.warmup() : task.warmup();
        int repeats = opts.repeats() > 0 ? opts.repeats() : task.repeats();
        log.printf(Locale.ROOT, "bench: %s: loading data ...%n", task.name());
        D data = task.data().get();
        log.printf(Locale.ROOT, "bench: %s: %d warm-up + %d timed calls%n", task.name(), warmup, repeats);
        Timing t = RepeatTimer.time(warmup, repeats, task.operation().apply(data));
        Optional<PeerTime> peer;
        if (task.livePeer() != null) {
            log.printf(Locale.ROOT, "bench: %s: %s, %d warm-up + %d timed calls%n", task.name(), task.livePeer().label(), warmup, repeats);
            Timing p = RepeatTimer.time(warmup, repeats, task.livePeer().operation().apply(data));
            peer = Optional.of(new PeerTime(p.median(), p.min(), task.livePeer().label() + " (live, this JVM)"));
        } else {
            peer = peers == null ? Optional.empty() : task.peer().apply(peers);
        }
        return new BenchRow(task, t, peer, data.source());
    }

    private static PeerSummary readPeers(BenchOptions opts, PrintStream log) throws IOException {
        if (opts.peersSummary() != null) return PeerSummary.read(opts.peersSummary());
        Path recorded = SharedPeers.recordedSummary();
        try {
            return PeerSummary.read(recorded);
        } catch (IOException e) {
            log.println("bench: no recorded peer timings (" + e.getMessage() + "); peer columns will be n/a");
            return null;
        }
    }
}
