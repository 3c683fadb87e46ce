package io.ssm4j.datasets.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipException;

/**
 * Walks the data elements of a MAT-file of versions 5 to 7 and refuses, before MFL parses it, any whose declared sizes
 * cannot fit in the bytes that are there: MFL allocates by a sub-element's declared size and by a cell's or struct's
 * dimensions without bounding them by the enclosing element, so a few corrupt bytes could exhaust the heap.
 *
 * <p>The layout followed is MathWorks' "MAT-File Format" (R2019b), chapter 1:
 * <ul>
 *   <li>a 128-byte header whose bytes 126-127 hold {@code 'I','M'} (a little-endian file) or {@code 'M','I'}
 *       (big-endian);</li>
 *   <li>then top-level data elements, each an 8-byte tag (data type, byte count) and its data, of type miMATRIX (14)
 *       or miCOMPRESSED (15, a zlib stream holding one miMATRIX element);</li>
 *   <li>inside a miMATRIX, sub-elements with an 8-byte tag and data padded to a multiple of 8 bytes, or in the small
 *       format (upper 16 bits of the first word non-zero: the byte count there, the type in the lower 16 bits) 1 to 4
 *       bytes of data in the tag's second word;</li>
 *   <li>a miMATRIX's sub-elements: array flags (miUINT32, 8 bytes: the class in the low byte, 0x800 = complex),
 *       dimensions (miINT32, at least two), name (miINT8), then by class: numeric and logical arrays the real and, if
 *       complex, imaginary parts; char the characters; sparse (two dimensions) row indices ir, column indices jc (one
 *       per column plus one), real and imaginary parts; cells one nested miMATRIX per element; structs the field name
 *       length, the names, then one nested miMATRIX per field of each element; objects a class name, then as structs.
 *       Function handles (class 16) hold one nested miMATRIX; opaque objects (class 17, undocumented) have no
 *       dimensions but a name, an object type, a class name and one nested miMATRIX.</li>
 * </ul>
 *
 * <p>Refused, each with a {@link FileFormatException} naming the file, the top-level element (its byte offset and,
 * once read, its variable), the sub-element and its offset, and the problem: a byte-order indicator other than
 * {@code IM}/{@code MI}; a tag or data running past its parent (or the file), including its padding; a small-format
 * element declaring more than 4 bytes or cut short; unknown data types, sizes that are not a whole number of values;
 * array contents that end before or after their tag says; dimensions that declare more elements than the bytes can
 * hold (numeric and logical: one stored value per element, char: at least one byte per character, cells: an 8-byte
 * tag per element, structs: one per field of each element, at most 2^31 - 1 elements except for sparse arrays);
 * arrays nested more than {@value #MAX_DEPTH} deep; a miCOMPRESSED element whose miMATRIX declares more bytes than
 * deflate can expand its data to (1032 to 1, plus 1 MiB) or more than a quarter of the maximum heap.
 *
 * <p>The file is read through a memory map of each top-level element (a variable of MAT versions 5 to 7 is under
 * 2 GB), compressed elements through an inflater one window at a time, so checking needs little memory. A compressed
 * element is inflated here and again by MFL, so the check costs about as much as MFL's own inflating: measured
 * (best of 40, JDK 17), 16 ms against MFL's 22 ms for {@code songbird-hvc/MackeviciusData.mat} (1.5 MB compressed,
 * 5.4 MB inflated) and 1.4 ms against 3 ms for {@code hippocampus-linear-track/spikes.mat}.
 */
