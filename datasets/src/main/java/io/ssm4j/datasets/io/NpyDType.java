package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One NPY element type: the descriptor string ({@code '<f8'}: byte order, kind, size in bytes), the
 * {@link DType} it is read as, and the bulk conversions between its bytes and doubles.
 *
 * <p>Readable: floats {@code f8, f4}; signed integers {@code i8, i4, i2, i1}; unsigned integers
 * {@code u8, u4, u2, u1}; booleans {@code b1}; in either byte order ({@code <} little, {@code >} big,
 * {@code |} or {@code =} native). 64-bit integers beyond 2^53 in magnitude lose precision as doubles,
 * and an unsigned 64-bit value of 2^63 or more is refused. Written: the five {@link DType}s, little-endian.
 */
final class NpyDType {
    private final String descr;
    private final char kind;
    private final int size;
    private final ByteOrder order;
    private final DType dtype;

    private NpyDType(String descr, char kind, int size, ByteOrder order, DType dtype) {
        this.descr = descr;
        this.kind = kind;
        this.size = size;
        this.order = order;
        this.dtype = dtype;
    }

    /** The element type a descriptor names, or a {@link FileFormatException} saying why it is not supported. */
    static NpyDType parse(String descr, String source) throws FileFormatException {
        if (descr.length() < 2) throw unsupported(descr, source, "not a simple type descriptor");
        char orderChar = descr.charAt(0);
        ByteOrder order;
        String rest;
        switch (orderChar) {
            case '<': order = ByteOrder.LITTLE_ENDIAN; rest = descr.substring(1); break;
            case '>': order = ByteOrder.BIG_ENDIAN; rest = descr.substring(1); break;
            case '|': case '=': order = ByteOrder.nativeOrder(); rest = descr.substring(1); break;
            default: order = ByteOrder.nativeOrder(); rest = descr;
        }
        char kind = rest.charAt(0);
        int size;
        try {
            size = Integer.parseInt(rest.substring(1));
        } catch (NumberFormatException e) {
            throw unsupported(descr, source, explainKind(kind));
        }
        DType dtype = switch (kind + Integer.toString(size)) {
            case "f8" -> DType.FLOAT64;
            case "f4" -> DType.FLOAT32;
            case "i8", "u8", "u4" -> DType.INT64;
            case "i4", "i2", "i1", "u2", "u1" -> DType.INT32;
            case "b1" -> DType.BOOL;
            default -> throw unsupported(descr, source, explainKind(kind));
        };
        return new NpyDType(descr, kind, size, order, dtype);
    }

