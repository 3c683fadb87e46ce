package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.spikes.SpikeTrains;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;
import us.hebi.matlab.mat.types.Sparse;
import us.hebi.matlab.mat.types.Struct;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads MATLAB {@code .mat} files of format versions 5 to 7 (MathWorks, "MAT-File Format", R2019b: a 128-byte
 * text header, then one tagged, possibly zlib-compressed, data element per variable), parsed by MFL
 * ({@code us.hebi.matlab.mat:mfl-core}).
 *
 * <ul>
 *   <li>{@link #variables}: each variable's name, MATLAB class and dimensions.</li>
 *   <li>{@link #readMatrix}: one numeric (double, single, int8..uint64, sparse) or logical matrix of any number of
 *       dimensions as an {@link NdArray} of the same shape, reordered from MATLAB's column-major to row-major.
 *       double and single become FLOAT64 and FLOAT32, int32 INT32, logical BOOL, the other integer classes
 *       INT64 (uint64 above 2^53 rounds to the nearest double).</li>
 *   <li>{@link #readMatrices}: a matrix, or each element of a cell array of matrices (ragged trials).</li>
 *   <li>{@link #readSpikeTrains}: every vector stored in a named struct field anywhere under a variable's nesting of
 *       cells and structs, in storage order, as spike trains labelled by their path (the cell-of-tetrodes,
 *       cell-of-clusters, struct-with-{@code time} layout of MatClust / the Frank lab's {@code spikes} files).</li>
 * </ul>
 *
 * <p>A v7.3 file is HDF5 inside and is refused with a message pointing to the HDF5 reader. Before MFL parses a file,
 * {@link MatStructure} checks that every size its elements declare fits in the bytes that are there, so a corrupt
 * file cannot make MFL allocate by a made-up size. The MATLAB-class-object subsystem (the undocumented data behind
 * handle objects, tables and strings, which this reader never returns) is not parsed. Every other problem (truncated
 * or corrupt file, missing variable, a cell or char where a matrix is wanted, complex values, a sparse matrix whose
 * dense copy would not fit in the heap) is a {@link FileFormatException} naming the file, the variable or field, and
 * the problem; MFL's own exceptions never reach the caller.
 */
public final class MatFiles {
    private static final int HEADER_BYTES = 128;
    private static final java.util.Set<String> NUMERIC_CLASSES = java.util.Set.of("double", "single", "int8", "uint8",
            "int16", "uint16", "int32", "uint32", "int64", "uint64", "sparse", "logical");
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private MatFiles() {
    }

    /** One variable of a MAT-file: its name, MATLAB class ("double", "cell", "struct", ...) and dimensions. */
    public record Variable(String name, String matlabClass, int[] dims) {
        @Override
        public String toString() {
            return name + " (" + matlabClass + " " + Arrays.stream(dims).mapToObj(Integer::toString)
                    .collect(Collectors.joining("x")) + ")";
        }
    }

    /** The variables in the file, in storage order. */
    public static List<Variable> variables(Path path) throws IOException {
        return withFile(path, mat -> {
            List<Variable> out = new ArrayList<>();
            for (MatFile.Entry e : mat.getEntries()) {
                out.add(new Variable(e.getName(), className(e.getValue()), e.getValue().getDimensions()));
            }
            return out;
        });
    }

    /**
     * The name of the file's only numeric or logical matrix variable.
     *
     * @throws FileFormatException if it holds none or several, listing them all
     */
    public static String onlyNumericVariable(Path path) throws IOException {
        List<Variable> all = variables(path);
        List<String> numeric = all.stream().filter(v -> NUMERIC_CLASSES.contains(v.matlabClass())).map(Variable::name).toList();
        if (numeric.size() == 1) return numeric.get(0);
        throw FileFormatException.of(path.toString(), "variable", "holds " + numeric.size() + " numeric variables " + all
                + ": name the one to read (the command line's --variable)");
    }

    /** The named numeric or logical matrix, with MATLAB's dimensions (a vector stays 1 x n or n x 1). */
    public static NdArray readMatrix(Path path, String variable) throws IOException {
        return withFile(path, mat -> toNdArray(find(mat, path, variable), path + ": variable '" + variable + "'"));
    }

    /**
     * The named matrix as a one-element list, or, when the variable is a cell array, each of its elements in
     * MATLAB's linear (column-major) order, each of which must be a numeric or logical matrix.
     */
    public static List<NdArray> readMatrices(Path path, String variable) throws IOException {
        return withFile(path, mat -> {
            Array a = find(mat, path, variable);
            String source = path + ": variable '" + variable + "'";
            if (!(a instanceof Cell c)) return List.of(toNdArray(a, source));
            if (c.getNumElements() == 0) throw FileFormatException.of(source, "cell", "is empty");
            List<NdArray> out = new ArrayList<>(c.getNumElements());
            for (int i = 0; i < c.getNumElements(); i++) out.add(toNdArray(c.get(i), source + ", cell {" + (i + 1) + "}"));
            return out;
        });
    }

    /**
     * Collects every value of struct field {@code field} found under the variable, descending through cells (in
     * linear order) and through the other fields of structs that lack it; each value must be a numeric vector of
     * spike times (an empty one is skipped: an unsorted or empty cluster). Train labels are MATLAB paths such as
     * {@code spikes{1}{1}{3}{14}}.
     */
    public static SpikeTrains readSpikeTrains(Path path, String variable, String field) throws IOException {
        return withFile(path, mat -> {
            List<String> labels = new ArrayList<>();
            List<double[]> times = new ArrayList<>();
            collect(find(mat, path, variable), variable, field, path, labels, times);
            if (labels.isEmpty()) {
                throw FileFormatException.of(path.toString(), "variable '" + variable + "'",
                        "holds no non-empty struct field '" + field + "' under its cells and structs");
            }
            try {
                return SpikeTrains.of(labels, times);
            } catch (IllegalArgumentException e) {
                throw new FileFormatException(path + ": variable '" + variable + "': " + e.getMessage(), e);
            }
        });
    }

    private static void collect(Array a, String where, String field, Path path, List<String> labels, List<double[]> times)
            throws FileFormatException {
        if (a instanceof Cell c) {
            for (int i = 0; i < c.getNumElements(); i++) collect(c.get(i), where + "{" + (i + 1) + "}", field, path, labels, times);
        } else if (a instanceof Struct s && !s.getFieldNames().isEmpty()) { // a struct without fields holds nothing
            boolean has = s.getFieldNames().contains(field);
            for (int i = 0; i < s.getNumElements(); i++) {
                String element = s.getNumElements() == 1 ? where : where + "(" + (i + 1) + ")";
                if (has) {
                    double[] t = vector(s.get(field, i), path + ": " + element + "." + field);
                    if (t.length > 0) {
                        labels.add(element);
                        times.add(t);
                    }
                } else {
                    for (String f : s.getFieldNames()) collect(s.get(f, i), element + "." + f, field, path, labels, times);
                }
            }
        }
    }

    private static double[] vector(Array a, String source) throws FileFormatException {
        NdArray v = toNdArray(a, source);
        int longAxes = 0;
        for (int d : v.shape()) if (d != 1) longAxes++;
        if (longAxes > 1) {
            throw FileFormatException.of(source, "shape", Arrays.toString(v.shape()) + " is not a vector of times");
        }
        return v.dataView();
    }

    private static NdArray toNdArray(Array a, String source) throws FileFormatException {
        if (!(a instanceof Matrix m)) {
            throw FileFormatException.of(source, "class", className(a) + " is not a numeric or logical matrix");
        }
        if (m.isComplex()) throw FileFormatException.of(source, "class", "complex " + className(a) + ": only real values are read");
        int[] dims = m.getDimensions();
        long n = 1;
        for (int d : dims) n *= d;
        if (n > Integer.MAX_VALUE - 8) throw FileFormatException.of(source, "dimensions", n + " elements: too many");
        double[] columnMajor;
        if (m instanceof Sparse s) {
            columnMajor = dense(s, n, source);
        } else {
            boolean unsigned64 = m.getType() == MatlabType.UInt64;
            columnMajor = new double[(int) n];
            for (int i = 0; i < columnMajor.length; i++) {
                columnMajor[i] = unsigned64 ? unsignedToDouble(m.getLong(i)) : m.getDouble(i);
            }
        }
        return NdArray.of(dtype(m), FortranOrder.toRowMajor(columnMajor, dims), dims);
    }

    /** A sparse matrix's {@code n} elements in column-major order, its non-zeros placed by their row and column. */
    private static double[] dense(Sparse s, long n, String source) throws FileFormatException {
        if (n > maxDenseElements()) {
            throw FileFormatException.of(source, "dimensions", "sparse " + s.getNumRows() + " x " + s.getNumCols()
                    + ": its dense copy of " + n + " elements would take more than half of the maximum heap (a larger "
                    + "-Xmx reads it)");
        }
        double[] columnMajor = new double[(int) n];
        int rows = s.getNumRows();
        long[] badRow = {Long.MIN_VALUE}; // none
        s.forEach((row, column, real, imaginary) -> {
            if (row < 0 || row >= rows) badRow[0] = row;
            else columnMajor[column * rows + row] = s.isLogical() && real != 0 ? 1 : real;
        });
        if (badRow[0] != Long.MIN_VALUE) throw FileFormatException.of(source, "row indices (ir)", "row " + badRow[0] + " of " + rows + " rows");
        return columnMajor;
    }

    /** The most elements a dense copy may have: two double[] (column- and row-major) within half the heap. */
    private static long maxDenseElements() {
        return Runtime.getRuntime().maxMemory() / 2 / (2 * Double.BYTES);
    }

    private static NdArray.DType dtype(Matrix m) {
        if (m.isLogical()) return NdArray.DType.BOOL;
        return switch (m.getType()) {
            case Double, Sparse -> NdArray.DType.FLOAT64;
            case Single -> NdArray.DType.FLOAT32;
            case Int32 -> NdArray.DType.INT32;
            default -> NdArray.DType.INT64;
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static String className(Array a) {
        if (a instanceof Matrix m && m.isLogical()) return "logical";
        return a.getType().toString();
    }

    private static Array find(Mat5File mat, Path path, String variable) throws FileFormatException {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(variable)) return e.getValue();
            names.add(e.getName());
        }
        throw FileFormatException.of(path.toString(), "variable '" + variable + "'", "not in the file; it holds " + names);
    }

    /** What a caller does with an opened file; may throw a FileFormatException of its own. */
    private interface MatAction<T> {
        T apply(Mat5File mat) throws IOException;
    }

    private static <T> T withFile(Path path, MatAction<T> action) throws IOException {
        checkHeader(path);
        MatStructure.check(path);
        Mat5File mat;
        try {
            mat = parse(path);
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        }
        try (Mat5File open = mat) {
            return action.apply(open);
        } catch (RuntimeException e) {
            throw new FileFormatException(path + ": contents: could not be read (" + e + ")", e);
        }
    }

    private static Mat5File parse(Path path) throws IOException {
        Source source = Sources.openFile(path.toFile());
        try {
            return Mat5.newReader(source).disableSubsystemProcessing().readMat();
        } finally {
            source.close();
        }
    }

    /** Refuses files too short for a header and v7.3 (HDF5-based) files, before MFL sees them. */
    private static void checkHeader(Path path) throws IOException {
        byte[] head = new byte[HEADER_BYTES];
        int got;
        try (InputStream in = Files.newInputStream(path)) {
            got = in.readNBytes(head, 0, HEADER_BYTES);
        }
        if (startsWith(head, got, HDF5_SIGNATURE)) throw hdf5(path, "an HDF5 file, not a MAT-file");
        if (got < HEADER_BYTES) {
            throw FileFormatException.of(path.toString(), "header", "the file has " + got + " bytes, fewer than the "
                    + HEADER_BYTES + "-byte MAT-file header (truncated, or not a .mat file)");
        }
        String text = new String(head, 0, 116, StandardCharsets.ISO_8859_1);
        boolean v73 = text.startsWith("MATLAB 7.3") || (head[124] == 0 && head[125] == 2) || (head[124] == 2 && head[125] == 0);
        if (v73) throw hdf5(path, "a MATLAB v7.3 MAT-file, which is HDF5-based");
    }

    private static FileFormatException hdf5(Path path, String what) {
        return FileFormatException.of(path.toString(), "format", "is " + what + "; this reader handles MAT-file "
                + "versions 5 to 7 only: read it with the HDF5/NWB reader, or re-save it in MATLAB with save(..., '-v7')");
    }

    private static FileFormatException unreadable(Path path, Exception e) {
        Throwable cause = e instanceof IOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof EOFException) {
            return new FileFormatException(path + ": contents: the file ends before the data its headers announce "
                    + "(truncated?)", e);
        }
        String problem = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new FileFormatException(path + ": contents: not a readable MATLAB v5-v7 MAT-file: " + problem, e);
    }

    private static boolean startsWith(byte[] head, int length, byte[] prefix) {
        if (length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (head[i] != prefix[i]) return false;
        return true;
    }
}
