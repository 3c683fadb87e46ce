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
 * array of an .npz, a .mat variable, binned spike-time .txt; from an .nwb/.h5 file the series or binned units
 * chosen by {@code --series} or {@code --bin-width}), an optional mask (true = observed), optional inputs, and the
 * thread count.
 */
final class DataInput {
    @Parameters(paramLabel = "DATA", arity = "0..*",
            description = "Observation files: .npy (T x D, one trial), .npz (one trial per array), .csv, .mat (see --variable), "
                    + "spike times .txt (see --bin-width) or .nwb/.h5 (see --series, --bin-width); NaN = missing")
    List<Path> files;

    @Option(names = "--variable", paramLabel = "NAME",
            description = "Variable of a .mat DATA file: a T x D matrix or a cell of them (default: the file's only numeric one)")
    String variable;

    @Option(names = "--series", paramLabel = "PATH",
            description = "For .nwb/.h5 DATA: the NWB TimeSeries group or HDF5 dataset to read, e.g. /acquisition/lfp")
    String series;

    @Option(names = "--bin-width", paramLabel = "SECONDS",
            description = "Bin width for spike times: .txt DATA (lines: neuron time) and the Units table of .nwb DATA, binned into counts")
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
        if (series != null && files.stream().noneMatch(Hdf5SeriesFiles::handles)) {
            throw new IllegalArgumentException("--series applies to .nwb/.h5 DATA files only");
        }
        SeriesFiles.Options options = new SeriesFiles.Options(variable, binWidth);
        for (Path f : files) {
            trials.addAll(Hdf5SeriesFiles.handles(f) ? Hdf5SeriesFiles.readTrials(f, series, binWidth) : SeriesFiles.readTrials(f, options));
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
