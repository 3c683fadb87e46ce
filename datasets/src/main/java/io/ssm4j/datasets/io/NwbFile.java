package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An NWB 2.x file (Neurodata Without Borders, stored as HDF5): its TimeSeries, its Units table of spike
 * times and its trials table. A file is NWB when its root group's {@code neurodata_type} attribute is
 * {@code NWBFile}. Reference: Rübel et al. (2022), "The Neurodata Without Borders ecosystem for
 * neurophysiological data science", eLife 11:e78362; NWB:N core schema 2.x (https://nwb-schema.readthedocs.io).
 *
 * <p>Every malformed file (not HDF5, not NWB, a missing group, a wrong shape, a VectorIndex that decreases
 * or points past its data) is a {@link FileFormatException} naming the file, the HDF5 path and the problem.
 */
public final class NwbFile implements AutoCloseable {
    /** How deep below {@code /acquisition} and {@code /processing} TimeSeries are looked for. */
    private static final int SEARCH_DEPTH = 6;

    private final Hdf5File h;
    private final String version;

    private NwbFile(Hdf5File h, String version) {
        this.h = h;
        this.version = version;
    }

    /** Opens an NWB file. */
    public static NwbFile open(Path path) throws IOException {
        Hdf5File h = Hdf5File.open(path);
        try {
            return of(h);
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** An NWB view of an open HDF5 file, which closing the view closes. */
    public static NwbFile of(Hdf5File h) throws FileFormatException {
        String type = h.textAttribute("/", "neurodata_type").orElse("");
        if (!type.equals("NWBFile")) {
            throw FileFormatException.of(h.source(), "root attribute 'neurodata_type'", (type.isEmpty() ? "missing"
                    : "is '" + type + "'") + ": not an NWB 2.x file (expected 'NWBFile')");
        }
        return new NwbFile(h, h.textAttribute("/", "nwb_version").orElse(""));
    }

    /** Whether an open HDF5 file is an NWB 2.x file. */
    public static boolean isNwb(Hdf5File h) throws FileFormatException {
        return h.textAttribute("/", "neurodata_type").orElse("").equals("NWBFile");
    }

    /** The root {@code nwb_version} attribute, such as {@code 2.7.0}; empty when absent. */
    public String version() {
        return version;
    }

    /**
     * The paths of the TimeSeries under {@code /acquisition} and {@code /processing} (also those inside
     * containers such as {@code Position} or {@code Fluorescence}), in name order: groups with a {@code data}
     * dataset and {@code timestamps} or {@code starting_time}.
     */
    public List<String> timeSeriesPaths() throws FileFormatException {
        List<String> out = new ArrayList<>();
        for (String root : List.of("/acquisition", "/processing")) {
            if (!h.isGroup(root)) continue;
            for (String p : h.walk(root, SEARCH_DEPTH)) {
                if (NwbTimeSeriesReader.isTimeSeries(h, p)) out.add(p);
            }
        }
        return out;
    }

    /** The TimeSeries at a group path, such as {@code /acquisition/lfp}. */
    public NwbTimeSeries timeSeries(String path) throws FileFormatException {
        return NwbTimeSeriesReader.read(h, path);
    }

    /** The Units table at {@code /units}. */
    public NwbUnits units() throws FileFormatException {
        DynamicTable table = DynamicTable.open(h, "/units");
        List<double[]> spikes = table.raggedFiniteColumn("spike_times");
        for (double[] s : spikes) Arrays.sort(s);
        return new NwbUnits(table.ids(), Collections.unmodifiableList(spikes));
    }

    /** The trials table at {@code /intervals/trials}. */
    public NwbTrials trials() throws FileFormatException {
        DynamicTable table = DynamicTable.open(h, "/intervals/trials");
        double[] start = table.finiteColumn("start_time");
        double[] stop = table.finiteColumn("stop_time");
        for (int i = 0; i < start.length; i++) {
            if (stop[i] < start[i]) {
                throw FileFormatException.of(h.source(), Hdf5File.field(table.columnPath("stop_time")) + ", element " + i,
                        "trial stops at " + stop[i] + " s, before its start at " + start[i] + " s");
            }
        }
        Map<String, NdArray> columns = new LinkedHashMap<>();
        Map<String, List<String>> text = new LinkedHashMap<>();
        for (String name : table.columnNames()) {
            if (name.equals("start_time") || name.equals("stop_time") || table.isRagged(name)) continue;
            switch (h.content(table.columnPath(name))) {
                case NUMBERS -> columns.put(name, table.column(name));
                case TEXT -> text.put(name, table.textColumn(name));
                case OTHER -> { }
            }
        }
        return new NwbTrials(table.ids(), start, stop, Collections.unmodifiableMap(columns),
                Collections.unmodifiableMap(text));
    }

    @Override
    public void close() {
        h.close();
    }
}
