package io.ssm4j.datasets.spikes;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Binning, smoothing and trial cutting of spike trains against brute-force counts and direct convolution. */
class SpikeBinningTest {
    /** 5 neurons with Poisson-like random spike times on [0, 20) s, neuron n firing at about 2 + 3n Hz. */
    private static SpikeTrains random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> labels = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            double[] t = new double[(int) (20 * (2 + 3 * n))];
            for (int i = 0; i < t.length; i++) t[i] = 20 * r.nextDouble();
            labels.add("n" + n);
            times.add(t);
        }
        return SpikeTrains.of(labels, times);
    }

    /** counts[b][j] = #{spikes of neurons[j] with start + b w <= t < start + (b + 1) w}, spike by spike. */
    private static double[] bruteForce(SpikeTrains s, int[] neurons, double start, int bins, double w) {
        double[] c = new double[bins * neurons.length];
        for (int b = 0; b < bins; b++) {
            for (int j = 0; j < neurons.length; j++) {
                for (double t : s.timesView(neurons[j])) if (t >= start + b * w && t < start + (b + 1) * w) c[b * neurons.length + j]++;
            }
        }
        return c;
    }

    @Test
    void countsEqualABruteForceCount() {
        SpikeTrains s = random(1);
        int[] subset = {4, 0, 2};
        NdArray c = SpikeBinning.bin(s, subset, 2.5, 17.5, 0.3);
        assertArrayEquals(new int[] {50, 3}, c.shape(), "15 s of 0.3 s bins is 50 bins, not 49");
        assertEquals(NdArray.DType.INT64, c.dtype());
        assertArrayEquals(bruteForce(s, subset, 2.5, 50, 0.3), c.dataView());
        assertArrayEquals(bruteForce(s, SpikeBinning.allNeurons(s), 0, 40, 0.5), SpikeBinning.bin(s, 0, 20, 0.5).dataView());

        BinnedCounts all = SpikeBinning.binAll(s, 0.7);
        double total = 0;
        for (double v : all.counts().dataView()) total += v;
        assertEquals(s.totalSpikes(), total, "binAll keeps every spike");
        assertEquals(0, all.start() % 0.7, 1e-12, "the grid is aligned to multiples of the width");
        assertArrayEquals(bruteForce(s, SpikeBinning.allNeurons(s), all.start(), all.bins(), 0.7), all.counts().dataView());

        assertThrows(IllegalArgumentException.class, () -> SpikeBinning.bin(s, new int[] {5}, 0, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> SpikeBinning.bin(s, 0, 1, 0));
    }

    @Test
    void smoothingEqualsADirectConvolutionAndKeepsTheMassAwayFromTheEdges() {
        double sigma = 1.7;
        int t = 60;
        double[] x = new double[t * 2];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 20 * 2; i < 40 * 2; i++) x[i] = r.nextInt(5); // spikes well inside: h = ceil(4 sigma) = 7 bins
        double[] y = CountSmoothing.gaussian(NdArray.of(x, t, 2), sigma).dataView();

        int h = 7;
        double z = 0;
        for (int k = -h; k <= h; k++) z += Math.exp(-k * k / (2 * sigma * sigma));
        for (int s = 0; s < t; s++) {
            for (int n = 0; n < 2; n++) {
                double direct = 0;
                for (int u = 0; u < t; u++) {
                    if (Math.abs(s - u) <= h) direct += Math.exp(-(s - u) * (s - u) / (2 * sigma * sigma)) / z * x[u * 2 + n];
                }
                assertEquals(direct, y[s * 2 + n], 1e-12, "bin " + s + ", neuron " + n);
            }
        }
        for (int n = 0; n < 2; n++) {
            double before = 0, after = 0;
            for (int s = 0; s < t; s++) {
                before += x[s * 2 + n];
                after += y[s * 2 + n];
            }
            assertEquals(before, after, 1e-9, "total mass of neuron " + n);
        }
        assertArrayEquals(x, CountSmoothing.gaussian(NdArray.of(x, t, 2), 0).dataView(), "sigma 0 is the identity");
        assertThrows(IllegalArgumentException.class, () -> CountSmoothing.gaussian(NdArray.of(x, t, 2), -1));
    }

    @Test
    void trialsEqualSlicesOfTheSessionWideCounts() {
        SpikeTrains s = random(2);
        double w = 0.25;
        int[] subset = {1, 3};
        NdArray session = SpikeBinning.bin(s, subset, 0, 20, w); // 80 bins
        NdArray smooth = CountSmoothing.gaussian(session, 1.5);  // h = 6 bins
        double[] events = {5.0, 8.25, 12.5};                     // bins 20, 33, 50
        double pre = -1.0, post = 2.0;                           // 4 bins before, 8 after: 12 bins
        Trials raw = SpikeBinning.trials(s, subset, events, pre, post, w, 0);
        Trials smoothed = SpikeBinning.trials(s, subset, events, pre, post, w, 1.5);
        assertEquals(3, raw.size());
        for (int i = 0; i < events.length; i++) {
            int first = (int) Math.round((events[i] + pre) / w);
            TimeSeries a = raw.get(i), b = smoothed.get(i);
            assertEquals(12, a.length());
            assertEquals(2, a.dim());
            for (int k = 0; k < 12; k++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(session.dataView()[(first + k) * 2 + j], a.value(k, j), "trial " + i + ", bin " + k);
                    assertEquals(smooth.dataView()[(first + k) * 2 + j], b.value(k, j), 1e-12, "smoothed trial " + i + ", bin " + k);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SpikeBinning.trials(s, subset, events, 1, 1, w, 0));
        assertThrows(IllegalArgumentException.class, () -> SpikeBinning.trials(s, subset, new double[] {Double.NaN}, pre, post, w, 0));
    }
}
