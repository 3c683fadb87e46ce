package io.ssm4j.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A ragged collection of sequences that share one model: every trial has the same observation
 * dimension D and input dimension M, lengths may differ.
 */
public final class Trials implements Iterable<TimeSeries> {
    private final List<TimeSeries> trials;

    private Trials(List<TimeSeries> trials) {
        this.trials = trials;
    }

    public static Trials of(List<TimeSeries> trials) {
        if (trials.isEmpty()) throw new IllegalArgumentException("trials: need at least one sequence");
        TimeSeries first = trials.get(0);
        for (int i = 1; i < trials.size(); i++) {
            TimeSeries s = trials.get(i);
            if (s.dim() != first.dim()) {
                throw new IllegalArgumentException("trial " + i + " has dimension " + s.dim() + ", trial 0 has "
                        + first.dim());
            }
            if (s.inputDim() != first.inputDim()) {
                throw new IllegalArgumentException("trial " + i + " has input dimension " + s.inputDim()
                        + ", trial 0 has " + first.inputDim());
            }
        }
        return new Trials(Collections.unmodifiableList(new ArrayList<>(trials)));
    }

    public static Trials of(TimeSeries... trials) { return of(List.of(trials)); }

    public int size() { return trials.size(); }

    public TimeSeries get(int i) { return trials.get(i); }

    public int dim() { return trials.get(0).dim(); }

    public int inputDim() { return trials.get(0).inputDim(); }

    public long totalLength() {
        long n = 0;
        for (TimeSeries s : trials) n += s.length();
        return n;
    }

    public List<TimeSeries> asList() { return trials; }

    @Override
    public Iterator<TimeSeries> iterator() { return trials.iterator(); }
}
