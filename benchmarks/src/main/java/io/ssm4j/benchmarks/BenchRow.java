package io.ssm4j.benchmarks;

import java.util.Optional;

/**
 * One measured task next to the fastest peer: the speed-up is peer median / our median, and the goal is met
 * when it reaches {@link #GOAL}.
 *
 * @param task   what was timed
 * @param ours   ssm4j's times
 * @param peer   the fastest peer's recorded or live time, when the summary has one
 * @param source where the data came from (the shared folder, or "simulated ...")
 */
public record BenchRow(BenchTask<?> task, Timing ours, Optional<PeerTime> peer, String source) {
    /** The speed goal: at least this many times faster than the fastest peer, one thread each. */
    public static final double GOAL = 5.0;

    /** Peer median / our median, or NaN without a peer time. */
    public double speedup() { return peer.map(p -> p.medianS() / ours.median()).orElse(Double.NaN); }

    /** "yes", "no", or "n/a" without a peer time. */
    public String goalMet() {
        if (peer.isEmpty()) return "n/a";
        return speedup() >= GOAL ? "yes" : "no";
    }
}
