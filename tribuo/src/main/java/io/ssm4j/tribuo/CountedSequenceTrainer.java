package io.ssm4j.tribuo;

import org.tribuo.Output;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.sequence.SequenceTrainer;

/**
 * What every sequence trainer of this package keeps for Tribuo: the number of train calls and a provenance
 * made of its {@code @Config} fields and that count.
 *
 * @param <T> the output type
 */
abstract class CountedSequenceTrainer<T extends Output<T>> implements SequenceTrainer<T> {
    private int invocationCount = 0;

    /** The provenance of the train call now starting (with the count of the calls before it); counts the call. */
    final synchronized TrainerProvenance startCall() {
        TrainerProvenance provenance = getProvenance();
        invocationCount++;
        return provenance;
    }

    @Override
    public final synchronized int getInvocationCount() { return invocationCount; }

    @Override
    public final TrainerProvenance getProvenance() { return new TrainerProvenanceImpl(this); }
}
