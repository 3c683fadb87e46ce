package io.ssm4j.models.hmm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expected transition statistics summed over sequences: counts[i*K+j] = sum_t E[z_{t-1}=i, z_t=j], and, for
 * input-driven transitions only, the per-step records (inputs u_{2:T} and xi_t) their M-step needs. Adds
 * like every statistic: counts by summation, records by concatenation in order.
 */
public final class TransitionStatistics {
    /** One sequence's per-step expectations: xi (T-1) x K x K and the inputs u_t (T-1) x M at each destination step. */
    public record StepRecord(double[] perStepTransitions, double[] inputs, int steps) {}

    private final int numStates;
    private final double[] counts;
    private final List<StepRecord> records;

    private TransitionStatistics(int numStates, double[] counts, List<StepRecord> records) {
        this.numStates = numStates;
        this.counts = counts;
        this.records = records;
    }

    public static TransitionStatistics zeros(int numStates) {
        return new TransitionStatistics(numStates, new double[numStates * numStates], new ArrayList<>());
    }

    public int numStates() { return numStates; }

    /** The mutable K*K count accumulator. */
    public double[] counts() { return counts; }

    public List<StepRecord> records() { return Collections.unmodifiableList(records); }

    public void addRecord(StepRecord r) { records.add(r); }

    public TransitionStatistics plus(TransitionStatistics other) {
        double[] c = counts.clone();
        for (int i = 0; i < c.length; i++) c[i] += other.counts[i];
        List<StepRecord> r = new ArrayList<>(records);
        r.addAll(other.records);
        return new TransitionStatistics(numStates, c, r);
    }
}
