package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;

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
 * </ul>
 * NaN entries become missing values. All trials must share D, and every trial needs T >= 1 and D >= 1;
 * anything else is a {@link FileFormatException} that names the file and the array.
 */
public final class SeriesFiles {
    private SeriesFiles() {
    }

    /** Reads the trials in a {@code .npy}, {@code .npz} or {@code .csv} file. */
    public static List<TimeSeries> readTrials(Path path) throws IOException {
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
            case CSV -> throw FileFormatException.of(path.toString(), "file name", "a mask file must be .npy or .npz");
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
        NPY, NPZ, CSV;

        static Format of(Path path) throws FileFormatException {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npy")) return NPY;
            if (name.endsWith(".npz")) return NPZ;
            if (name.endsWith(".csv")) return CSV;
            throw FileFormatException.of(path.toString(), "file name", "unknown file type; expected .npy, .npz or .csv");
        }
    }
}
