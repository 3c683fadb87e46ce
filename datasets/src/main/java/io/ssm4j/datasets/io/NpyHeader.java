package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray.DType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of an NPY file: magic {@code \x93NUMPY}, a major and minor version byte, the header length
 * (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and 3.0), then a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and ended by a
 * newline so that the data starts at a multiple of 64 bytes. Versions 1.0 and 2.0 encode the dict in
 * Latin-1, 3.0 in UTF-8. Specification: numpy's {@code numpy/lib/format.py} (NEP 1).
 */
final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Headers longer than this are refused, so that a corrupt length cannot ask for gigabytes. */
    static final int MAX_HEADER_LENGTH = 1 << 20;
    private static final int ALIGNMENT = 64;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private final NpyDType type;
    private final boolean fortranOrder;
    private final int[] shape;
    private final int elementCount;

    NpyHeader(NpyDType type, boolean fortranOrder, int[] shape, int elementCount) {
        this.type = type;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.elementCount = elementCount;
    }

    NpyDType type() { return type; }

    boolean fortranOrder() { return fortranOrder; }

    int[] shape() { return shape; }

    int elementCount() { return elementCount; }

    long dataBytes() { return (long) elementCount * type.size(); }

    /** Reads the header from the start of a stream, leaving the stream at the first data byte. */
    static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] prefix = readFully(in, 8, source, "magic string and version");
        if (!Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            throw FileFormatException.of(source, "magic string", "not an NPY file: expected the bytes \\x93NUMPY, found "
                    + describeBytes(prefix, 6));
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw FileFormatException.of(source, "format version", "unsupported NPY version " + major + "." + minor
                    + "; supported are 1.0, 2.0 and 3.0");
        }
        long headerLength;
        if (major == 1) {
            byte[] len = readFully(in, 2, source, "header length");
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        } else {
            byte[] len = readFully(in, 4, source, "header length");
            headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        }
        if (headerLength > MAX_HEADER_LENGTH) {
            throw FileFormatException.of(source, "header length", headerLength + " bytes is more than the limit of "
                    + MAX_HEADER_LENGTH);
        }
        byte[] dictBytes = readFully(in, (int) headerLength, source, "header dictionary");
        String dict = new String(dictBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(PythonLiteral.parse(dict, source), source);
    }

    private static NpyHeader fromDict(Object parsed, String source) throws FileFormatException {
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw FileFormatException.of(source, "header dictionary", "expected a dict, found " + parsed);
        }
        if (!dict.keySet().equals(KEYS)) {
            List<String> missing = KEYS.stream().filter(k -> !dict.containsKey(k)).sorted().map(k -> "'" + k + "'").toList();
            List<String> extra = dict.keySet().stream().filter(k -> !KEYS.contains(k)).map(k -> "'" + k + "'").toList();
            throw FileFormatException.of(source, "header dictionary", "expected exactly the keys 'descr', "
                    + "'fortran_order', 'shape'" + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : "; unexpected " + String.join(", ", extra)));
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw FileFormatException.of(source, "header field 'descr'", "unsupported dtype " + descr
                    + ": structured (record) dtypes are not supported");
        }
        NpyDType type = NpyDType.parse(d, source);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean f)) {
            throw FileFormatException.of(source, "header field 'fortran_order'", "expected True or False, found " + fortran);
        }
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof List<?> dims)) {
            throw FileFormatException.of(source, "header field 'shape'", "expected a tuple of integers, found "
                    + shapeValue);
        }
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Object dim = dims.get(i);
            if (!(dim instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw FileFormatException.of(source, "header field 'shape'", "dimension " + i + " is " + dim
                        + ", expected an integer in [0, " + Integer.MAX_VALUE + "]");
            }
            shape[i] = (int) (long) n;
            count *= n;
            if (count > Integer.MAX_VALUE - 8) {
                throw FileFormatException.of(source, "header field 'shape'", "shape " + dims
                        + " holds more elements than one Java array can");
            }
        }
        return new NpyHeader(type, f, shape, (int) count);
    }

    /** The complete header bytes for a C-order array: version 1.0, or 2.0 if the dict does not fit in 65535 bytes. */
    static byte[] encode(DType dtype, int[] shape) {
        String dict = "{'descr': '" + NpyDType.forWriting(dtype).descr() + "', 'fortran_order': False, 'shape': "
                + shapeRepr(shape) + ", }";
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int major = 1;
        int prefix = 10;
        int padded = padTo(prefix + text.length + 1) - prefix;
        if (padded > 0xFFFF) {
            major = 2;
            prefix = 12;
            padded = padTo(prefix + text.length + 1) - prefix;
        }
        ByteBuffer b = ByteBuffer.allocate(prefix + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) padded);
        else b.putInt(padded);
        b.put(text);
        while (b.position() < b.capacity() - 1) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    private static int padTo(int n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    static String shapeRepr(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static byte[] readFully(InputStream in, int n, String source, String field) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw FileFormatException.of(source, field, "file truncated: expected " + n + " bytes, found " + b.length);
        }
        return b;
    }

    private static String describeBytes(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
