package io.ssm4j.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.NdArray.DType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV tables: header detection, missing cells, ragged rows, exact round trips, the shared peer data. */
class CsvTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, text);
        return p;
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), "element " + i);
        }
    }

    @Test
    void readsATableWithoutHeader() throws IOException {
        NdArray a = Csv.read(file("1,2.5,-3e-2\n4,5,6\n"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(DType.FLOAT64, a.dtype());
        assertArrayEquals(new double[] {1, 2.5, -0.03, 4, 5, 6}, a.dataView());
    }

    @Test
    void skipsAHeaderRowAndReadsMissingCells() throws IOException {
        NdArray a = Csv.read(file("\"x\", y ,z\r\n1,,nan\r\nNaN,inf,-inf\r\n\n\n"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertBits(new double[] {1, Double.NaN, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}, a.dataView());
    }

    @Test
    void aFirstRowOfNaNsIsDataNotAHeader() throws IOException {
        NdArray a = Csv.read(file("nan,\n1,2\n"));
        assertArrayEquals(new int[] {2, 2}, a.shape());
    }

    @Test
    void raggedRowIsAnErrorNamingTheLine() throws IOException {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Csv.read(file("a,b\n1,2\n3,4\n5\n")));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("1 cells, expected 2"), e.getMessage());
    }

    @Test
    void textInsideTheTableIsAnErrorNamingLineAndColumn() throws IOException {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Csv.read(file("1,2\n3,abc\n")));
        assertTrue(e.getMessage().contains("line 2, column 2") && e.getMessage().contains("'abc'"), e.getMessage());
        e = assertThrows(FileFormatException.class, () -> Csv.read(file("1,2\n3,4d\n")));
        assertTrue(e.getMessage().contains("'4d'"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNamingTheLine() throws IOException {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, new byte[] {'1', ',', '2', '\n', '3', ',', (byte) 0xE9, '\n'});
        FileFormatException e = assertThrows(FileFormatException.class, () -> Csv.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("line 2: is not valid UTF-8"), e.getMessage());
    }

    @Test
    void aFileWithoutDataIsAnError() throws IOException {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Csv.read(file("a,b\n")));
        assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    }

    @Test
    void writtenDoublesReadBackExactly() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        double[] v = new double[500 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 4) {
                case 0 -> rng.nextGaussian();
                case 1 -> Double.longBitsToDouble(rng.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (rng.nextBoolean() ? 1 : -1);
                case 2 -> rng.nextDouble() * 1e-310;
                default -> Math.scalb(rng.nextDouble(), rng.nextInt(-60, 60));
            };
        }
        v[3] = Double.NaN;
        v[7] = Double.NEGATIVE_INFINITY;
        v[11] = -0.0;
        v[15] = 2e23;
        Path p = dir.resolve("r.csv");
        Csv.write(p, NdArray.of(v, 500, 4));
        NdArray back = Csv.read(p);
        assertArrayEquals(new int[] {500, 4}, back.shape());
        assertBits(v, back.dataView());
    }

    @Test
    void writesVectorsAsAColumnAndIntegersWithoutFraction() throws IOException {
        Path p = dir.resolve("v.csv");
        Csv.write(p, NdArray.of(DType.INT64, new double[] {3, -4, 0x1p53}, 3));
        assertEquals(List.of("3", "-4", "9007199254740992"), Files.readAllLines(p));
        assertArrayEquals(new int[] {3, 1}, Csv.read(p).shape());
        assertThrows(IllegalArgumentException.class, () -> Csv.write(dir.resolve("x.csv"), NdArray.of(new double[8], 2, 2, 2)));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void peerCsvParsesToExactlyThePeerNpy() throws IOException {
        Path data = Fixtures.shared().resolve("peers/data/slds_k3_d2_t2000");
        assumeTrue(Files.isRegularFile(data.resolve("y.csv")) && Files.isRegularFile(data.resolve("y.npy")),
                "shared peer data not found at " + data + " (set -Dssm4j.shared); skipping");
        NdArray fromNpy = Npy.read(data.resolve("y.npy"));
        NdArray fromCsv = Csv.read(data.resolve("y.csv"));
        assertArrayEquals(new int[] {2000, 10}, fromNpy.shape());
        assertArrayEquals(fromNpy.shape(), fromCsv.shape());
        assertBits(fromNpy.dataView(), fromCsv.dataView());
    }
}
