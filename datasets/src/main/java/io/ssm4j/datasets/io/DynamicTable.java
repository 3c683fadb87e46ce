package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HDMF {@code DynamicTable} in an HDF5 file, as NWB stores its Units, trials and electrodes tables: a
 * group with an {@code id} dataset (one integer per row) and one dataset per column. A ragged column
 * {@code c} keeps every row's values concatenated in {@code c} and, in the {@code VectorIndex}
 * {@code c_index}, the end (exclusive) of each row's run: row i holds {@code c[index[i-1] .. index[i])},
 * with {@code index[-1] = 0}. Reference: HDMF common schema, "DynamicTable", "VectorData", "VectorIndex"
 * (https://hdmf-common-schema.readthedocs.io).
 */
final class DynamicTable {
    private final Hdf5File h;
    private final String path;
    private final long[] ids;

    private DynamicTable(Hdf5File h, String path, long[] ids) {
        this.h = h;
        this.path = path;
        this.ids = ids;
    }

    /** The table at a group path; its {@code id} dataset must be a 1-D integer array. */
    static DynamicTable open(Hdf5File h, String groupPath) throws FileFormatException {
        String path = Hdf5File.normalize(groupPath);
        if (!h.isGroup(path)) {
            throw FileFormatException.of(h.source(), Hdf5File.field(path), "no such group (expected a DynamicTable)");
        }
        String idPath = Hdf5File.join(path, "id");
        NdArray id = h.read(idPath);
        if (id.ndim() != 1 || (id.dtype() != NdArray.DType.INT32 && id.dtype() != NdArray.DType.INT64)) {
            throw FileFormatException.of(h.source(), Hdf5File.field(idPath), "shape " + NpyHeader.shapeRepr(id.shape())
                    + " of " + id.dtype() + ": expected a 1-D array of integer row ids");
        }
        long[] ids = new long[id.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = (long) id.dataView()[i];
        return new DynamicTable(h, path, ids);
    }

    long[] ids() {
        return ids.clone();
    }

    /** The table's column names: its {@code colnames} attribute, else its datasets but {@code id} and indexes. */
    List<String> columnNames() throws FileFormatException {
        var listed = h.textListAttribute(path, "colnames");
        if (listed.isPresent()) return listed.get();
        List<String> names = new ArrayList<>();
        for (String name : h.children(path)) {
            if (!name.equals("id") && !name.endsWith("_index") && h.isDataset(columnPath(name))) names.add(name);
        }
        return names;
    }

    String columnPath(String name) {
        return Hdf5File.join(path, name);
    }

    boolean isRagged(String name) throws FileFormatException {
        return h.exists(columnPath(name + "_index"));
    }

    /** A numeric column whose first axis has one entry per row. */
    NdArray column(String name) throws FileFormatException {
        return requireRows(name, h.read(columnPath(name)));
    }

    /** A 1-D numeric column of finite values, one per row. */
    double[] finiteColumn(String name) throws FileFormatException {
        NdArray a = requireRows(name, h.readFinite(columnPath(name)));
        if (a.ndim() != 1) {
            throw FileFormatException.of(h.source(), Hdf5File.field(columnPath(name)), "shape "
                    + NpyHeader.shapeRepr(a.shape()) + ": expected one value per row");
        }
        return a.toArray();
    }

    /** A 1-D text column, one string per row. */
    List<String> textColumn(String name) throws FileFormatException {
        String[] text = h.readText(columnPath(name));
        if (text.length != ids.length) {
            throw FileFormatException.of(h.source(), Hdf5File.field(columnPath(name)), "holds " + text.length
                    + " strings for " + ids.length + " rows");
        }
        return List.of(text);
    }

    /** A ragged numeric column of finite values, split by its {@code VectorIndex} into one array per row. */
    List<double[]> raggedFiniteColumn(String name) throws FileFormatException {
        String dataPath = columnPath(name);
        String indexPath = columnPath(name + "_index");
        NdArray data = h.readFinite(dataPath);
        if (data.ndim() != 1) {
            throw FileFormatException.of(h.source(), Hdf5File.field(dataPath), "shape " + NpyHeader.shapeRepr(data.shape())
                    + ": expected the 1-D concatenation of every row's values");
        }
        NdArray index = requireRows(name + "_index", h.read(indexPath));
        if (index.ndim() != 1) {
            throw FileFormatException.of(h.source(), Hdf5File.field(indexPath), "shape "
                    + NpyHeader.shapeRepr(index.shape()) + ": expected a 1-D VectorIndex");
        }
        double[] v = data.dataView();
        double[] ends = index.dataView();
        List<double[]> rows = new ArrayList<>(ends.length);
        long start = 0;
        for (int i = 0; i < ends.length; i++) {
            double end = ends[i];
            if (end != Math.rint(end) || end < start || end > v.length) {
                String problem = end != Math.rint(end) ? "is " + end + ", not an integer"
                        : end < start ? "is " + (long) end + ", below the previous end " + start + " (a VectorIndex never decreases)"
                        : "is " + (long) end + ", past the end of '" + name + "' (" + v.length + " values)";
                throw FileFormatException.of(h.source(), Hdf5File.field(indexPath) + ", element " + i, problem);
            }
            rows.add(Arrays.copyOfRange(v, (int) start, (int) end));
            start = (long) end;
        }
        return rows;
    }

    private NdArray requireRows(String name, NdArray a) throws FileFormatException {
        if (a.ndim() == 0 || a.dim(0) != ids.length) {
            throw FileFormatException.of(h.source(), Hdf5File.field(columnPath(name)), "shape "
                    + NpyHeader.shapeRepr(a.shape()) + " does not have the table's " + ids.length + " rows first");
        }
        return a;
    }
}
