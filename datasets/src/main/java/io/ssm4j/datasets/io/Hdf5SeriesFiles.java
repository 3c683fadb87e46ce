package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.spikes.SpikeBinning;
import io.ssm4j.datasets.spikes.SpikeTrains;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line's view of HDF5 and NWB files ({@code .nwb}, {@code .h5}, {@code .hdf5}) as trials, chosen
 * by one of two selections:
 * <ul>
 *   <li>a series path: an NWB TimeSeries group gives one trial T x D of its values with the NWB conversion
 *       applied ({@link NwbTimeSeries}); a dataset gives trials as an {@code .npy} array does (T, T x D, or
 *       N x T x D for N trials);</li>
 *   <li>a bin width in seconds: the NWB Units table's spike times counted in bins, one trial T x N (units in
 *       table order), on the grid of {@link io.ssm4j.datasets.spikes.SpikeBinning#binAll} (aligned to multiples of
 *       the width, from the first spike's bin to the last's), as spike-time text files are binned.</li>
 * </ul>
 */
public final class Hdf5SeriesFiles {
    private Hdf5SeriesFiles() {
    }

    /** Whether a file name says HDF5: {@code .nwb}, {@code .h5} or {@code .hdf5}. */
    public static boolean handles(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nwb") || name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /**
     * Reads trials by exactly one selection.
     *
     * @param seriesPath an NWB TimeSeries group or an HDF5 dataset path, or null
     * @param binWidth   the bin width in seconds for the Units table's spike counts, or null
     * @throws IllegalArgumentException if neither or both selections are given, or the bin width is not > 0
     */
    public static List<TimeSeries> readTrials(Path path, String seriesPath, Double binWidth) throws IOException {
        if ((seriesPath == null) == (binWidth == null)) {
            String listing = seriesPath == null ? " (" + describeContents(path) + ")" : "";
            throw new IllegalArgumentException(path + ": an HDF5/NWB file needs exactly one of --series PATH or "
                    + "--bin-width SECONDS" + listing);
        }
        if (binWidth != null && !(binWidth > 0 && binWidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--bin-width must be a finite number of seconds > 0, got " + binWidth);
        }
        try (Hdf5File h = Hdf5File.open(path)) {
            if (binWidth != null) return List.of(binnedUnits(NwbFile.of(h).units(), binWidth, path));
            String source = path + ", " + Hdf5File.field(Hdf5File.normalize(seriesPath));
            if (h.isGroup(seriesPath)) return List.of(NwbTimeSeriesReader.read(h, seriesPath).values());
            return SeriesFiles.arrayTrials(h.read(seriesPath), source);
        }
    }

    /** The TimeSeries of an NWB file, or the datasets of another HDF5 file, for a message. */
    private static String describeContents(Path path) throws IOException {
        try (Hdf5File h = Hdf5File.open(path)) {
            if (NwbFile.isNwb(h)) {
                List<String> series = NwbFile.of(h).timeSeriesPaths();
                String units = h.isGroup("/units") ? "; it has a Units table" : "; it has no Units table";
                return "its TimeSeries: " + (series.isEmpty() ? "none" : String.join(", ", series)) + units;
            }
            List<String> datasets = new ArrayList<>();
            for (String p : h.walk("/", 8)) {
                if (datasets.size() < 20 && h.isDataset(p)) datasets.add(p);
            }
            return "its datasets: " + (datasets.isEmpty() ? "none" : String.join(", ", datasets));
        }
    }

    /** Every unit's spikes on bins aligned to multiples of the width, as spike-time .txt files are binned. */
    private static TimeSeries binnedUnits(NwbUnits units, double width, Path path) throws FileFormatException {
        SpikeTrains trains = units.trains();
        if (trains.totalSpikes() == 0) {
            throw FileFormatException.of(path.toString(), "HDF5 path '/units/spike_times'", "holds no spikes to bin");
        }
        NdArray counts = SpikeBinning.binAll(trains, width).counts();
        return TimeSeries.of(counts.dataView(), counts.dim(0), counts.dim(1));
    }
}
