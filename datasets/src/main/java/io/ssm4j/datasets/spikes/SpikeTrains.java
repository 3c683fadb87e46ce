package io.ssm4j.datasets.spikes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The spike times of a population, one train per neuron: train n is the sorted list of times (seconds)
 * t_{n,1} &lt;= t_{n,2} &lt;= ... at which neuron n fired, and carries a label saying where it came from (a
 * neuron id in a spike-time text file, a cell path such as {@code spikes{1}{1}{3}{14}} in a MATLAB file).
 * A neuron may have no spikes. Immutable: the factory copies and sorts its input.
 *
 * <p>This is the point-process view of a recording (Daley and Vere-Jones, An Introduction to the Theory of
 * Point Processes, 2003); {@link SpikeBinning} turns it into the count matrices the state-space models use.
 */
public final class SpikeTrains {
    private final List<String> labels;
    private final double[][] times;

    private SpikeTrains(List<String> labels, double[][] times) {
        this.labels = labels;
        this.times = times;
    }

    /**
     * Trains from per-neuron spike times, in any order; each list is copied and sorted.
     *
     * @throws IllegalArgumentException if the counts differ, there are no neurons, or a time is NaN or infinite
     */
    public static SpikeTrains of(List<String> labels, List<double[]> times) {
        if (labels.size() != times.size()) {
            throw new IllegalArgumentException("spike trains: " + labels.size() + " labels for " + times.size() + " trains");
        }
        if (labels.isEmpty()) throw new IllegalArgumentException("spike trains: need at least one neuron");
        double[][] sorted = new double[times.size()][];
        for (int n = 0; n < sorted.length; n++) {
            double[] t = times.get(n).clone();
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    throw new IllegalArgumentException("spike trains: neuron '" + labels.get(n) + "', spike " + i
                            + " has time " + t[i] + "; times must be finite");
                }
            }
            Arrays.sort(t);
            sorted[n] = t;
        }
        return new SpikeTrains(Collections.unmodifiableList(new ArrayList<>(labels)), sorted);
    }

    public int numNeurons() { return times.length; }

    /** Where neuron n came from, as the reader names it. */
    public String label(int neuron) { return labels.get(neuron); }

    public List<String> labels() { return labels; }

    /** Neuron n's spike times, sorted. Shared, not copied: do not write to it. */
    public double[] timesView(int neuron) { return times[neuron]; }

    public int count(int neuron) { return times[neuron].length; }

    public long totalSpikes() {
        long n = 0;
        for (double[] t : times) n += t.length;
        return n;
    }

    /** The earliest spike of any neuron; an IllegalStateException if no neuron fired. */
    public double firstTime() {
        double first = Double.POSITIVE_INFINITY;
        for (double[] t : times) if (t.length > 0) first = Math.min(first, t[0]);
        if (first == Double.POSITIVE_INFINITY) throw new IllegalStateException("spike trains hold no spikes");
        return first;
    }

    /** The latest spike of any neuron; an IllegalStateException if no neuron fired. */
    public double lastTime() {
        double last = Double.NEGATIVE_INFINITY;
        for (double[] t : times) if (t.length > 0) last = Math.max(last, t[t.length - 1]);
        if (last == Double.NEGATIVE_INFINITY) throw new IllegalStateException("spike trains hold no spikes");
        return last;
    }

    @Override
    public String toString() { return "SpikeTrains[neurons=" + numNeurons() + ", spikes=" + totalSpikes() + "]"; }
}
