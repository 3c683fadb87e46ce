package io.ssm4j.datasets.catalog;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Csv;
import io.ssm4j.datasets.io.FileFormatException;
import io.ssm4j.datasets.io.MatFiles;
import io.ssm4j.datasets.io.SpikeTimeText;
import io.ssm4j.datasets.spikes.BinnedCounts;
import io.ssm4j.datasets.spikes.SpikeBinning;
import io.ssm4j.datasets.spikes.SpikeTrains;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real recordings of the data home as trials a model can be fitted to: each {@link #load} returns one array per
 * trial (T x D, time along rows), in order, so that the .npz written from it is the command line's DATA as it is.
 * What each folder becomes (its README describes the files):
 *
 * <ul>
 *   <li>{@code hippocampus-linear-track}: the 31 units of {@code spikes.mat} (every {@code time} field under the
 *       cell of tetrodes) binned into counts over the whole session, bins aligned to multiples of the width
 *       (default 0.5 s); one trial "y".</li>
 *   <li>{@code songbird-hvc}: {@code songbird_spikes.txt} (neurons 1..75, as many as {@code NEURAL} in
 *       {@code MackeviciusData.mat} has rows) binned over the imaging frames, the window [0.5, frames + 0.5) / fs with
 *       fs = {@code VIDEOfs}; the default width 1 / fs puts each frame in its own bin; one trial "y".</li>
 *   <li>{@code zebrafish-swim-bouts}: {@code bouts_derived.csv}, one trial per fish and trajectory
 *       ("fish00_traj000", ...) of the turn angle {@code dtheta_deg} per bout (T x 1).</li>
 *   <li>{@code zebrafish-tectum-spontaneous}: the activity matrix transposed to frames x neurons; one trial "y".</li>
 *   <li>{@code celegans-wholebrain-nsm}: {@code traces_zscored_derived.csv}, frames x neurons; one trial "y".</li>
 *   <li>{@code classic-timeseries}: the value column of each series, "nile", "sunspots", "earthquakes".</li>
 * </ul>
 *
 * A name {@code DATASET/PART} keeps only the trial named PART (e.g. {@code classic-timeseries/nile}). A bin width
 * applies to the spike-train datasets only.
 */
public final class RealDatasets {
    private static final List<String> NAMES = List.of("hippocampus-linear-track", "songbird-hvc", "zebrafish-swim-bouts",
            "zebrafish-tectum-spontaneous", "celegans-wholebrain-nsm", "classic-timeseries");
    private static final double HIPPOCAMPUS_BIN = 0.5;

    private RealDatasets() {}

    /** A loaded recording: its trials in order, and one line saying what they are. */
    public record Recording(Map<String, NdArray> trials, String summary) {}

    /** The datasets {@link #load} knows. */
    public static List<String> names() { return NAMES; }

    /** Whether {@link #load} knows the dataset (the part of the name before any '/'). */
    public static boolean has(String name) { return NAMES.contains(name.split("/", 2)[0]); }

    /**
     * Loads a recording from its folder in the data home.
     *
     * @param binWidth seconds per bin for the spike-train datasets (null: the dataset's default); must be null for
     *     the others
     */
    public static Recording load(Path home, String name, Double binWidth) throws IOException {
        String[] parts = name.split("/", 2);
        if (!NAMES.contains(parts[0])) {
            throw new IllegalArgumentException("no loader for dataset '" + parts[0] + "'; real datasets that load: " + NAMES);
        }
        Path dir = home.resolve(parts[0]);
        if (!Files.isDirectory(dir)) throw new IOException("dataset folder " + dir + " not found (data home " + home + ")");
        boolean spikes = parts[0].equals("hippocampus-linear-track") || parts[0].equals("songbird-hvc");
        if (binWidth != null && !spikes) {
            throw new IllegalArgumentException("a bin width applies to the spike-train datasets (hippocampus-linear-track, "
                    + "songbird-hvc), not to " + parts[0]);
        }
        Recording r = switch (parts[0]) {
            case "hippocampus-linear-track" -> hippocampus(dir, binWidth == null ? HIPPOCAMPUS_BIN : binWidth);
            case "songbird-hvc" -> songbird(dir, binWidth);
            case "zebrafish-swim-bouts" -> bouts(dir.resolve("bouts_derived.csv"));
            case "zebrafish-tectum-spontaneous" -> single(transpose(Csv.read(dir.resolve("zf_20151104-f1_activity_matrix.csv"))),
                    "fluorescence, frames x neurons (2.2 Hz)");
            case "celegans-wholebrain-nsm" -> single(Csv.read(dir.resolve("traces_zscored_derived.csv")),
                    "z-scored GCaMP traces, frames x neurons");
            default -> classic(dir);
        };
        return parts.length == 1 ? r : part(r, parts[0], parts[1]);
    }

    private static Recording hippocampus(Path dir, double width) throws IOException {
        SpikeTrains units = MatFiles.readSpikeTrains(dir.resolve("spikes.mat"), "spikes", "time");
        BinnedCounts b = binned(() -> SpikeBinning.binAll(units, width));
        return new Recording(Map.of("y", b.counts()), String.format("%d units of spikes.mat: %d bins of %s s from %.3f s",
                units.numNeurons(), b.bins(), seconds(width), b.start()));
    }

    private static Recording songbird(Path dir, Double width) throws IOException {
        Path mat = dir.resolve("MackeviciusData.mat");
        double fs = MatFiles.readMatrix(mat, "VIDEOfs").dataView()[0];
        int[] neural = MatFiles.variables(mat).stream().filter(v -> v.name().equals("NEURAL")).findFirst()
                .orElseThrow(() -> FileFormatException.of(mat.toString(), "variable 'NEURAL'", "not in the file")).dims();
        double w = width == null ? 1 / fs : width;
        SpikeTrains neurons = SpikeTimeText.read(dir.resolve("songbird_spikes.txt"), 1, neural[0]);
        BinnedCounts b = binned(() -> new BinnedCounts(SpikeBinning.bin(neurons, 0.5 / fs, (neural[1] + 0.5) / fs, w),
                0.5 / fs, w));
        return new Recording(Map.of("y", b.counts()), String.format("%d neurons of songbird_spikes.txt: %d bins of %s s "
                + "over the %d imaging frames (%s Hz)", neurons.numNeurons(), b.bins(), seconds(w), neural[1], seconds(fs)));
    }

    /** Binning whose argument errors (a bad width) read as the user's option. */
    private interface Binning {
        BinnedCounts run();
    }

    private static BinnedCounts binned(Binning binning) {
        try {
            return binning.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bin width: " + e.getMessage(), e);
        }
    }

    private static Recording bouts(Path csv) throws IOException {
        int fish = column(csv, "fish"), trajectory = column(csv, "trajectory"), dtheta = column(csv, "dtheta_deg");
        NdArray table = Csv.read(csv);
        int cols = table.dim(1);
        double[] v = table.dataView();
        Map<String, NdArray> trials = new LinkedHashMap<>();
        int from = 0;
        for (int r = 1; r <= table.dim(0); r++) {
            boolean same = r < table.dim(0) && v[r * cols + fish] == v[from * cols + fish]
                    && v[r * cols + trajectory] == v[from * cols + trajectory];
            if (same) continue;
            double[] angles = new double[r - from];
            for (int i = from; i < r; i++) angles[i - from] = v[i * cols + dtheta];
            trials.put(String.format("fish%02d_traj%03d", (int) v[from * cols + fish], (int) v[from * cols + trajectory]),
                    NdArray.of(angles, angles.length, 1));
            from = r;
        }
        return new Recording(trials, trials.size() + " trajectories of bout turn angles dtheta_deg (T x 1 each)");
    }

    /** The index of a named column in a CSV file's header line. */
    private static int column(Path csv, String name) throws IOException {
        String header;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            header = r.readLine();
        }
        List<String> names = header == null ? List.of() : Arrays.stream(header.split(",")).map(String::strip).toList();
        int i = names.indexOf(name);
        if (i < 0) throw FileFormatException.of(csv.toString(), "header", "no column '" + name + "' in " + names);
        return i;
    }

    private static Recording classic(Path dir) throws IOException {
        Map<String, NdArray> trials = new LinkedHashMap<>();
        for (String series : List.of("nile", "sunspots", "earthquakes")) {
            NdArray t = Csv.read(dir.resolve(series + ".csv"));
            double[] values = new double[t.dim(0)];
            for (int i = 0; i < values.length; i++) values[i] = t.dataView()[i * t.dim(1) + 1];
            trials.put(series, NdArray.of(values, values.length, 1));
        }
        return new Recording(trials, "yearly series nile, sunspots, earthquakes (T x 1 each; pick one with NAME/PART)");
    }

    private static Recording single(NdArray y, String what) {
        return new Recording(Map.of("y", y), what + ": " + y.dim(0) + " x " + y.dim(1));
    }

    private static NdArray transpose(NdArray a) {
        int rows = a.dim(0), cols = a.dim(1);
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = a.dataView()[r * cols + c];
        return NdArray.of(t, cols, rows);
    }

    private static Recording part(Recording r, String dataset, String part) {
        NdArray a = r.trials().get(part);
        if (a == null) {
            List<String> known = r.trials().keySet().stream().limit(10).toList();
            throw new IllegalArgumentException(dataset + " has no part '" + part + "'; its parts are " + known
                    + (r.trials().size() > 10 ? " and " + (r.trials().size() - 10) + " more" : ""));
        }
        return new Recording(Map.of(part, a), dataset + ", " + part + ": " + a.dim(0) + " x " + a.dim(1));
    }

    /** A number with six significant digits and no trailing zeros. */
    private static String seconds(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}
