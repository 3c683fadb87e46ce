package io.ssm4j.benchmarks;

import java.util.Arrays;

/**
 * Wall-clock times of the timed repeats of one operation, after its warm-up calls.
 *
 * @param seconds   each timed repeat, in the order run
 * @param warmupS   the wall time of every warm-up call, in order
 * @param keyOutput the number the operation returned on its last repeat (a log-likelihood), to check that it
 *                  computed what the peers computed
 */
public record Timing(double[] seconds, double[] warmupS, double keyOutput) {
    /** Validates that there is at least one timed repeat. */
    public Timing {
        if (seconds.length == 0) throw new IllegalArgumentException("a timing needs at least one repeat");
        seconds = seconds.clone();
        warmupS = warmupS.clone();
    }

    /** The median of the timed repeats (mean of the middle two for an even count). */
    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** The fastest timed repeat. */
    public double min() { return Arrays.stream(seconds).min().orElseThrow(); }

    /** How many repeats were timed. */
    public int repeats() { return seconds.length; }
}
