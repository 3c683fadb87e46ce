package io.ssm4j.datasets.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Little-endian MAT-file (version 5) bytes put together element by element, following MathWorks' "MAT-File Format":
 * a 128-byte header, then data elements of an 8-byte tag (type, byte count) and data padded to 8 bytes (none for
 * miMATRIX), or small elements of a 4-byte tag and 1 to 4 data bytes. Tests build valid files with it and then break
 * exactly one size.
 */
final class MatBytes {
    static final int MI_INT8 = 1;
    static final int MI_INT32 = 5;
    static final int MI_UINT32 = 6;
    static final int MI_DOUBLE = 9;
    static final int MI_MATRIX = 14;
    static final int MI_COMPRESSED = 15;
    static final int MX_CELL = 1;
    static final int MX_STRUCT = 2;
    static final int MX_CHAR = 4;
    static final int MX_SPARSE = 5;
    static final int MX_DOUBLE = 6;

    private MatBytes() {
    }

    /** A file: the header (text, no subsystem, version 0x0100, 'IM'), then the elements. */
    static byte[] file(byte[]... elements) {
        byte[] header = new byte[128];
        byte[] text = "MATLAB 5.0 MAT-file, hand-built by MatBytes".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, 0, 116, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        header[125] = 1;
        header[126] = 'I';
        header[127] = 'M';
        return concat(header, concat(elements));
    }

    /** An element with an 8-byte tag declaring the data's length, padded to 8 bytes unless it is a miMATRIX. */
    static byte[] element(int type, byte[] data) {
        return element(type, data.length, data);
    }

    /** An element whose tag declares {@code declared} bytes, whatever the data hold. */
    static byte[] element(int type, long declared, byte[] data) {
        int padding = type == MI_MATRIX || type == MI_COMPRESSED ? 0 : (8 - data.length % 8) % 8;
        return concat(ints(type, (int) declared), data, new byte[padding]);
    }

    /** A small element: the byte count in the tag's upper 16 bits, the type in the lower, the data in 4 bytes. */
    static byte[] small(int type, byte[] data) {
        return concat(ints(data.length << 16 | type), data, new byte[4 - data.length]);
    }

    /** A miMATRIX: array flags, dimensions, a name (small when it fits) and the class-specific parts. */
    static byte[] matrix(int matlabClass, int[] dims, String name, byte[]... parts) {
        return element(MI_MATRIX, concat(header(matlabClass, 0, dims, name), concat(parts)));
    }

    /** The array flags (class, nzmax), dimensions and name sub-elements of a miMATRIX. */
    static byte[] header(int matlabClass, int nzmax, int[] dims, String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        byte[] nameElement = ascii.length > 0 && ascii.length <= 4 ? small(MI_INT8, ascii) : element(MI_INT8, ascii);
        return concat(element(MI_UINT32, ints(matlabClass, nzmax)), element(MI_INT32, ints(dims)), nameElement);
    }

    /** A rows x columns sparse double matrix in compressed-column form: row indices, column starts, values. */
    static byte[] sparse(String name, int rows, int columns, int[] ir, int[] jc, double... pr) {
        return element(MI_MATRIX, concat(header(MX_SPARSE, ir.length, new int[] {rows, columns}, name),
                element(MI_INT32, ints(ir)), element(MI_INT32, ints(jc)), element(MI_DOUBLE, doubleBytes(pr))));
    }

    /** A double matrix of the given dimensions holding {@code columnMajor} as miDOUBLE. */
    static byte[] doubles(String name, int[] dims, double... columnMajor) {
        return matrix(MX_DOUBLE, dims, name, element(MI_DOUBLE, doubleBytes(columnMajor)));
    }

    /** A miCOMPRESSED element: the zlib stream of {@code element}. */
    static byte[] compressed(byte[] element) {
        return MatBytes.element(MI_COMPRESSED, deflate(element));
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
        deflater.end();
        return out.toByteArray();
    }

    static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        return b.array();
    }

    static byte[] doubleBytes(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) b.putDouble(v);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
