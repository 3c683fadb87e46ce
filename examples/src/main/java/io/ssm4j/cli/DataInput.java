package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Hdf5SeriesFiles;
import io.ssm4j.datasets.io.SeriesFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data options shared by {@code fit} and {@code infer}: data files (one trial per .npy/.csv, one per
 * array of an .npz; from an .nwb/.h5 file the series or binned units chosen by {@code --series} or
 * {@code --bin-width}), an optional mask (true = observed), optional inputs, and the thread count.
 */
final class DataInput {
    @Parameters(paramLabel = "DATA", arity = "0..*",
            description = "Observation files: .npy (T x D, one trial), .npz (one trial per array), .csv, or .nwb/.h5 "
                    + "(with --series or --bin-width); NaN = missing")
    List<Path> files;

    @Option(names = "--series", paramLabel = "PATH",
            description = "For .nwb/.h5 DATA: the NWB TimeSeries group or HDF5 dataset to read, e.g. /acquisition/lfp")
    String series;

    @Option(names = "--bin-width", paramLabel = "SECONDS",
            description = "For .nwb DATA: the Units table's spike counts in bins of this width (T x units)")
    Double binWidth;

    @Option(names = "--mask", paramLabel = "M.npy|.npz", description = "Mask of observed entries (true = observed), one per trial")
    Path mask;

    @Option(names = "--inputs", paramLabel = "U.npy|.npz", description = "Inputs u_t (T x M per trial), matched to the trials in order")
    Path inputs;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores)")
    Integer threads;

    int threadCount() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + n);
        return n;
    }

    Trials load() throws IOException {
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("no DATA files given");
        List<TimeSeries> trials = new ArrayList<>();
        if ((series != null || binWidth != null) && files.stream().noneMatch(Hdf5SeriesFiles::handles)) {
            throw new IllegalArgumentException("--series and --bin-width apply to .nwb/.h5 DATA files only");
        }
        for (Path f : files) {
            trials.addAll(Hdf5SeriesFiles.handles(f) ? Hdf5SeriesFiles.readTrials(f, series, binWidth) : SeriesFiles.readTrials(f));
        }
        if (mask != null) {
            List<boolean[]> masks = SeriesFiles.readMasks(mask, trials);
            for (int i = 0; i < trials.size(); i++) {
                try {
                    trials.set(i, trials.get(i).withMask(masks.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(mask + ", trial " + i + ": " + e.getMessage(), e);
                }
            }
        }
        if (inputs != null) {
            List<NdArray> u = SeriesFiles.readArrays(inputs);
            if (u.size() != trials.size()) {
                throw new IllegalArgumentException(inputs + ": " + u.size() + " input arrays for " + trials.size() + " trials");
            }
            for (int i = 0; i < trials.size(); i++) {
                NdArray a = u.get(i);
                int t = trials.get(i).length();
                int m = a.ndim() == 1 ? 1 : a.dim(1);
                if (a.ndim() > 2 || a.dim(0) != t) {
                    throw new IllegalArgumentException(inputs + ", trial " + i + ": inputs must be T x M with T=" + t
                            + ", got shape " + java.util.Arrays.toString(a.shape()));
                }
                trials.set(i, trials.get(i).withInputs(a.dataView(), m));
            }
        }
        try {
            return Trials.of(trials);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data files " + files + ": " + e.getMessage(), e);
        }
    }
}
