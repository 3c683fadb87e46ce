package io.ssm4j.datasets.io;

import static io.ssm4j.datasets.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.NdArray.DType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing NPY: byte-identical to numpy's np.save, and re-read bit-exactly. */
class NpyWriteTest {
    @TempDir
    Path dir;

    private static byte[] bytesOf(NdArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"f8.npy", "f4.npy", "i8.npy", "i4.npy", "b1.npy", "f8_special.npy", "scalar.npy",
        "scalar_i8.npy", "vector.npy", "c_3d.npy", "c_4d.npy", "empty.npy"})
    void writesTheSameBytesAsNumpy(String file) throws IOException {
        Path fixture = npy(file);
        assertArrayEquals(Files.readAllBytes(fixture), bytesOf(Npy.read(fixture)), file);
    }

    @Test
    void headerIsPaddedTo64BytesWithANewline() throws IOException {
        byte[] b = bytesOf(NdArray.of(new double[7 * 9 * 11], 7, 9, 11));
        int headerLength = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals('\n', b[10 + headerLength - 1]);
        assertEquals(10 + headerLength + 7 * 9 * 11 * 8, b.length);
    }

    @Test
    void roundTripsRandomDoublesBitExactly() throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        double[] v = new double[1000 * 3];
        for (int i = 0; i < v.length; i++) v[i] = Double.longBitsToDouble(rng.nextLong());
        for (int i = 0; i < v.length; i++) if (Double.isNaN(v[i])) v[i] = Double.NaN;
        NdArray a = NdArray.of(v, 1000, 3);
        Path p = dir.resolve("r.npy");
        Npy.write(p, a);
        NdArray back = Npy.read(p);
        assertArrayEquals(a.shape(), back.shape());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(back.dataView()[i]), "element " + i);
        }
    }

    @Test
    void roundTripsEveryDtype() throws IOException {
        double[] v = {-3, 0, 1, 2, 1e9, -1e9};
        for (DType t : List.of(DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32)) {
            NdArray a = NdArray.of(t, v, 2, 3);
            NdArray back = Npy.read(new ByteArrayInputStream(bytesOf(a)), t.name());
            assertEquals(t, back.dtype());
            assertArrayEquals(v, back.dataView(), t.name());
        }
        NdArray flags = NdArray.of(DType.BOOL, new double[] {1, 0, 0, 1}, 4);
        NdArray back = Npy.read(new ByteArrayInputStream(bytesOf(flags)), "bool");
        assertEquals(DType.BOOL, back.dtype());
        assertArrayEquals(flags.dataView(), back.dataView());
    }

    @Test
    void roundTripsInt64BeyondInt32() throws IOException {
        double[] v = {0x1p53, -0x1p53, 0x1p62, -0x1p63};
        NdArray back = Npy.read(new ByteArrayInputStream(bytesOf(NdArray.of(DType.INT64, v, 4))), "big");
        assertArrayEquals(v, back.dataView());
    }

    @Test
    void refusesValuesTheDtypeCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bytesOf(NdArray.of(DType.INT32, new double[] {1, 2.5}, 2)));
        assertTrue(e.getMessage().contains("element 1") && e.getMessage().contains("2.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bytesOf(NdArray.of(DType.INT32, new double[] {0x1p31}, 1)));
        assertThrows(IllegalArgumentException.class, () -> bytesOf(NdArray.of(DType.INT64, new double[] {0x1p63}, 1)));
        assertThrows(IllegalArgumentException.class, () -> bytesOf(NdArray.of(DType.INT64, new double[] {Double.NaN}, 1)));
        e = assertThrows(IllegalArgumentException.class, () -> bytesOf(NdArray.of(DType.BOOL, new double[] {2}, 1)));
        assertTrue(e.getMessage().contains("bool"), e.getMessage());
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaries() throws IOException {
        Path p = dir.resolve("keep.npy");
        NdArray good = NdArray.of(new double[] {1, 2, 3}, 3);
        Npy.write(p, good);
        NdArray bad = NdArray.of(DType.INT32, new double[] {1, 0.5}, 2);
        assertThrows(IllegalArgumentException.class, () -> Npy.write(p, bad));
        assertEquals(good, Npy.read(p));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p.getFileName()), files.map(Path::getFileName).toList());
        }
        Path fresh = dir.resolve("fresh.npy");
        assertThrows(IllegalArgumentException.class, () -> Npy.write(fresh, bad));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void writesLargeArraysAcrossChunks() throws IOException {
        int n = 300_000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i * 0.5;
        NdArray a = NdArray.of(DType.FLOAT32, v, n / 3, 3);
        Path p = dir.resolve("big.npy");
        Npy.write(p, a);
        NdArray back = Npy.read(p);
        assertEquals(DType.FLOAT32, back.dtype());
        assertArrayEquals(v, back.dataView());
    }
}