    /** The little-endian element type numpy uses for a {@link DType}. */
    static NpyDType forWriting(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> new NpyDType("<f8", 'f', 8, ByteOrder.LITTLE_ENDIAN, dtype);
            case FLOAT32 -> new NpyDType("<f4", 'f', 4, ByteOrder.LITTLE_ENDIAN, dtype);
            case INT64 -> new NpyDType("<i8", 'i', 8, ByteOrder.LITTLE_ENDIAN, dtype);
            case INT32 -> new NpyDType("<i4", 'i', 4, ByteOrder.LITTLE_ENDIAN, dtype);
            case BOOL -> new NpyDType("|b1", 'b', 1, ByteOrder.LITTLE_ENDIAN, dtype);
        };
    }

    String descr() { return descr; }

    int size() { return size; }

    DType dtype() { return dtype; }

    /**
     * Converts {@code bytes.remaining() / size} elements to doubles at {@code out[offset...]}.
     *
     * @param firstIndex the flat index of the first element, for error messages
     */
    void decode(ByteBuffer bytes, double[] out, int offset, long firstIndex, String source)
            throws FileFormatException {
        ByteBuffer b = bytes.slice().order(order);
        int n = b.remaining() / size;
        switch (kind + Integer.toString(size)) {
            case "f8" -> b.asDoubleBuffer().get(out, offset, n);
            case "f4" -> {
                float[] tmp = new float[n];
                b.asFloatBuffer().get(tmp);
                for (int i = 0; i < n; i++) out[offset + i] = tmp[i];
            }
            case "i8", "u8" -> {
                long[] tmp = new long[n];
                b.asLongBuffer().get(tmp);
                for (int i = 0; i < n; i++) {
                    if (kind == 'u' && tmp[i] < 0) {
                        throw FileFormatException.of(source, "element " + (firstIndex + i), "uint64 value "
                                + Long.toUnsignedString(tmp[i]) + " is 2^63 or more and cannot be read as int64");
                    }
                    out[offset + i] = tmp[i];
                }
            }
            case "i4", "u4" -> {
                int[] tmp = new int[n];
                b.asIntBuffer().get(tmp);
                if (kind == 'u') for (int i = 0; i < n; i++) out[offset + i] = Integer.toUnsignedLong(tmp[i]);
                else for (int i = 0; i < n; i++) out[offset + i] = tmp[i];
            }
            case "i2", "u2" -> {
                short[] tmp = new short[n];
                b.asShortBuffer().get(tmp);
                if (kind == 'u') for (int i = 0; i < n; i++) out[offset + i] = Short.toUnsignedInt(tmp[i]);
                else for (int i = 0; i < n; i++) out[offset + i] = tmp[i];
            }
            case "i1" -> { for (int i = 0; i < n; i++) out[offset + i] = b.get(i); }
            case "u1" -> { for (int i = 0; i < n; i++) out[offset + i] = Byte.toUnsignedInt(b.get(i)); }
            case "b1" -> { for (int i = 0; i < n; i++) out[offset + i] = b.get(i) != 0 ? 1.0 : 0.0; }
            default -> throw new IllegalStateException("no decoder for " + descr);
        }
    }

    /**
     * Writes {@code n} elements from {@code in[offset...]} into {@code bytes} at its position, refusing
     * values the type cannot hold exactly (a fraction or NaN as an integer, 2 as a bool).
     *
     * @throws IllegalArgumentException naming the element and value that does not fit
     */
    void encode(double[] in, int offset, int n, ByteBuffer bytes) {
        ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT64 -> {
                b.asDoubleBuffer().put(in, offset, n);
                b.position(b.position() + n * 8);
            }
            case FLOAT32 -> { for (int i = 0; i < n; i++) b.putFloat((float) in[offset + i]); }
            case INT64 -> { for (int i = 0; i < n; i++) b.putLong(toLong(in, offset + i, Long.MIN_VALUE, Long.MAX_VALUE)); }
            case INT32 -> {
                for (int i = 0; i < n; i++) b.putInt((int) toLong(in, offset + i, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    double v = in[offset + i];
                    if (v != 0.0 && v != 1.0) {
                        throw new IllegalArgumentException("element " + (offset + i) + " (value " + v
                                + ") cannot be written as bool: only 0 and 1 are allowed");
                    }
                    b.put((byte) (v == 1.0 ? 1 : 0));
                }
            }
        }
    }

    private long toLong(double[] in, int index, long min, long max) {
        double v = in[index];
        // 2^63 itself is not a valid int64; (double) Long.MAX_VALUE rounds up to it, hence the strict test.
        boolean fits = v == Math.rint(v) && v >= min && (max == Long.MAX_VALUE ? v < 0x1p63 : v <= max);
        if (!fits) {
            throw new IllegalArgumentException("element " + index + " (value " + v + ") cannot be written as "
                    + dtype.name().toLowerCase() + ": not an integer in [" + min + ", " + max + "]");
        }
        return (long) v;
    }

    private static FileFormatException unsupported(String descr, String source, String why) {
        return FileFormatException.of(source, "header field 'descr'", "unsupported dtype '" + descr + "': " + why
                + "; supported are f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1");
    }

    private static String explainKind(char kind) {
        return switch (kind) {
            case 'O' -> "object (pickled) arrays cannot be read";
            case 'c' -> "complex numbers are not supported";
            case 'U', 'S', 'a' -> "string arrays are not numeric";
            case 'V' -> "structured or void arrays are not supported";
            case 'M', 'm' -> "datetime and timedelta arrays are not supported";
            case 'f' -> "this float size is not supported";
            case 'i', 'u' -> "this integer size is not supported";
            default -> "unknown kind '" + kind + "'";
        };
    }
}
