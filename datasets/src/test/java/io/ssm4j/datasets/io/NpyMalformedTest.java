package io.ssm4j.datasets.io;

import static io.ssm4j.datasets.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.data.NdArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed NPY files fail with a FileFormatException naming the file, the field and the problem. */
class NpyMalformedTest {
    @TempDir
    Path dir;

    private static FileFormatException fails(Path p, String... fragments) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "mentions '" + f + "': " + e.getMessage());
        return e;
    }

    private static FileFormatException failsOnBytes(byte[] b, String... fragments) {
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(b), "stream.npy"));
        assertTrue(e.getMessage().startsWith("stream.npy"), "names the source: " + e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "mentions '" + f + "': " + e.getMessage());
        return e;
    }

    private static byte[] valid() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, NdArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        return out.toByteArray();
    }

    @Test
    void truncatedData() {
        fails(npy("truncated.npy"), "data", "truncated", "(3, 4)", "96 bytes", "found 86");
    }

    @Test
    void truncatedDataInAStream() throws IOException {
        byte[] b = valid();
        failsOnBytes(java.util.Arrays.copyOf(b, b.length - 3), "truncated", "48 bytes", "45");
    }

    @Test
    void truncatedHeader() throws IOException {
        failsOnBytes(java.util.Arrays.copyOf(valid(), 30), "header dictionary", "truncated");
        failsOnBytes(new byte[0], "magic", "truncated");
    }

    @Test
    void badMagic() {
        fails(npy("bad_magic.npy"), "magic string", "not an NPY file", "NUMPX");
    }

    @Test
    void objectDtype() {
        fails(npy("object.npy"), "'descr'", "'|O'", "object");
    }

    @Test
    void complexAndStringDtypes() {
        fails(npy("complex.npy"), "'descr'", "'<c16'", "complex");
        fails(npy("unicode.npy"), "'descr'", "'<U2'", "string");
    }

    @Test
    void headerShapeInconsistentWithDataLength() {
        fails(npy("shape_mismatch.npy"), "data", "longer than the header", "(2, 3)", "48 bytes", "96");
    }

    @Test
    void headerShapeInconsistentWithDataLengthInAStream() throws IOException {
        byte[] b = valid();
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 8);
        failsOnBytes(longer, "longer than the header", "48 bytes", "56");
    }

    @Test
    void headerWithoutShape() {
        fails(npy("bad_header.npy"), "header dictionary", "missing 'shape'", "unexpected 'shapf'");
    }

    @Test
    void unsupportedVersion() throws IOException {
        byte[] b = valid();
        b[6] = 4;
        failsOnBytes(b, "version", "4.0");
    }

    @Test
    void unparseableHeader() throws IOException {
        byte[] b = valid();
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        byte[] broken = header.replace("(2, 3)", "(2; 3)").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(broken, 0, b, 10, broken.length);
        failsOnBytes(b, "header dictionary", "expected ','");
    }

    @Test
    void negativeDimensionAndBadFortranFlag() throws IOException {
        byte[] b = valid();
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        byte[] neg = header.replace("(2, 3)", "(2,-3)").getBytes(StandardCharsets.ISO_8859_1);
        byte[] c = b.clone();
        System.arraycopy(neg, 0, c, 10, neg.length);
        failsOnBytes(c, "'shape'", "dimension 1 is -3");
        byte[] flag = header.replace("False", "0    ").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(flag, 0, b, 10, flag.length);
        failsOnBytes(b, "'fortran_order'", "True or False");
    }

    @Test
    void hugeShapeIsRefusedBeforeAllocating() throws IOException {
        Path p = dir.resolve("huge.npy");
        byte[] b = valid();
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        byte[] big = header.replace("(2, 3)", "(9999, 9999)").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(big, 0, b, 10, big.length);
        Files.write(p, b);
        fails(p, "truncated", "(9999, 9999)", "799840008 bytes", "48");
    }

    @Test
    void hugeShapeInAStreamFailsAsTruncatedWithoutAllocatingIt() throws IOException {
        byte[] b = valid();
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        byte[] big = header.replace("(2, 3)", "(2147483639,)").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(big, 0, b, 10, big.length);
        // 16 GiB of doubles: allocating them up front would be an OutOfMemoryError in the tests' heap
        failsOnBytes(b, "truncated", "(2147483639,)", "17179869112 bytes");
    }
}
