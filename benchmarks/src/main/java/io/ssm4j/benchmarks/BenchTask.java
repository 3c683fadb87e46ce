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
 */
public record BenchTask<D extends BenchData>(String name, String description, String keyOutput, Supplier<D> data,
                        Function<D, DoubleSupplier> operation, int warmup, int repeats,
                        Function<PeerSummary, Optional<PeerTime>> peer) {}
