package io.ssm4j.tribuo;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.io.Csv;
import io.ssm4j.datasets.spikes.SpikeBinning;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hippocampus-linear-track recording (nelpy example data; see ../shared/data/hippocampus-linear-track/README.md)
 * in bins: spike counts of the 31 units, and whether the rat runs, from the LED position: the x path length
 * travelled in the bin per second, averaged over the bin and its two neighbours, above {@link #RUN_SPEED}.
 */
record LinearTrack(TimeSeries counts, boolean[] running, double binSeconds) {
    /** px/s: above this smoothed speed the animal counts as running. */
    static final double RUN_SPEED = 10;

    /** The recording's folder in the shared data home; skips the calling test when it is absent. */
    static Path folder() {
        Path folder = Path.of(System.getProperty("ssm4j.shared", "../shared"), "data", "hippocampus-linear-track");
        Assumptions.assumeTrue(Files.isRegularFile(folder.resolve("spikes_derived.csv")),
                "recording not found at " + folder.toAbsolutePath() + "; skipping the Tribuo pipeline on real data");
        return folder;
    }

    static LinearTrack load(Path folder, double bin) throws IOException {
        NdArray spikes = Csv.read(folder.resolve("spikes_derived.csv")); // time_s, unit, tetrode_index, cluster_index
        NdArray position = Csv.read(folder.resolve("position_derived.csv")); // time_s, x_px, y_px
        int ns = spikes.dim(0), np = position.dim(0);
        double[] times = new double[ns];
        int[] units = new int[ns];
        int numUnits = 0;
        for (int i = 0; i < ns; i++) {
            times[i] = spikes.dataView()[i * 4];
            units[i] = (int) spikes.dataView()[i * 4 + 1];
            numUnits = Math.max(numUnits, units[i] + 1);
        }
        double[] p = position.dataView();
        double start = Math.max(times[0], p[0]), end = Math.min(times[ns - 1], p[(np - 1) * 3]);
        NdArray counts = SpikeBinning.bin(times, units, numUnits, start, end, bin);
        int bins = counts.dim(0);
        double[] path = new double[bins];
        for (int i = 1; i < np; i++) {
            int b = (int) Math.floor((p[i * 3] - start) / bin);
            if (b >= 0 && b < bins) path[b] += Math.abs(p[i * 3 + 1] - p[(i - 1) * 3 + 1]) / bin;
        }
        boolean[] running = new boolean[bins];
        for (int b = 0; b < bins; b++) {
            int from = Math.max(0, b - 1), to = Math.min(bins - 1, b + 1);
            double sum = 0;
            for (int j = from; j <= to; j++) sum += path[j];
            running[b] = sum / (to - from + 1) > RUN_SPEED;
        }
        return new LinearTrack(TimeSeries.of(counts.dataView(), bins, numUnits), running, bin);
    }
}
