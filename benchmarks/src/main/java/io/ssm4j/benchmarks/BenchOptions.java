package io.ssm4j.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link Bench}.
 *
 * @param peersSummary a live {@code summary.json} (null: the recorded one in the shared folder)
 * @param json         where to write the JSON report (null: none)
 * @param shared       the shared folder (null: {@link SharedPeers#sharedDir()})
 * @param tasks        task names to run (empty: all)
 * @param warmup       warm-up calls per task (negative: each task's default)
 * @param repeats      timed calls per task (non-positive: each task's default)
 * @param help         print usage and stop
 */
public record BenchOptions(Path peersSummary, Path json, Path shared, List<String> tasks, int warmup, int repeats,
                           boolean help) {
    /** The usage text. */
    public static final String USAGE = String.join("\n",
            "usage: benchmarks/bench [options]          time ssm4j on the peer datasets, one thread",
            "       benchmarks/bench jmh [JMH options]  run the JMH benchmarks (e.g. jmh -wi 1 -i 1 -f 1 ForwardBackward)",
            "options:",
            "  --peers-summary FILE  peer timings from a live run of shared/peers/harness on this machine",
            "                        (default: the recorded shared/peers/results/summary.json)",
            "  --json FILE           also write the table as JSON",
            "  --shared DIR          the shared folder (default: -Dssm4j.shared, else ../shared)",
            "  --tasks A,B           run only these of: hmm_fb_viterbi, hmm_em_50, arhmm_em_50",
            "  --warmup N            untimed calls per task (default: 3 for hmm_fb_viterbi, 1 for EM)",
            "  --repeats N           timed calls per task (default: 7 for hmm_fb_viterbi, 3 for EM)",
            "  -h, --help            this text");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    public static BenchOptions parse(String[] args) {
        Path peers = null, json = null, shared = null;
        List<String> tasks = new ArrayList<>();
        int warmup = -1, repeats = 0;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--peers-summary" -> peers = Path.of(value(args, ++i, a));
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--shared" -> shared = Path.of(value(args, ++i, a));
                case "--tasks" -> tasks.addAll(List.of(value(args, ++i, a).split(",")));
                case "--warmup" -> warmup = count(value(args, ++i, a), a, 0);
                case "--repeats" -> repeats = count(value(args, ++i, a), a, 1);
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        List<String> known = BenchTasks.all().stream().map(BenchTask::name).toList();
        for (String t : tasks) {
            if (!known.contains(t)) throw new IllegalArgumentException("unknown task '" + t + "'; tasks: " + known);
        }
        return new BenchOptions(peers, json, shared, List.copyOf(tasks), warmup, repeats, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option " + option + " needs a value");
        return args[i];
    }

    private static int count(String v, String option, int min) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + option + " needs an integer >= " + min + ", got '" + v + "'");
    }
}
