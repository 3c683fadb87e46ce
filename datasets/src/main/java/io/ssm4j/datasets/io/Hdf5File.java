package io.ssm4j.datasets.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.SoftLink;
import io.jhdf.object.datatype.DataType;
import io.ssm4j.data.NdArray;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * An HDF5 file opened for reading: groups, datasets and attributes addressed by path ({@code /a/b}; a
 * leading slash is optional), numeric datasets read as {@link NdArray}. Built on the pure-Java jHDF
 * library, which implements The HDF Group's "HDF5 File Format Specification" (version 3.0).
 *
 * <p>Element types: float64 and float32 read as FLOAT64 and FLOAT32; signed 8, 16 and 32-bit and unsigned
 * 8 and 16-bit integers as INT32; signed 64-bit and unsigned 32 and 64-bit integers as INT64 (values above
 * 2^53 lose precision as doubles); HDF5 bit fields and h5py's boolean enum ({@code FALSE}/{@code TRUE}) as
 * BOOL. Text datasets are read by {@link #readText}. Soft links are followed (at most
 * {@value #MAX_LINK_HOPS} in a chain); external links are not.
 *
 * <p>Every problem with the file, from a missing object to a corrupt B-tree, is a
 * {@link FileFormatException} naming the file, the HDF5 path and the problem; no exception of the
 * underlying library escapes. Files below 2 GiB are memory-mapped, so that no declared length can make the
 * library allocate or read past the end of the file; larger files are read through a file channel. A dataset that declares more data than the file could hold (its byte size
 * above the file's size, or above {@value #MAX_EXPANSION} times the file's size when compressed) is
 * refused before anything is allocated; this also refuses the rare dataset whose chunks were never
 * written and that is made of its fill value.
 */
public final class Hdf5File implements AutoCloseable {
    /** The longest chain of soft links followed. */
    static final int MAX_LINK_HOPS = 16;
    /** How many times its stored size a compressed dataset may expand (deflate's limit is about 1032). */
    static final long MAX_EXPANSION = 1100;
    /**
     * Files up to this size are read through one memory map, where jHDF's reads cannot pass the end of the
     * file: through a file channel, jHDF 0.13 allocates whatever length a corrupt header declares (up to 2 GiB)
     * and fills it by re-reading the file's tail, before noticing anything is wrong.
     */
    private static final long MAX_MAPPED = Integer.MAX_VALUE;
    /** The largest Java array. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** What a dataset's elements are. */
    public enum Content {
        /** Floating point, integer, bit field or enumeration: readable as an {@link NdArray}. */
        NUMBERS,
        /** Fixed- or variable-length strings. */
        TEXT,
        /** Anything else: compound, reference, opaque, array, variable-length sequence, time. */
        OTHER
    }

    private final HdfFile file;
    private final String source;
    private final long fileSize;

    private Hdf5File(HdfFile file, String source, long fileSize) {
        this.file = file;
        this.source = source;
        this.fileSize = fileSize;
    }

    /**
     * Opens an HDF5 file.
     *
     * @throws FileFormatException if the file is not HDF5 (no signature) or its superblock is unreadable
     */
    public static Hdf5File open(Path path) throws IOException {
        long size = Files.size(path);
        try {
            HdfFile file = size <= MAX_MAPPED ? HdfFile.fromByteBuffer(map(path, size)) : new HdfFile(path);
            return new Hdf5File(file, path.toString(), size);
        } catch (RuntimeException e) {
            throw new FileFormatException(path + ": not a readable HDF5 file: " + describe(e), e);
        }
    }

    private static ByteBuffer map(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    /** How error messages name this file. */
    public String source() {
        return source;
    }

    @Override
    public void close() {
        file.close();
    }

    /** Whether an object (group or dataset) exists at the path. */
    public boolean exists(String path) throws FileFormatException {
        return find(normalize(path), 0, false) != null;
    }

    /** Whether the path names a group. */
    public boolean isGroup(String path) throws FileFormatException {
        return find(normalize(path), 0, false) instanceof Group;
    }

    /** Whether the path names a dataset. */
    public boolean isDataset(String path) throws FileFormatException {
        return find(normalize(path), 0, false) instanceof Dataset;
    }

    /** The names of a group's members, sorted. */
    public List<String> children(String groupPath) throws FileFormatException {
        String p = normalize(groupPath);
        Group g = group(p);
        return new ArrayList<>(call(p, () -> new TreeSet<>(g.getChildren().keySet())));
    }

    /**
     * The paths of every object below a group, depth first in name order, down to {@code maxDepth} levels.
     * An object reached a second time (through a hard link or a soft link) is listed but not descended into
     * again, so a cyclic file ends.
     */
    public List<String> walk(String groupPath, int maxDepth) throws FileFormatException {
        List<String> out = new ArrayList<>();
        String p = normalize(groupPath);
        Set<Long> visited = new HashSet<>();
        Group root = group(p);
        visited.add(call(p, root::getAddress));
        walk(p, maxDepth, visited, out);
        return out;
    }

    private void walk(String groupPath, int depthLeft, Set<Long> visited, List<String> out) throws FileFormatException {
        if (depthLeft <= 0) return;
        for (String name : children(groupPath)) {
            String child = join(groupPath, name);
            out.add(child);
            Node node = find(child, 0, false);
            if (node instanceof Group g && visited.add(call(child, g::getAddress))) {
                walk(child, depthLeft - 1, visited, out);
            }
        }
    }

    /** What a dataset's elements are, judged by its HDF5 datatype class. */
    public Content content(String datasetPath) throws FileFormatException {
        String p = normalize(datasetPath);
        Dataset d = dataset(p);
        return Hdf5Values.content(call(p, d::getDataType));
    }

    /** A numeric or boolean dataset, in its stored shape (a scalar dataset has shape {@code []}). */
    public NdArray read(String datasetPath) throws FileFormatException {
        String p = normalize(datasetPath);
        Dataset d = dataset(p);
        DataType type = call(p, d::getDataType);
        Content content = Hdf5Values.content(type);
        if (content != Content.NUMBERS) {
            throw FileFormatException.of(source, field(p), "holds " + Hdf5Values.describe(type) + ", expected numbers");
        }
        int[] dims = checkedDims(p, d, type);
        Object flat = call(p, d::getDataFlat);
        return Hdf5Values.toNdArray(flat, type, dims, source, field(p));
    }

    /** A numeric dataset whose every element must be finite (such as times in seconds). */
    public NdArray readFinite(String datasetPath) throws FileFormatException {
        NdArray a = read(datasetPath);
        double[] v = a.dataView();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw FileFormatException.of(source, field(normalize(datasetPath)) + ", element " + i, "is " + v[i]
                        + ", expected a finite number");
            }
        }
        return a;
    }

    /** A text dataset (fixed or variable-length strings), flattened in row-major order. */
    public String[] readText(String datasetPath) throws FileFormatException {
        String p = normalize(datasetPath);
        Dataset d = dataset(p);
        DataType type = call(p, d::getDataType);
        if (Hdf5Values.content(type) != Content.TEXT) {
            throw FileFormatException.of(source, field(p), "holds " + Hdf5Values.describe(type) + ", expected text");
        }
        int[] dims = checkedDims(p, d, type);
        Object flat = call(p, d::getDataFlat);
        if (!(flat instanceof String[] strings) || strings.length != Hdf5Values.count(dims)) {
            throw FileFormatException.of(source, field(p), "text data could not be decoded");
        }
        return strings.clone();
    }

    /** A text attribute of an object (a scalar or a one-element array), or empty when it has none. */
    public Optional<String> textAttribute(String path, String name) throws FileFormatException {
        Object v = attributeValue(normalize(path), name);
        if (v == null) return Optional.empty();
        if (v instanceof String s) return Optional.of(s);
        throw FileFormatException.of(source, field(normalize(path)) + ", attribute '" + name + "'",
                "is " + v.getClass().getSimpleName() + ", expected text");
    }

    /** A numeric attribute of an object (a scalar or a one-element array), or empty when it has none. */
    public OptionalDouble numberAttribute(String path, String name) throws FileFormatException {
        Object v = attributeValue(normalize(path), name);
        if (v == null) return OptionalDouble.empty();
        if (v instanceof Number n) return OptionalDouble.of(n.doubleValue());
        throw FileFormatException.of(source, field(normalize(path)) + ", attribute '" + name + "'",
                "is " + v.getClass().getSimpleName() + ", expected a number");
    }

    /** A text-array attribute (such as a DynamicTable's {@code colnames}), or empty when it has none. */
    public Optional<List<String>> textListAttribute(String path, String name) throws FileFormatException {
        String p = normalize(path);
        Object data = rawAttribute(p, name);
        if (data == null) return Optional.empty();
        if (data instanceof String s) return Optional.of(List.of(s));
        if (data instanceof String[] a) return Optional.of(List.of(a));
        throw FileFormatException.of(source, field(p) + ", attribute '" + name + "'",
                "is " + data.getClass().getSimpleName() + ", expected text");
    }

    private Object attributeValue(String p, String name) throws FileFormatException {
        Object data = rawAttribute(p, name);
        if (data == null || !data.getClass().isArray()) return data;
        if (Array.getLength(data) != 1) {
            throw FileFormatException.of(source, field(p) + ", attribute '" + name + "'",
                    "holds " + Array.getLength(data) + " values, expected one");
        }
        return Array.get(data, 0);
    }

    private Object rawAttribute(String p, String name) throws FileFormatException {
        Node node = node(p);
        Attribute a = call(p, () -> node.getAttribute(name));
        if (a == null) return null;
        if (call(p, a::isEmpty)) return null;
        long size = call(p, a::getSize);
        if (size > fileSize) {
            throw FileFormatException.of(source, field(p) + ", attribute '" + name + "'",
                    "declares " + size + " elements, more than the file's " + fileSize + " bytes could hold");
        }
        return call(p, a::getData);
    }

    private int[] checkedDims(String p, Dataset d, DataType type) throws FileFormatException {
        if (call(p, d::isEmpty)) throw FileFormatException.of(source, field(p), "has a null dataspace (no data)");
        long[] dims = call(p, d::getDimensionsAsLong);
        long elements = 1;
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > MAX_ELEMENTS || (dims[i] > 0 && elements > MAX_ELEMENTS / dims[i])) {
                throw FileFormatException.of(source, field(p), "shape " + Arrays.toString(dims)
                        + " is too large to read");
            }
            elements *= dims[i];
            out[i] = (int) dims[i];
        }
        long itemBytes = Math.max(1, call(p, type::getSize));
        boolean filtered = !call(p, d::getFilters).isEmpty();
        long limit = filtered ? fileSize * MAX_EXPANSION : fileSize;
        if (elements > limit / itemBytes) {
            throw FileFormatException.of(source, field(p), "shape " + Arrays.toString(dims) + " of "
                    + itemBytes + "-byte elements needs more bytes than the " + fileSize + "-byte file can hold"
                    + (filtered ? " even compressed" : ""));
        }
        return out;
    }

    private Group group(String p) throws FileFormatException {
        Node n = node(p);
        if (n instanceof Group g) return g;
        throw FileFormatException.of(source, field(p), "is a dataset, expected a group");
    }

    private Dataset dataset(String p) throws FileFormatException {
        Node n = node(p);
        if (n instanceof Dataset d) return d;
        throw FileFormatException.of(source, field(p), "is a group, expected a dataset");
    }

    private Node node(String p) throws FileFormatException {
        Node n = find(p, 0, true);
        if (n == null) throw FileFormatException.of(source, field(p), "no such group or dataset");
        return n;
    }

    /**
     * The object at a normalized path, following soft links, or null when there is none. A link that cannot
     * be followed (external, broken, or a chain longer than {@value #MAX_LINK_HOPS}) is an error when the
     * object is to be read ({@code toRead}) and counts as absent when only asked about.
     */
    private Node find(String p, int hops, boolean toRead) throws FileFormatException {
        Node current = file;
        if (p.equals("/")) return current;
        String walked = "";
        for (String part : p.substring(1).split("/")) {
            if (!(current instanceof Group g)) return null;
            walked = walked + "/" + part;
            String here = walked;
            Node child = call(here, () -> g.getChild(part));
            if (child instanceof Link link) child = followLink(here, link, hops, toRead);
            if (child == null) return null;
            current = child;
        }
        return current;
    }

    private Node followLink(String p, Link link, int hops, boolean toRead) throws FileFormatException {
        String problem;
        if (!(link instanceof SoftLink)) {
            problem = "is an external link, which is not followed";
        } else if (hops >= MAX_LINK_HOPS) {
            problem = "soft links chained more than " + MAX_LINK_HOPS + " deep (a cycle?)";
        } else {
            String target = call(p, link::getTargetPath);
            Node n = find(normalize(target), hops + 1, toRead);
            if (n != null) return n;
            problem = "soft link to missing '" + target + "'";
        }
        if (toRead) throw FileFormatException.of(source, field(p), problem);
        return null;
    }

    /** Runs a call into jHDF, turning any failure into a {@link FileFormatException} for the path. */
    private <T> T call(String p, Supplier<T> action) throws FileFormatException {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw new FileFormatException(source + ": " + field(p) + ": " + describe(e), e);
        }
    }

    /** How messages name an object: {@code HDF5 path '/a/b'}. */
    static String field(String p) {
        return "HDF5 path '" + p + "'";
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** {@code a/b/}, {@code /a//b} and {@code a/b} all become {@code /a/b}; empty becomes {@code /}. */
    static String normalize(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) sb.append('/').append(part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** A member path of a group. */
    static String join(String groupPath, String name) {
        return groupPath.equals("/") ? "/" + name : groupPath + "/" + name;
    }
}
