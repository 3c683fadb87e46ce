package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes NumPy {@code .npy} files: one n-dimensional array with its shape and element type.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, C or Fortran order (Fortran data is reordered to
 * row-major), 0-d scalars and any number of dimensions, and the element types listed in
 * {@link NpyDType}: {@code f8 f4 i8 i4 i2 i1 u8 u4 u2 u1 b1}, little- or big-endian. Data are decoded in
 * bulk through a {@link ByteBuffer} view, so a 100000 x 30 float64 file reads at disk speed. The bytes
 * after the header must be exactly the product of the shape times the item size; anything else is a
 * {@link FileFormatException} naming the file, the field and the problem.
 *
 * <p>Writing produces a version 1.0 file (2.0 only if the header would not fit), C order, with the array's
 * own {@link NdArray.DType}: FLOAT64 {@code '<f8'}, FLOAT32 {@code '<f4'}, INT64 {@code '<i8'}, INT32
 * {@code '<i4'}, BOOL {@code '|b1'}; the header is padded with spaces so the data start at a multiple of
 * 64 bytes, as numpy does. Format: numpy's {@code numpy/lib/format.py} (NEP 1).
 */
public final class Npy {
    /** Bytes decoded per chunk: large enough for bulk transfer, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 1 << 20;

    private Npy() {
    }

    /** Reads the array in an {@code .npy} file. */
    public static NdArray read(Path path) throws IOException {
        long fileSize = Files.size(path);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), fileSize, true);
        }
    }

    /**
     * Reads one array from a stream positioned at the start of an NPY header, consuming the stream to its
     * end: bytes after the data are an error. The stream is not closed.
     *
     * @param sourceNameForErrors how error messages name the stream, such as a file or archive entry name
     */
    public static NdArray read(InputStream in, String sourceNameForErrors) throws IOException {
        return read(in, sourceNameForErrors, -1, false);
    }

    /**
     * Reads one array, checking the data length against {@code totalBytes} (the whole file, header
     * included) before allocating anything, when it is known ({@code >= 0}).
     *
     * @param sizeIsReal whether {@code totalBytes} is the size of the bytes actually there (a file's size),
     *     so that the array can be allocated at once; otherwise (a stream, or a size a zip directory claims)
     *     the array grows as the data arrive, and a header that declares gigabytes over a short stream fails
     *     as truncated instead of running out of memory
     */
    static NdArray read(InputStream raw, String source, long totalBytes, boolean sizeIsReal) throws IOException {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 8192);
        CountingInput counting = new CountingInput(in);
        NpyHeader header = NpyHeader.read(counting, source);
        long expected = header.dataBytes();
        if (totalBytes >= 0) {
            long available = totalBytes - counting.count();
            if (available != expected) throw sizeMismatch(source, header, expected, available);
        }
        double[] data = readData(counting, header, source, sizeIsReal);
        if (counting.read() != -1) {
            long extra = 1 + counting.skipToEnd();
            throw sizeMismatch(source, header, expected, expected + extra);
        }
        if (header.fortranOrder() && header.shape().length > 1) {
            data = FortranOrder.toRowMajor(data, header.shape());
        }
        return NdArray.of(header.type().dtype(), data, header.shape());
    }

    private static double[] readData(InputStream in, NpyHeader header, String source, boolean allocateAtOnce)
            throws IOException {
        int itemSize = header.type().size();
        int perChunk = Math.max(1, CHUNK_BYTES / itemSize);
        int total = header.elementCount();
        double[] out = new double[allocateAtOnce ? total : Math.min(total, perChunk)];
        byte[] buffer = new byte[(int) Math.min((long) perChunk * itemSize, header.dataBytes())];
        int done = 0;
        while (done < total) {
            int n = Math.min(perChunk, total - done);
            int bytes = n * itemSize;
            int got = in.readNBytes(buffer, 0, bytes);
            if (got < bytes) {
                long found = (long) done * itemSize + got;
                throw sizeMismatch(source, header, header.dataBytes(), found);
            }
            if (done + n > out.length) out = Arrays.copyOf(out, (int) Math.min(total, Math.max(2L * out.length, done + n)));
            header.type().decode(ByteBuffer.wrap(buffer, 0, bytes), out, done, done, source);
            done += n;
        }
        return out;
    }

    private static FileFormatException sizeMismatch(String source, NpyHeader h, long expected, long found) {
        String problem = found < expected ? "file truncated: " : "data longer than the header says: ";
        return FileFormatException.of(source, "data", problem + "header shape " + NpyHeader.shapeRepr(h.shape())
                + " of dtype '" + h.type().descr() + "' needs " + expected + " bytes, found " + found);
    }

    /** Writes an array to an {@code .npy} file, atomically: on failure nothing is left at {@code path}. */
    public static void write(Path path, NdArray array) throws IOException {
        AtomicFile.write(path, out -> write(out, array));
    }

    /**
     * Writes an array in NPY format to a stream, which is not closed.
     *
     * @throws IllegalArgumentException if a value does not fit the array's integer or bool dtype
     */
    public static void write(OutputStream out, NdArray array) throws IOException {
        out.write(NpyHeader.encode(array.dtype(), array.shape()));
        NpyDType type = NpyDType.forWriting(array.dtype());
        double[] data = array.dataView();
        int perChunk = Math.max(1, CHUNK_BYTES / type.size());
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(perChunk, Math.max(1, data.length)) * type.size());
        for (int done = 0; done < data.length; done += perChunk) {
            int n = Math.min(perChunk, data.length - done);
            buffer.clear();
            type.encode(data, done, n, buffer);
            out.write(buffer.array(), 0, buffer.position());
        }
    }
}
