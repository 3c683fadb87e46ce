package io.ssm4j.datasets.spikes;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;

import java.util.ArrayList;
import java.util.List;

/**
 * Bins spike events (time in seconds, neuron index) into a count matrix: counts[t][n] = number of spikes of
 * neuron n with start + t * width &lt;= time &lt; start + (t + 1) * width. Spikes outside [start, end) are
 * ignored; the window holds floor((end - start) / width) whole bins (a ratio within 1e-9 of an integer counts
 * as that integer, so a 0.3 s window of 0.1 s bins has 3 bins).
 *
 * <p>From {@link SpikeTrains} it also bins a subset of neurons (column j counts neuron {@code neurons[j]}),
 * the whole recording on a grid aligned to multiples of the width ({@link #binAll}), and trials cut around
 * event times: trial i covers [events[i] + pre, events[i] + post), optionally smoothed by
 * {@link CountSmoothing} before cutting, so that a trial's first and last bins see the spikes just outside it
 * as a session-wide smoothing would (the peri-event histograms of, e.g., Churchland et al. 2012).
 */
public final class SpikeBinning {
    private static final double BIN_COUNT_TOLERANCE = 1e-9;

    private SpikeBinning() {}

    /**
     * @return an INT64 array of shape (floor((end - start) / width), neurons)
     */
    public static NdArray bin(double[] times, int[] neurons, int numNeurons, double start, double end, double width) {
        if (times.length != neurons.length) {
            throw new IllegalArgumentException("spike times (" + times.length + ") and neuron ids (" + neurons.length
                    + ") differ in length");
        }
        if (numNeurons < 1) throw new IllegalArgumentException("number of neurons must be >= 1, got " + numNeurons);
        int bins = binCount(start, end, width);
        double[] counts = new double[bins * numNeurons];
        for (int i = 0; i < times.length; i++) {
            int n = neurons[i];
            if (n < 0 || n >= numNeurons) {
                throw new IllegalArgumentException("spike " + i + ": neuron id " + n + " outside [0, " + numNeurons + ")");
            }
            add(counts, times[i], n, numNeurons, start, end, bins, width);
        }
        return NdArray.of(NdArray.DType.INT64, counts, bins, numNeurons);
    }

    /** All neurons' spikes in [start, end): an INT64 array (bins, numNeurons). */
    public static NdArray bin(SpikeTrains trains, double start, double end, double width) {
        return bin(trains, allNeurons(trains), start, end, width);
    }

    /** The chosen neurons' spikes in [start, end): an INT64 array (bins, neurons.length), column j = neurons[j]. */
    public static NdArray bin(SpikeTrains trains, int[] neurons, double start, double end, double width) {
        checkNeurons(trains, neurons);
        return count(trains, neurons, start, end, binCount(start, end, width), width);
    }

    /**
     * Every spike of every neuron, on bins aligned to multiples of the width: the first bin holds the first spike,
     * the last bin the last spike.
     *
     * @throws IllegalArgumentException if no neuron fired or the width is not positive
     */
    public static BinnedCounts binAll(SpikeTrains trains, double width) {
        checkWidth(width);
        if (trains.totalSpikes() == 0) throw new IllegalArgumentException("spike trains hold no spikes to bin");
        double first = trains.firstTime();
        double start = Math.floor(first / width) * width;
        if (start > first) start -= width;
        long bins = (long) ((trains.lastTime() - start) / width) + 1;
        if (bins > Integer.MAX_VALUE / trains.numNeurons()) {
            throw new IllegalArgumentException("the recording spans " + bins + " bins of " + width + " s: too many");
        }
        NdArray counts = count(trains, allNeurons(trains), start, Double.POSITIVE_INFINITY, (int) bins, width);
        return new BinnedCounts(counts, start, width);
    }

    /**
     * Trials cut around events: trial i holds the chosen neurons' counts in [events[i] + pre, events[i] + post)
     * (pre may be negative), in floor((post - pre) / width) bins, Gaussian-smoothed with sigmaBins (in bins; 0 =
     * raw counts) over the counts around the window, so smoothing does not fade at the trial's edges.
     */
    public static Trials trials(SpikeTrains trains, int[] neurons, double[] events, double pre, double post, double width,
                                double sigmaBins) {
        checkNeurons(trains, neurons);
        if (events.length == 0) throw new IllegalArgumentException("events: need at least one event time");
        int bins = binCount(pre, post, width);
        int pad = CountSmoothing.halfWidth(sigmaBins);
        List<TimeSeries> out = new ArrayList<>(events.length);
        for (int i = 0; i < events.length; i++) {
            if (!Double.isFinite(events[i])) throw new IllegalArgumentException("event " + i + " has time " + events[i]);
            double start = events[i] + pre - pad * width;
            NdArray c = count(trains, neurons, start, Double.POSITIVE_INFINITY, bins + 2 * pad, width);
            if (sigmaBins > 0) c = CountSmoothing.gaussian(c, sigmaBins);
            TimeSeries padded = TimeSeries.of(c.dataView(), bins + 2 * pad, neurons.length);
            out.add(pad == 0 ? padded : padded.slice(pad, pad + bins));
        }
        return Trials.of(out);
    }

    /** Every neuron's index, 0..N-1. */
    public static int[] allNeurons(SpikeTrains trains) {
        int[] all = new int[trains.numNeurons()];
        for (int n = 0; n < all.length; n++) all[n] = n;
        return all;
    }

    private static NdArray count(SpikeTrains trains, int[] neurons, double start, double end, int bins, double width) {
        double[] counts = new double[bins * neurons.length];
        for (int j = 0; j < neurons.length; j++) {
            double[] t = trains.timesView(neurons[j]);
            for (int i = firstAtOrAfter(t, start); i < t.length; i++) {
                if (!add(counts, t[i], j, neurons.length, start, end, bins, width)) break;
            }
        }
        return NdArray.of(NdArray.DType.INT64, counts, bins, neurons.length);
    }

    /** Counts one spike if it lies in the window; false when it lies past the window's end or last bin. */
    private static boolean add(double[] counts, double time, int column, int columns, double start, double end, int bins,
                               double width) {
        if (time >= end) return false;
        if (!(time >= start)) return true;
        int b = (int) ((time - start) / width);
        if (b >= bins) return false;
        counts[b * columns + column] += 1;
        return true;
    }

    /** The index of the first sorted time >= start (t.length if none). */
    private static int firstAtOrAfter(double[] t, double start) {
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int binCount(double start, double end, double width) {
        checkWidth(width);
        if (!(end > start)) throw new IllegalArgumentException("time window end " + end + " must exceed start " + start);
        double ratio = (end - start) / width;
        double bins = Math.floor(ratio + BIN_COUNT_TOLERANCE);
        if (bins < 1) throw new IllegalArgumentException("time window shorter than one bin of width " + width);
        if (bins > Integer.MAX_VALUE) throw new IllegalArgumentException("time window holds " + bins + " bins: too many");
        return (int) bins;
    }

    private static void checkWidth(double width) {
        if (!(width > 0) || Double.isInfinite(width)) throw new IllegalArgumentException("bin width must be > 0, got " + width);
    }

    private static void checkNeurons(SpikeTrains trains, int[] neurons) {
        if (neurons.length == 0) throw new IllegalArgumentException("neurons: choose at least one neuron");
        for (int n : neurons) {
            if (n < 0 || n >= trains.numNeurons()) {
                throw new IllegalArgumentException("neurons: index " + n + " outside [0, " + trains.numNeurons() + ")");
            }
        }
    }
}
