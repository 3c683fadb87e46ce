package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.spikes.SpikeBinning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's view of data files as trials, masks and input arrays, chosen by file extension.
 *
 * <ul>
 *   <li>{@code .npy}: a 1-D array of length T is one trial T x 1, a 2-D array T x D is one trial, a 3-D
 *       array N x T x D is N trials of equal length.</li>
 *   <li>{@code .npz}: one trial per array (1-D or 2-D), in archive order.</li>
 *   <li>{@code .csv}: one trial, rows = time steps, columns = dimensions.</li>
 *   <li>{@code .mat} (MATLAB v5-v7, {@link MatFiles}): the variable named in {@link Options#variable} (or the file's
 *       only numeric variable): a T x D matrix is one trial, a 1 x T or T x 1 vector one trial with D = 1, a cell
 *       array of such matrices one trial per cell.</li>
 *   <li>{@code .txt} spike times ({@link SpikeTimeText}): one trial of spike counts, T bins of
 *       {@link Options#binWidth} seconds from the first spike's bin to the last's, one column per neuron id.</li>
 * </ul>
 * NaN entries become missing values. All trials must share D, and every trial needs T >= 1 and D >= 1;
 * anything else is a {@link FileFormatException} that names the file and the array.
 */
public final class SeriesFiles {
    private SeriesFiles() {
    }

    /**
     * How to read the formats that need more than the file: which variable of a {@code .mat} file (null: its only
     * numeric one), and the bin width in seconds for spike-time {@code .txt} files (null: refused).
     */
    public record Options(String variable, Double binWidth) {
        /** No variable, no bin width. */
        public static final Options NONE = new Options(null, null);
    }

    /** Reads the trials in a {@code .npy}, {@code .npz} or {@code .csv} file. */
    public static List<TimeSeries> readTrials(Path path) throws IOException {
        return readTrials(path, Options.NONE);
    }

    /** Reads the trials in a {@code .npy}, {@code .npz}, {@code .csv}, {@code .mat} or spike-time {@code .txt} file. */
    public static List<TimeSeries> readTrials(Path path, Options options) throws IOException {
        List<TimeSeries> trials = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        switch (Format.of(path)) {
            case NPY -> {
                trials.addAll(arrayTrials(Npy.read(path), path.toString()));
                while (sources.size() < trials.size()) sources.add(path.toString());
            }
            case NPZ -> {
                Map<String, NdArray> arrays = Npz.read(path);
                if (arrays.isEmpty()) throw FileFormatException.of(path.toString(), "archive", "holds no arrays");
                for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                    String source = path + ", array '" + e.getKey() + "'";
                    trials.add(trial(e.getValue(), source, "1-D (T) or 2-D (T x D): an .npz holds one trial per array"));
                    sources.add(source);
                }
            }
            case CSV -> {
                trials.add(trial(Csv.read(path), path.toString(), "2-D"));
                sources.add(path.toString());
            }
            case MAT -> {
                String variable = options.variable() != null ? options.variable() : MatFiles.onlyNumericVariable(path);
                List<NdArray> matrices = MatFiles.readMatrices(path, variable);
                for (int i = 0; i < matrices.size(); i++) {
                    String source = path + ", variable '" + variable + "'" + (matrices.size() > 1 ? " {" + (i + 1) + "}" : "");
                    trials.add(trial(vectorAsColumn(matrices.get(i)), source, "a T x D matrix"));
                    sources.add(source);
                }
            }
            case TXT -> {
                if (options.binWidth() == null) {
                    throw FileFormatException.of(path.toString(), "bin width", "spike-time text needs a bin width in seconds");
                }
                NdArray counts = SpikeBinning.binAll(SpikeTimeText.read(path), options.binWidth()).counts();
                trials.add(trial(counts, path.toString(), "T x N counts"));
                sources.add(path.toString());
            }
        }
        for (int i = 1; i < trials.size(); i++) {
            if (trials.get(i).dim() != trials.get(0).dim()) {
                throw FileFormatException.of(sources.get(i), "shape", "trial " + i + " has dimension D = "
                        + trials.get(i).dim() + ", trial 0 has D = " + trials.get(0).dim() + "; all trials must share D");
            }
        }
        return trials;
    }

    /**
     * Reads a mask file ({@code .npy} or {@code .npz}; bool, or numbers that are all 0 or 1) and matches it to
     * the trials in order: an {@code .npz} holds one array per trial, an {@code .npy} holds the one trial's
     * T x D mask or an N x T x D stack. A trial with D = 1 also accepts a 1-D mask of length T.
     *
     * @param shapes the trials the mask belongs to (only their T and D are used)
     * @return one row-major T*D array per trial, {@code true} meaning observed, as
     *     {@link TimeSeries#withMask(boolean[])} takes it
     */
    public static List<boolean[]> readMasks(Path path, List<TimeSeries> shapes) throws IOException {
        List<NdArray> arrays = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        switch (Format.of(path)) {
            case NPY -> {
                NdArray a = Npy.read(path);
                if (a.ndim() == 3) {
                    int block = a.dim(1) * a.dim(2);
                    for (int i = 0; i < a.dim(0); i++) {
                        arrays.add(NdArray.of(a.dtype(), Arrays.copyOfRange(a.dataView(), i * block, (i + 1) * block),
                                a.dim(1), a.dim(2)));
                        sources.add(path + ", trial " + i);
                    }
                } else {
                    arrays.add(a);
                    sources.add(path.toString());
                }
            }
            case NPZ -> {
                for (Map.Entry<String, NdArray> e : Npz.read(path).entrySet()) {
                    arrays.add(e.getValue());
                    sources.add(path + ", array '" + e.getKey() + "'");
                }
            }
            case CSV, MAT, TXT -> throw FileFormatException.of(path.toString(), "file name", "a mask file must be .npy or .npz");
        }
        if (arrays.size() != shapes.size()) {
            throw FileFormatException.of(path.toString(), "mask count", "holds " + arrays.size()
                    + " mask(s) for " + shapes.size() + " trial(s)");
        }
        List<boolean[]> masks = new ArrayList<>(arrays.size());
        for (int i = 0; i < arrays.size(); i++) {
            masks.add(mask(arrays.get(i), shapes.get(i), sources.get(i)));
        }
        return masks;
    }

    /**
     * Reads the arrays in a file, such as the inputs of each trial: an {@code .npy} or {@code .csv} file gives
     * one array, an {@code .npz} gives each of its arrays in archive order.
     */
    public static List<NdArray> readArrays(Path path) throws IOException {
        return switch (Format.of(path)) {
            case NPY -> List.of(Npy.read(path));
            case NPZ -> List.copyOf(Npz.read(path).values());
            case CSV -> List.of(Csv.read(path));
            case MAT, TXT -> throw FileFormatException.of(path.toString(), "file name", "expected .npy, .npz or .csv");
        };
    }

    /**
     * The trials in one array, as in an {@code .npy} file: a 1-D array of length T is one trial T x 1, a 2-D
     * array T x D one trial, a 3-D array N x T x D is N trials of equal length.
     */
    static List<TimeSeries> arrayTrials(NdArray a, String source) throws FileFormatException {
        if (a.ndim() != 3) return List.of(trial(a, source, "1-D (T), 2-D (T x D) or 3-D (N x T x D)"));
        requireNonEmpty(a, source, "N x T x D");
        int block = a.dim(1) * a.dim(2);
        List<TimeSeries> trials = new ArrayList<>(a.dim(0));
        for (int i = 0; i < a.dim(0); i++) {
            double[] values = Arrays.copyOfRange(a.dataView(), i * block, (i + 1) * block);
            trials.add(series(values, a.dim(1), a.dim(2), source + ", trial " + i));
        }
        return trials;
    }

    private static TimeSeries trial(NdArray a, String source, String expected) throws FileFormatException {
        if (a.ndim() == 1) {
            requireNonEmpty(a, source, "T");
            return series(a.dataView(), a.dim(0), 1, source);
        }
        if (a.ndim() == 2) {
            requireNonEmpty(a, source, "T x D");
            return series(a.dataView(), a.dim(0), a.dim(1), source);
        }
        throw FileFormatException.of(source, "shape", NpyHeader.shapeRepr(a.shape()) + " is " + a.ndim()
                + "-D; expected " + expected);
    }

    /** A MATLAB 1 x T row vector as the 1-D array of a one-dimensional trial (a T x 1 column already is one). */
    private static NdArray vectorAsColumn(NdArray a) {
        return a.ndim() == 2 && a.dim(0) == 1 ? a.reshape(a.dim(1)) : a;
    }

    private static void requireNonEmpty(NdArray a, String source, String axes) throws FileFormatException {
        if (a.size() == 0) {
            throw FileFormatException.of(source, "shape", NpyHeader.shapeRepr(a.shape()) + " (" + axes
                    + ") has a zero-length axis; every trial needs T >= 1 and D >= 1");
        }
    }

    private static TimeSeries series(double[] values, int t, int d, String source) throws FileFormatException {
        try {
            return TimeSeries.of(values, t, d);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static boolean[] mask(NdArray a, TimeSeries trial, String source) throws FileFormatException {
        int t = trial.length();
        int d = trial.dim();
        boolean fits = (a.ndim() == 2 && a.dim(0) == t && a.dim(1) == d) || (a.ndim() == 1 && d == 1 && a.dim(0) == t);
        if (!fits) {
            throw FileFormatException.of(source, "shape", "mask shape " + NpyHeader.shapeRepr(a.shape())
                    + " does not match the trial's T x D = (" + t + ", " + d + ")");
        }
        double[] v = a.dataView();
        boolean[] mask = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 1.0) {
                mask[i] = true;
            } else if (v[i] != 0.0) {
                throw FileFormatException.of(source, "element (t=" + (i / d) + ", d=" + (i % d) + ")", "value " + v[i]
                        + " is not a mask value: use bool or 0/1 (true = observed)");
            }
        }
        return mask;
    }

    /** The file types these readers know, by extension. */
    private enum Format {
        NPY, NPZ, CSV, MAT, TXT;

        static Format of(Path path) throws FileFormatException {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npy")) return NPY;
            if (name.endsWith(".npz")) return NPZ;
            if (name.endsWith(".csv")) return CSV;
            if (name.endsWith(".mat")) return MAT;
            if (name.endsWith(".txt")) return TXT;
            throw FileFormatException.of(path.toString(), "file name",
                    "unknown file type; expected .npy, .npz, .csv, .mat or .txt (spike times)");
        }
    }
}
