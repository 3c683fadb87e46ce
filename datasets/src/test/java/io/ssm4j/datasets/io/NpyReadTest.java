package io.ssm4j.datasets.io;

import static io.ssm4j.datasets.io.Fixtures.base;
import static io.ssm4j.datasets.io.Fixtures.flags;
import static io.ssm4j.datasets.io.Fixtures.ints;
import static io.ssm4j.datasets.io.Fixtures.npy;
import static io.ssm4j.datasets.io.Fixtures.steps;
import static io.ssm4j.datasets.io.Fixtures.toFloat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.NdArray.DType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the numpy-written fixtures: every dtype, byte order, layout, rank and header version. */
class NpyReadTest {

    private static void assertArray(NdArray a, DType dtype, double[] expected, int... shape) {
        assertArrayEquals(shape, a.shape(), "shape");
        assertEquals(dtype, a.dtype(), "dtype");
        assertArrayEquals(expected, a.dataView(), "data");
    }

    @Test
    void readsFloat64() throws IOException {
        assertArray(Npy.read(npy("f8.npy")), DType.FLOAT64, base(12), 3, 4);
    }

    @Test
    void readsFloat32() throws IOException {
        assertArray(Npy.read(npy("f4.npy")), DType.FLOAT32, toFloat(base(12)), 3, 4);
    }

    @ParameterizedTest
    @CsvSource({"i8.npy, INT64", "i4.npy, INT32", "i2.npy, INT32", "i1.npy, INT32"})
    void readsSignedIntegers(String file, DType dtype) throws IOException {
        assertArray(Npy.read(npy(file)), dtype, ints(12), 3, 4);
    }

    @ParameterizedTest
    @CsvSource({"u1.npy, 20, INT32", "u2.npy, 5000, INT32", "u4.npy, 390000000, INT64",
        "u8.npy, 1e15, INT64"})
    void readsUnsignedIntegersBeyondTheSignedRange(String file, double step, DType dtype) throws IOException {
        assertArray(Npy.read(npy(file)), dtype, steps(12, step), 3, 4);
    }

    @Test
    void readsBool() throws IOException {
        assertArray(Npy.read(npy("b1.npy")), DType.BOOL, flags(12), 3, 4);
    }

    @Test
    void readsBigEndian() throws IOException {
        assertArray(Npy.read(npy("be_f8.npy")), DType.FLOAT64, base(12), 3, 4);
        assertArray(Npy.read(npy("be_f4.npy")), DType.FLOAT32, toFloat(base(12)), 3, 4);
        assertArray(Npy.read(npy("be_i8.npy")), DType.INT64, ints(12), 3, 4);
        assertArray(Npy.read(npy("be_i4.npy")), DType.INT32, ints(12), 3, 4);
        assertArray(Npy.read(npy("be_u2.npy")), DType.INT32, steps(12, 5000), 3, 4);
    }

    @Test
    void readsSpecialValuesBitExactly() throws IOException {
        double[] expected = {0.1, 1.0 / 3.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE};
        double[] got = Npy.read(npy("f8_special.npy")).dataView();
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(got[i]), "element " + i);
        }
    }

    @Test
    void convertsFortranOrderToRowMajor() throws IOException {
        assertArray(Npy.read(npy("fortran_2d.npy")), DType.FLOAT64, base(12), 3, 4);
        assertArray(Npy.read(npy("fortran_3d.npy")), DType.FLOAT64, base(24), 2, 3, 4);
        assertArray(Npy.read(npy("fortran_i4.npy")), DType.INT32, ints(6), 2, 3);
    }

    @Test
    void readsScalarsVectorsAndHigherRanks() throws IOException {
        assertArray(Npy.read(npy("scalar.npy")), DType.FLOAT64, new double[] {2.5});
        assertArray(Npy.read(npy("scalar_i8.npy")), DType.INT64, new double[] {-7});
        assertArray(Npy.read(npy("vector.npy")), DType.FLOAT64, base(5), 5);
        assertArray(Npy.read(npy("c_3d.npy")), DType.FLOAT64, base(24), 2, 3, 4);
        assertArray(Npy.read(npy("c_4d.npy")), DType.FLOAT64, base(120), 2, 3, 4, 5);
        assertArray(Npy.read(npy("empty.npy")), DType.FLOAT64, new double[0], 0, 3);
    }

    @Test
    void readsVersion2And3Headers() throws IOException {
        assertArray(Npy.read(npy("v2.npy")), DType.FLOAT64, base(12), 3, 4);
        assertArray(Npy.read(npy("v3.npy")), DType.FLOAT64, base(12), 3, 4);
    }

    @Test
    void readsFromAStream() throws IOException {
        try (InputStream in = Files.newInputStream(npy("c_3d.npy"))) {
            assertArray(Npy.read(in, "c_3d"), DType.FLOAT64, base(24), 2, 3, 4);
        }
    }
}
