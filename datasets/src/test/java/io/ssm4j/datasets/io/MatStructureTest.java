package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.ssm4j.datasets.io.MatBytes.MI_DOUBLE;
import static io.ssm4j.datasets.io.MatBytes.MI_INT32;
import static io.ssm4j.datasets.io.MatBytes.MI_INT8;
import static io.ssm4j.datasets.io.MatBytes.MI_MATRIX;
import static io.ssm4j.datasets.io.MatBytes.MI_UINT32;
import static io.ssm4j.datasets.io.MatBytes.MX_CELL;
import static io.ssm4j.datasets.io.MatBytes.MX_CHAR;
import static io.ssm4j.datasets.io.MatBytes.MX_DOUBLE;
import static io.ssm4j.datasets.io.MatBytes.MX_STRUCT;
import static io.ssm4j.datasets.io.MatBytes.compressed;
import static io.ssm4j.datasets.io.MatBytes.concat;
import static io.ssm4j.datasets.io.MatBytes.doubleBytes;
import static io.ssm4j.datasets.io.MatBytes.doubles;
import static io.ssm4j.datasets.io.MatBytes.element;
import static io.ssm4j.datasets.io.MatBytes.file;
import static io.ssm4j.datasets.io.MatBytes.header;
import static io.ssm4j.datasets.io.MatBytes.ints;
import static io.ssm4j.datasets.io.MatBytes.matrix;
import static io.ssm4j.datasets.io.MatBytes.small;
import static io.ssm4j.datasets.io.MatBytes.sparse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hand-built MAT-files (see {@link MatBytes}): valid ones pass the structure check and read back as written; each
 * refusal breaks one declared size of a valid file, and the message must name the file, the element (offset and
 * variable) and the problem as {@link MatStructure} words it, so these tests fail when the check is skipped (MFL then
 * allocates by the size, or refuses with a message of its own).
 */
class MatStructureTest {
    @TempDir Path dir;