final class MatStructure {
    /** Deepest nesting of cells, structs, objects and handles accepted: far beyond real data, well within the stack. */
    static final int MAX_DEPTH = 100;
    private static final int HEADER_BYTES = 128;
    private static final int TAG_BYTES = 8;
    /** Deflate expands one byte to at most 1032 (a 258-byte match coded in 2 bits). */
    private static final long DEFLATE_MAX_RATIO = 1032;
    private static final long INFLATE_SLACK = 1 << 20;
    private static final int ANY_TYPE = -1;
    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    /** Bytes per value of each data type (index = type number); 0 for numbers that are no data type. */
    private static final int[] VALUE_BYTES = {0, 1, 1, 2, 2, 4, 4, 4, 0, 8, 0, 0, 8, 8, 1, 1, 1, 1, 1};
    private static final String[] TYPE_NAMES = {"", "miINT8", "miUINT8", "miINT16", "miUINT16", "miINT32", "miUINT32",
        "miSINGLE", "", "miDOUBLE", "", "", "miINT64", "miUINT64", "miMATRIX", "miCOMPRESSED", "miUTF8", "miUTF16", "miUTF32"};
    private static final int MX_CELL = 1;
    private static final int MX_STRUCT = 2;
    private static final int MX_OBJECT = 3;
    private static final int MX_CHAR = 4;
    private static final int MX_SPARSE = 5;
    private static final int MX_FUNCTION = 16;
    private static final int MX_OPAQUE = 17;
    private static final int COMPLEX_FLAG = 0x800;

    private final Path file;
    /** The top-level element being walked: its tag's offset in the file, whether compressed, its variable name. */
    private long elementOffset;
    private boolean compressed;
    private String variable;

    private MatStructure(Path file) {
        this.file = file;
    }

    /** A sub-element's tag: where it starts, its data type and byte count, and where the next sub-element starts. */
    private record Tag(long at, int type, long bytes, boolean small, long next) {
    }

    /** What the dimensions sub-element declares: the number of columns (the second dimension) and of elements. */
    private record Shape(long columns, long elements) {
    }

