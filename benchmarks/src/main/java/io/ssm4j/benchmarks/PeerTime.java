package io.ssm4j.benchmarks;

/**
 * A peer's time for one benchmark task, from a {@code summary.json} of the peer harness.
 *
 * @param medianS the median over the peer's timed repeats, in seconds (a sum when the task adds operations)
 * @param minS    the fastest repeat, in seconds (summed likewise)
 * @param label   which peer(s) and operation(s) the time belongs to
 */
public record PeerTime(double medianS, double minS, String label) {
    /** This time followed by another operation's, e.g. posteriors then Viterbi. */
    public PeerTime plus(PeerTime other) {
        return new PeerTime(medianS + other.medianS, minS + other.minS, label + " + " + other.label);
    }
}