    /** 1 x 1 double element 'x': its real part's tag sits at byte 176 (header 128, tag 8, flags 16, dims 16, name 8). */
    private static final int REAL_PART_AT = 176;
    private static final byte[] FIELD_TIME = "time\0\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("hand.mat");
        Files.write(p, bytes);
        return p;
    }

    /** The message of the FileFormatException listing the file's variables throws; it must name the file. */
    private String refusal(byte[] bytes, String... parts) throws IOException {
        Path p = write(bytes);
        String message = assertThrows(FileFormatException.class, () -> MatFiles.variables(p)).getMessage();
        assertTrue(message.startsWith(p + ": "), message);
        for (String part : parts) assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        return message;
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    @Test
    void handBuiltFilesOfEveryClassPassAndReadAsWritten() throws IOException {
        double[] zeros = new double[200 * 500]; // compresses about 800 to 1, still read
        Path p = write(file(
                doubles("x", new int[] {2, 3}, 1, 2, 3, 4, 5, 6),
                compressed(doubles("z", new int[] {1, 2}, 7, 8)),
                compressed(doubles("zero", new int[] {200, 500}, zeros)),
                matrix(MX_CELL, new int[] {1, 2}, "c", doubles("", new int[] {1, 1}, 9), doubles("", new int[] {2, 1}, 10, 11)),
                matrix(MX_STRUCT, new int[] {1, 1}, "s", small(MI_INT32, ints(8)), element(MI_INT8, FIELD_TIME),
                        doubles("", new int[] {3, 1}, 0.5, 1.5, 2.5)),
                sparse("sp", 3, 2, new int[] {0, 2}, new int[] {0, 1, 2}, 4, 5),
                matrix(MX_CHAR, new int[] {1, 3}, "t", element(4, new byte[] {'a', 0, 'b', 0, 'c', 0}))));
        MatStructure.check(p);
        assertEquals("[x (double 2x3), z (double 1x2), zero (double 200x500), c (cell 1x2), s (struct 1x1), sp (sparse 3x2), "
                + "t (char 1x3)]", MatFiles.variables(p).toString());
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, MatFiles.readMatrix(p, "x").dataView(), "column-major 1..6");
        assertArrayEquals(new double[] {7, 8}, MatFiles.readMatrix(p, "z").dataView());
        assertArrayEquals(zeros, MatFiles.readMatrix(p, "zero").dataView());
        List<NdArray> cells = MatFiles.readMatrices(p, "c");
        assertArrayEquals(new double[] {10, 11}, cells.get(1).dataView());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, MatFiles.readSpikeTrains(p, "s", "time").timesView(0));
        assertArrayEquals(new double[] {4, 0, 0, 0, 0, 5}, MatFiles.readMatrix(p, "sp").dataView(), "(0,0) = 4, (2,1) = 5");
    }

    @Test
    void theFuzzFindingIsRefusedBeforeMflAllocatesItsArrayFlags() throws IOException, URISyntaxException {
        Path crash = Path.of(getClass().getResource("MatFuzzTestInputs/read/crash-10e319babc60ffef74ceafa9b397581c0a3ae6ee").toURI());
        refusal(Files.readAllBytes(crash), "element at byte 128, array flags at byte 136",
                "its tag declares 1095573512 bytes, more than the 184 left in its parent");
    }

    @Test
    void aSubElementLargerThanItsParentIsRefused() throws IOException {
        byte[] x = matrix(MX_DOUBLE, new int[] {1, 1}, "x", element(MI_DOUBLE, 1_000_000_000L, doubleBytes(1)));
        refusal(file(x), "element at byte 128 (variable 'x'), real part at byte " + REAL_PART_AT,
                "declares 1000000000 bytes, more than the 8 left in its parent");
        byte[] cellOfHuge = matrix(MX_CELL, new int[] {1, 1}, "c", element(MI_MATRIX, 2_000_000_000L, new byte[0]));
        refusal(file(cellOfHuge), "cell element at byte 176", "declares 2000000000 bytes, more than the 0 left");
    }

    @Test
    void dimensionsDeclaringMoreElementsThanTheBytesHoldAreRefused() throws IOException {
        refusal(file(doubles("x", new int[] {1000, 1000}, 1, 2)), "real part at byte " + REAL_PART_AT,
                "2 stored values, fewer than the 1000000 elements its dimensions declare");
        refusal(file(matrix(MX_CELL, new int[] {100_000, 1}, "c")), "(variable 'c'), cell elements at byte 176",
                "100000 declared but the 0 bytes left hold at most 0");
        refusal(file(matrix(MX_STRUCT, new int[] {1, 1_000_000}, "s", small(MI_INT32, ints(8)), element(MI_INT8, FIELD_TIME),
                doubles("", new int[] {1, 1}, 1))), "field values at byte 200", "1000000 declared but the 64 bytes left hold at most 8");
        refusal(file(matrix(MX_CHAR, new int[] {1, 1_000_000_000}, "t", element(4, new byte[0]))), "characters at byte 176",
                "0 bytes, fewer than the 1000000000 characters");
        refusal(file(doubles("x", new int[] {65536, 65536}, 1)), "dimensions at byte 152",
                "they declare 4294967296 elements, more than 2^31 - 1");
        refusal(file(sparse("sp", 3, 2, new int[] {0, 2}, new int[] {0, 1}, 4, 5)), "column indices (jc) at",
                "2 of them, not one per column plus one (3)");
    }

    @Test
    void aHugeOrTruncatedInflatedSizeIsRefused() throws IOException {
        byte[] bomb = compressed(concat(ints(MI_MATRIX, 0x7ff0_0000), header(MX_DOUBLE, 0, new int[] {1, 1}, "x")));
        refusal(file(bomb), "element at byte 128, inflated element at byte 0 of its inflated data",
                "its tag declares 2146435072 bytes, more than deflate can expand the " + (bomb.length - 8) + " compressed bytes to");

        double[] noise = new double[2000];
        for (int i = 0; i < noise.length; i++) noise[i] = Math.sin(i * 0.37) * 1e3;
        byte[] whole = compressed(doubles("y", new int[] {2000, 1}, noise));
        int cut = whole.length / 2;
        byte[] truncated = concat(ints(MatBytes.MI_COMPRESSED, cut - 8), Arrays.copyOfRange(whole, 8, cut));
        refusal(file(truncated), "(variable 'y'), compressed data at byte", "fewer than the miMATRIX inside declares");
    }

    @Test
    void truncatedSmallElementsAndBadPaddingAreRefused() throws IOException {
        byte[] emptyCell = concat(header(MX_CELL, 0, new int[] {0, 0}, "c"));
        assertEquals(40, emptyCell.length);
        refusal(file(element(MI_MATRIX, Arrays.copyOf(emptyCell, 36))), "name at byte 168",
                "a small element takes 8 bytes but its parent has 4 left (truncated)");
        byte[] sixBytesInFour = concat(element(MI_UINT32, ints(MX_CELL, 0)), element(MI_INT32, ints(0, 0)),
                ints(6 << 16 | MI_INT8), "abcd".getBytes(StandardCharsets.US_ASCII));
        refusal(file(element(MI_MATRIX, sixBytesInFour)), "name at byte 168",
                "a small element that declares 6 bytes; it holds 1 to 4");

        byte[] longName = header(MX_CELL, 0, new int[] {0, 0}, "abcde"); // 5 name bytes padded to 8
        assertEquals(48, longName.length);
        refusal(file(element(MI_MATRIX, Arrays.copyOf(longName, 45))), "name at byte 168",
                "its 5 bytes padded to a multiple of 8 run past the end of its parent");
    }

    @Test
    void aWrongByteOrderIndicatorIsRefused() throws IOException {
        byte[] valid = file(doubles("x", new int[] {1, 1}, 1));
        refusal(withByte(valid, 127, 'I'), "header bytes 126-127", "byte-order indicator is 0x49 0x49, not 'IM'");
        byte[] bigEndianClaim = withByte(withByte(valid, 126, 'M'), 127, 'I'); // little-endian data read big-endian
        refusal(bigEndianClaim, "element at byte 128: its tag is in the small-element format");
    }

    @Test
    void contentsThatEndBeforeTheirTagAndDeepNestingAreRefused() throws IOException {
        refusal(file(element(MI_MATRIX, concat(header(MX_CELL, 0, new int[] {0, 0}, "c"), new byte[8]))),
                "(variable 'c'), array at byte 136", "its sub-elements take 40 bytes but its tag declares 48");
        refusal(concat(file(doubles("x", new int[] {1, 1}, 1)), new byte[4]), "element at byte 192",
                "4 bytes follow the last element, too few for an 8-byte tag");

        MatStructure.check(write(file(nestedCells(MatStructure.MAX_DEPTH))));
        refusal(file(nestedCells(MatStructure.MAX_DEPTH + 1)), "(variable 'deep'), array at",
                "arrays nested more than " + MatStructure.MAX_DEPTH + " deep");
    }

    /** {@code cells} cells, each holding the next, the last a 1 x 1 double. */
    private static byte[] nestedCells(int cells) {
        byte[] inner = doubles("", new int[] {1, 1}, 1);
        for (int i = 0; i < cells; i++) inner = matrix(MX_CELL, new int[] {1, 1}, i == cells - 1 ? "deep" : "", inner);
        return inner;
    }

    @Test
    void sparseRowIndicesOutsideTheMatrixAreRefused() throws IOException {
        for (int row : new int[] {3, -1}) {
            Path p = write(file(sparse("sp", 3, 2, new int[] {0, row}, new int[] {0, 1, 2}, 4, 5)));
            String message = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(p, "sp")).getMessage();
            assertTrue(message.contains("variable 'sp': row indices (ir): row " + row + " of 3 rows"), message);
        }
    }

    @Test
    void aSparseMatrixTooLargeToCopyDenseIsRefused() throws IOException {
        int rows = 1 << 30;
        assumeTrue(Runtime.getRuntime().maxMemory() / 32 < rows, "the heap would hold a dense 2^30 x 1 copy");
        Path p = write(file(sparse("sp", rows, 1, new int[] {5}, new int[] {0, 1}, 1)));
        MatStructure.check(p);
        String message = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(p, "sp")).getMessage();
        assertTrue(message.contains("variable 'sp'") && message.contains("dense copy of 1073741824 elements")
                && message.contains("-Xmx"), message);
    }
}