    /**
     * Walks every data element of the file.
     *
     * @throws FileFormatException if a declared size does not fit, naming the file, element and problem
     */
    static void check(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            new MatStructure(file).checkElements(channel);
        }
    }

    private void checkElements(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer header = read(channel, 0, HEADER_BYTES);
        if (header.limit() < HEADER_BYTES) throw FileFormatException.of(file.toString(), "header", "shorter than 128 bytes");
        ByteOrder order = byteOrder(header.get(126), header.get(127));
        for (long at = HEADER_BYTES; at < size; ) at = checkTopLevel(channel, at, size, order);
    }

    private ByteOrder byteOrder(byte first, byte second) throws FileFormatException {
        if (first == 'I' && second == 'M') return ByteOrder.LITTLE_ENDIAN;
        if (first == 'M' && second == 'I') return ByteOrder.BIG_ENDIAN;
        throw FileFormatException.of(file.toString(), "header bytes 126-127", String.format("not a readable MATLAB v5-v7 "
                + "MAT-file: the byte-order indicator is 0x%02x 0x%02x, not 'IM' (little-endian) or 'MI' (big-endian)",
                first, second));
    }

    /** Checks the element whose tag starts at {@code at}; returns where the next one starts. */
    private long checkTopLevel(FileChannel channel, long at, long size, ByteOrder order) throws IOException {
        elementOffset = at;
        compressed = false;
        variable = null;
        long left = size - at - TAG_BYTES;
        if (left < 0) throw topLevel(size - at + " bytes follow the last element, too few for an 8-byte tag (truncated?)");
        ByteBuffer tag = read(channel, at, TAG_BYTES).order(order);
        int type = tag.getInt();
        long bytes = Integer.toUnsignedLong(tag.getInt());
        if (type >>> 16 != 0) throw topLevel("its tag is in the small-element format, which only 1- to 4-byte sub-elements use");
        if (type != MI_MATRIX && type != MI_COMPRESSED) {
            throw topLevel("data type " + type + ": a top-level element is miMATRIX (14) or miCOMPRESSED (15)");
        }
        if (bytes == 0) throw topLevel("its tag declares no data");
        if (bytes > left) throw topLevel("its tag declares " + bytes + " bytes but the file has " + left + " more (truncated?)");
        if (bytes > Integer.MAX_VALUE) {
            throw topLevel("its tag declares " + bytes + " bytes; a variable of MAT-file versions 5 to 7 is under 2 GB "
                    + "(larger ones need version 7.3)");
        }
        ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, at + TAG_BYTES, bytes);
        compressed = type == MI_COMPRESSED;
        try (MatElementInput in = compressed ? MatElementInput.inflating(data, order) : MatElementInput.stored(data, order)) {
            if (compressed) checkInflated(in, bytes);
            else checkMatrix(in, bytes, 0);
        }
        return at + TAG_BYTES + bytes;
    }

    /** Checks the one miMATRIX element inflated from {@code compressedBytes} bytes. */
    private void checkInflated(MatElementInput in, long compressedBytes) throws IOException {
        try {
            Tag tag = tag(in, Long.MAX_VALUE, "inflated element", MI_MATRIX);
            if (tag.small()) throw fail(0, "inflated element", "a miMATRIX tag in the small-element format");
            long byRatio = DEFLATE_MAX_RATIO * compressedBytes + INFLATE_SLACK;
            long byHeap = Runtime.getRuntime().maxMemory() / 4;
            if (tag.bytes() > Math.min(byRatio, byHeap)) {
                throw fail(0, "inflated element", "its tag declares " + tag.bytes() + " bytes, more than " + (byRatio <= byHeap
                        ? "deflate can expand the " + compressedBytes + " compressed bytes to (1032 to 1, plus 1 MiB)"
                        : "a quarter of the maximum heap (" + (byHeap >> 20) + " MiB; a larger -Xmx reads it)"));
            }
            if (tag.bytes() > 0) checkMatrix(in, tag.next(), 0);
        } catch (EOFException e) {
            throw fail(in.position(), "compressed data", "they inflate to " + in.position()
                    + " bytes, fewer than the miMATRIX inside declares (truncated or corrupt)");
        } catch (ZipException e) {
            throw fail(in.position(), "compressed data", e.getMessage());
        }
    }

    /** Checks the contents of a miMATRIX element, from here to {@code end}. */
    private void checkMatrix(MatElementInput in, long end, int depth) throws IOException {
        long start = in.position();
        if (depth > MAX_DEPTH) throw fail(start, "array", "arrays nested more than " + MAX_DEPTH + " deep");
        Tag flags = tag(in, end, "array flags", MI_UINT32);
        if (flags.bytes() != 8) throw fail(flags.at(), "array flags", flags.bytes() + " bytes, not 8");
        int word = in.readInt();
        skipRest(in, flags);
        int matlabClass = word & 0xff;
        if (matlabClass < MX_CELL || matlabClass > MX_OPAQUE) {
            throw fail(flags.at(), "array flags", "array class " + matlabClass + " is none of MATLAB's (1 to 17)");
        }
        boolean complex = (word & COMPLEX_FLAG) != 0;
        if (matlabClass == MX_OPAQUE) {
            name(in, end, depth);
            for (String part : new String[] {"object type", "class name"}) skipRest(in, tag(in, end, part, MI_INT8));
            nested(in, end, depth, "opaque object's content");
        } else {
            Shape shape = shape(in, end, matlabClass == MX_SPARSE);
            name(in, end, depth);
            checkContents(in, end, depth, matlabClass, complex, shape);
        }
        if (in.position() != end) {
            throw fail(start, "array", "its sub-elements take " + (in.position() - start) + " bytes but its tag declares "
                    + (end - start));
        }
    }

    private void checkContents(MatElementInput in, long end, int depth, int matlabClass, boolean complex, Shape shape)
            throws IOException {
        switch (matlabClass) {
            case MX_CELL -> children(in, end, depth, shape.elements(), "cell element");
            case MX_STRUCT -> struct(in, end, depth, shape.elements());
            case MX_OBJECT -> {
                skipRest(in, tag(in, end, "class name", MI_INT8));
                struct(in, end, depth, shape.elements());
            }
            case MX_CHAR -> {
                Tag chars = tag(in, end, "characters", ANY_TYPE);
                if (chars.bytes() < shape.elements()) {
                    throw fail(chars.at(), "characters", chars.bytes() + " bytes, fewer than the " + shape.elements()
                            + " characters its dimensions declare (at least one byte each)");
                }
                skipRest(in, chars);
            }
            case MX_SPARSE -> sparse(in, end, shape, complex);
            case MX_FUNCTION -> nested(in, end, depth, "function handle's workspace");
            default -> { // the numeric classes, 6 to 15
                values(in, end, "real part", shape.elements());
                if (complex) values(in, end, "imaginary part", shape.elements());
            }
        }
    }

    private Shape shape(MatElementInput in, long end, boolean sparse) throws IOException {
        Tag tag = tag(in, end, "dimensions", MI_INT32);
        long count = tag.bytes() / Integer.BYTES;
        if (count < 2) throw fail(tag.at(), "dimensions", count + " of them; an array has at least 2");
        long columns = 0;
        long elements = 1;
        for (long i = 0; i < count; i++) {
            int d = in.readInt();
            if (d < 0) throw fail(tag.at(), "dimensions", "dimension " + (i + 1) + " is " + d);
            if (i == 1) columns = d;
            elements = d == 0 || elements <= Long.MAX_VALUE / d ? elements * d : Long.MAX_VALUE;
        }
        skipRest(in, tag);
        if (sparse && count != 2) throw fail(tag.at(), "dimensions", count + " of them; a sparse array has 2");
        if (!sparse && elements > Integer.MAX_VALUE) {
            throw fail(tag.at(), "dimensions", "they declare " + elements + " elements, more than 2^31 - 1");
        }
        return new Shape(columns, elements);
    }

    /** Skips the array's name, keeping a top-level one for messages. */
    private void name(MatElementInput in, long end, int depth) throws IOException {
        Tag tag = tag(in, end, "name", MI_INT8);
        String name = in.readText(tag.bytes(), 64);
        if (depth == 0) variable = name;
        skipRest(in, tag);
    }

    private void struct(MatElementInput in, long end, int depth, long elements) throws IOException {
        Tag lengthTag = tag(in, end, "field name length", MI_INT32);
        if (lengthTag.bytes() != Integer.BYTES) {
            throw fail(lengthTag.at(), "field name length", lengthTag.bytes() + " bytes, not one 4-byte length");
        }
        int length = in.readInt();
        skipRest(in, lengthTag);
        Tag names = tag(in, end, "field names", MI_INT8);
        if (names.bytes() > 0 && (length <= 0 || names.bytes() % length != 0)) {
            throw fail(names.at(), "field names", names.bytes() + " bytes are not a whole number of names of the "
                    + "declared length " + length);
        }
        skipRest(in, names);
        long fields = length > 0 ? names.bytes() / length : 0;
        children(in, end, depth, elements * fields, "field value");
    }

    private void sparse(MatElementInput in, long end, Shape shape, boolean complex) throws IOException {
        skipRest(in, tag(in, end, "row indices (ir)", MI_INT32));
        Tag jc = tag(in, end, "column indices (jc)", MI_INT32);
        if (jc.bytes() / Integer.BYTES != shape.columns() + 1) {
            throw fail(jc.at(), "column indices (jc)", jc.bytes() / Integer.BYTES + " of them, not one per column plus one ("
                    + (shape.columns() + 1) + ")");
        }
        skipRest(in, jc);
        skipRest(in, tag(in, end, "real part", ANY_TYPE));
        if (complex) skipRest(in, tag(in, end, "imaginary part", ANY_TYPE));
    }

    /** A numeric part: at least one stored value per element. */
    private void values(MatElementInput in, long end, String part, long elements) throws IOException {
        Tag tag = tag(in, end, part, ANY_TYPE);
        long stored = tag.bytes() / VALUE_BYTES[tag.type()];
        if (stored < elements) {
            throw fail(tag.at(), part, stored + " stored values, fewer than the " + elements + " elements its dimensions declare");
        }
        skipRest(in, tag);
    }

    /** {@code count} nested miMATRIX elements, each at least an 8-byte tag. */
    private void children(MatElementInput in, long end, int depth, long count, String role) throws IOException {
        long room = (end - in.position()) / TAG_BYTES;
        if (count > room) {
            throw fail(in.position(), role + "s", count + " declared but the " + (end - in.position())
                    + " bytes left hold at most " + room + " (each needs an 8-byte tag)");
        }
        for (long i = 0; i < count; i++) nested(in, end, depth, role);
    }

    private void nested(MatElementInput in, long end, int depth, String role) throws IOException {
        Tag tag = tag(in, end, role, MI_MATRIX);
        if (tag.small()) throw fail(tag.at(), role, "a miMATRIX tag in the small-element format");
        if (tag.bytes() > 0) checkMatrix(in, tag.next(), depth + 1);
    }

    /** Reads a sub-element's tag and checks that it, its data and its padding end by {@code end}. */
    private Tag tag(MatElementInput in, long end, String role, int expectedType) throws IOException {
        long at = in.position();
        long left = end - at;
        if (left < Integer.BYTES) throw fail(at, role, "only " + left + " bytes are left in its parent, too few for a tag");
        int word = in.readInt();
        boolean small = word >>> 16 != 0;
        int type = small ? word & 0xffff : word;
        long bytes;
        long padded;
        if (small) {
            bytes = word >>> 16;
            if (bytes > 4) throw fail(at, role, "a small element that declares " + bytes + " bytes; it holds 1 to 4");
            if (left < TAG_BYTES) {
                throw fail(at, role, "a small element takes 8 bytes but its parent has " + left + " left (truncated)");
            }
            padded = Integer.BYTES;
        } else {
            if (left < TAG_BYTES) throw fail(at, role, "only " + left + " bytes are left in its parent, too few for a tag");
            bytes = Integer.toUnsignedLong(in.readInt());
            if (bytes > left - TAG_BYTES) {
                throw fail(at, role, "its tag declares " + bytes + " bytes, more than the " + (left - TAG_BYTES)
                        + " left in its parent");
            }
            padded = type == MI_MATRIX ? bytes : (bytes + 7) & ~7L;
            if (padded > left - TAG_BYTES) {
                throw fail(at, role, "its " + bytes + " bytes padded to a multiple of 8 run past the end of its parent");
            }
        }
        if (type <= 0 || type >= VALUE_BYTES.length || VALUE_BYTES[type] == 0) throw fail(at, role, "unknown data type " + type);
        if (expectedType != ANY_TYPE && type != expectedType) {
            throw fail(at, role, "data type " + TYPE_NAMES[type] + ", not " + TYPE_NAMES[expectedType]);
        }
        if (bytes % VALUE_BYTES[type] != 0) {
            throw fail(at, role, bytes + " bytes of " + TYPE_NAMES[type] + ", not a whole number of values");
        }
        return new Tag(at, type, bytes, small, in.position() + padded);
    }

    private static void skipRest(MatElementInput in, Tag tag) throws IOException {
        in.skip(tag.next() - in.position());
    }

    private FileFormatException fail(long at, String role, String problem) {
        String element = "element at byte " + elementOffset + (variable == null ? "" : " (variable '" + variable + "')");
        String where = compressed ? "byte " + at + " of its inflated data" : "byte " + (elementOffset + TAG_BYTES + at);
        return FileFormatException.of(file.toString(), element + ", " + role + " at " + where, problem);
    }

    private FileFormatException topLevel(String problem) {
        return FileFormatException.of(file.toString(), "element at byte " + elementOffset, problem);
    }

    private static ByteBuffer read(FileChannel channel, long at, int n) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(n);
        while (bytes.hasRemaining() && channel.read(bytes, at + bytes.position()) >= 0) {
            // positional reads until full or at the end of the file
        }
        return bytes.flip();
    }
}
