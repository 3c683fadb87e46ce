package io.ssm4j.benchmarks;

import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One row of the {@code bench} table: an ssm4j operation on a peer dataset and the peer time it is set against.
 *
 * @param name        short name, e.g. {@code hmm_em_50}
 * @param description what is timed, in words
 * @param keyOutput   what the operation's returned number is (e.g. "log p(y)"), to compare with RESULTS.md
 * @param data        loads the dataset (called once, only when the task runs)
 * @param operation   builds the timed operation for the loaded dataset; it returns its key output
 * @param warmup      default untimed calls before timing
 * @param repeats     default timed calls
 * @param <D>         the loaded dataset
 * @param peer        the fastest peer's time for the same work in a peer summary, if it has one
 * @param livePeer    a peer run in this JVM on the same data (timed like ours, in place of the summary), or null
 */
public record BenchTask<D extends BenchData>(String name, String description, String keyOutput, Supplier<D> data,
                        Function<D, DoubleSupplier> operation, int warmup, int repeats,
                        Function<PeerSummary, Optional<PeerTime>> peer, LivePeer<D> livePeer) {
    /**
     * A peer library called in the same JVM.
     *
     * @param label     what runs, e.g. "Hipparchus LinearKalmanFilter"
     * @param operation builds the peer's timed operation for the loaded dataset
     */
    public record LivePeer<D>(String label, Function<D, DoubleSupplier> operation) {}

    /** A task timed against a peer summary only. */
    public BenchTask(String name, String description, String keyOutput, Supplier<D> data, Function<D, DoubleSupplier> operation,
                     int warmup, int repeats, Function<PeerSummary, Optional<PeerTime>> peer) {
        this(name, description, keyOutput, data, operation, warmup, repeats, peer, null);
    }

    /** A task timed against a peer library run in this JVM. */
    public static <D extends BenchData> BenchTask<D> live(String name, String description, String keyOutput, Supplier<D> data,
                                                          Function<D, DoubleSupplier> operation, int warmup, int repeats,
                                                          LivePeer<D> peer) {
        return new BenchTask<>(name, description, keyOutput, data, operation, warmup, repeats, s -> Optional.empty(), peer);
    }
}
