package io.ssm4j.datasets.spikes;

import io.ssm4j.data.NdArray;

/**
 * Bins spike events (time in seconds, neuron index) into a count matrix: counts[t][n] = number of spikes of
 * neuron n with start + t * width &lt;= time &lt; start + (t + 1) * width. Spikes outside [start, end) are
 * ignored.
 */
public final class SpikeBinning {
    private SpikeBinning() {}

    /**
     * @return an INT64 array of shape (floor((end - start) / width), neurons)
     */
    public static NdArray bin(double[] times, int[] neurons, int numNeurons, double start, double end, double width) {
        if (times.length != neurons.length) {
            throw new IllegalArgumentException("spike times (" + times.length + ") and neuron ids (" + neurons.length
                    + ") differ in length");
        }
        if (!(width > 0)) throw new IllegalArgumentException("bin width must be > 0, got " + width);
        if (!(end > start)) throw new IllegalArgumentException("time window end " + end + " must exceed start " + start);
        if (numNeurons < 1) throw new IllegalArgumentException("number of neurons must be >= 1, got " + numNeurons);
        int bins = (int) Math.floor((end - start) / width);
        if (bins < 1) throw new IllegalArgumentException("time window shorter than one bin of width " + width);
        double[] counts = new double[bins * numNeurons];
        for (int i = 0; i < times.length; i++) {
            int n = neurons[i];
            if (n < 0 || n >= numNeurons) {
                throw new IllegalArgumentException("spike " + i + ": neuron id " + n + " outside [0, " + numNeurons + ")");
            }
            if (!(times[i] >= start) || times[i] >= end) continue;
            int b = (int) ((times[i] - start) / width);
            if (b < bins) counts[b * numNeurons + n] += 1;
        }
        return NdArray.of(NdArray.DType.INT64, counts, bins, numNeurons);
    }
}
