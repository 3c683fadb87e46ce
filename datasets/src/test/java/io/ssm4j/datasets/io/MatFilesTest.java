package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.spikes.SpikeTrains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MAT-files written element by element through MFL's writer (so the expected values come from the MATLAB index of
 * each element, not from the reader's reordering) read back as row-major arrays; malformed files fail with
 * messages that name the file, the variable and the problem.
 */
class MatFilesTest {
    @TempDir Path dir;

    private Path write(String name, Object... namesAndArrays) throws IOException {
        Mat5File mat = Mat5.newMatFile();
        for (int i = 0; i < namesAndArrays.length; i += 2) mat.addArray((String) namesAndArrays[i], (Array) namesAndArrays[i + 1]);
        Path p = dir.resolve(name);
        Mat5.writeToFile(mat, p.toFile());
        return p;
    }

    /** A rows x cols matrix of the given class with element (r, c) = 10 r + c. */
    private static Matrix matrix(int rows, int cols, MatlabType type) {
        Matrix m = Mat5.newMatrix(rows, cols, type);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m.setDouble(r, c, 10 * r + c);
        return m;
    }

    private static Matrix column(double... values) {
        Matrix m = Mat5.newMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) m.setDouble(i, values[i]);
        return m;
    }

    @Test
    void numericMatricesOfEveryClassReadRowMajor() throws IOException {
        Matrix cube = Mat5.newMatrix(new int[] {2, 3, 4});
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) {
            cube.setDouble(new int[] {i, j, k}, 100 * i + 10 * j + k);
        }
        Matrix flags = Mat5.newLogical(2, 2);
        flags.setBoolean(1, 0, true);
        Matrix big = Mat5.newMatrix(1, 1, MatlabType.UInt64);
        big.setLong(0, -1L); // 2^64 - 1 as an unsigned value
        Path p = write("m.mat", "d", matrix(3, 4, MatlabType.Double), "s", matrix(2, 2, MatlabType.Single),
                "i8", matrix(2, 3, MatlabType.Int8), "i32", matrix(2, 3, MatlabType.Int32), "u16", matrix(3, 1, MatlabType.UInt16),
                "cube", cube, "flags", flags, "big", big, "name", Mat5.newString("rat"));

        NdArray d = MatFiles.readMatrix(p, "d");
        assertArrayEquals(new int[] {3, 4}, d.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}, d.dataView());
        assertEquals(NdArray.DType.FLOAT64, d.dtype());
        assertEquals(NdArray.DType.FLOAT32, MatFiles.readMatrix(p, "s").dtype());
        NdArray i8 = MatFiles.readMatrix(p, "i8");
        assertEquals(NdArray.DType.INT64, i8.dtype());
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, i8.dataView());
        assertEquals(NdArray.DType.INT32, MatFiles.readMatrix(p, "i32").dtype());
        assertArrayEquals(new double[] {0, 10, 20}, MatFiles.readMatrix(p, "u16").dataView());
        NdArray c = MatFiles.readMatrix(p, "cube");
        assertArrayEquals(new int[] {2, 3, 4}, c.shape());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) {
            assertEquals(100 * i + 10 * j + k, c.dataView()[(i * 3 + j) * 4 + k]);
        }
        NdArray f = MatFiles.readMatrix(p, "flags");
        assertEquals(NdArray.DType.BOOL, f.dtype());
        assertArrayEquals(new double[] {0, 0, 1, 0}, f.dataView());
        assertEquals(Math.pow(2, 64), MatFiles.readMatrix(p, "big").dataView()[0]);

        List<MatFiles.Variable> vars = MatFiles.variables(p);
        assertEquals(List.of("d", "s", "i8", "i32", "u16", "cube", "flags", "big", "name"),
                vars.stream().map(MatFiles.Variable::name).toList());
        assertEquals("cube (double 2x3x4)", vars.get(5).toString());
        assertEquals("logical", vars.get(6).matlabClass());
        assertEquals("char", vars.get(8).matlabClass());
    }

    @Test
    void aCellOfMatricesIsOneArrayPerCell() throws IOException {
        Cell trials = Mat5.newCell(1, 2);
        trials.set(0, matrix(3, 2, MatlabType.Double));
        trials.set(1, matrix(5, 2, MatlabType.Double));
        Path p = write("trials.mat", "trials", trials, "one", matrix(2, 2, MatlabType.Double));
        List<NdArray> m = MatFiles.readMatrices(p, "trials");
        assertEquals(2, m.size());
        assertArrayEquals(new int[] {5, 2}, m.get(1).shape());
        assertEquals(41, m.get(1).dataView()[9]);
        assertEquals(1, MatFiles.readMatrices(p, "one").size());
        assertEquals("one", MatFiles.onlyNumericVariable(p), "the cell is not a numeric variable");
    }

    @Test
    void spikeTimesAreCollectedFromNestedCellsAndStructsSkippingEmptyOnes() throws IOException {
        Cell tetrodes = Mat5.newCell(1, 3);
        Cell first = Mat5.newCell(1, 3);
        first.set(0, unit(column(0.5, 0.1, 0.3)));
        first.set(1, Mat5.EMPTY_MATRIX); // unsorted cluster
        first.set(2, unit(Mat5.newMatrix(0, 1))); // a cluster that never fired
        tetrodes.set(0, first);
        tetrodes.set(1, Mat5.EMPTY_MATRIX);
        Cell third = Mat5.newCell(1, 1);
        third.set(0, unit(column(2.0, 1.0)));
        tetrodes.set(2, third);
        Path p = write("spikes.mat", "spikes", tetrodes);

        SpikeTrains s = MatFiles.readSpikeTrains(p, "spikes", "time");
        assertEquals(List.of("spikes{1}{1}", "spikes{3}{1}"), s.labels());
        assertArrayEquals(new double[] {0.1, 0.3, 0.5}, s.timesView(0), "sorted");
        assertArrayEquals(new double[] {1.0, 2.0}, s.timesView(1));

        FileFormatException none = assertThrows(FileFormatException.class, () -> MatFiles.readSpikeTrains(p, "spikes", "times"));
        assertTrue(none.getMessage().contains("'times'"), none.getMessage());
        Cell bad = Mat5.newCell(1, 1);
        bad.set(0, unit(matrix(2, 2, MatlabType.Double)));
        Path q = write("bad.mat", "spikes", bad);
        FileFormatException notVector = assertThrows(FileFormatException.class, () -> MatFiles.readSpikeTrains(q, "spikes", "time"));
        assertTrue(notVector.getMessage().contains("spikes{1}.time") && notVector.getMessage().contains("not a vector"),
                notVector.getMessage());
    }

    private static Struct unit(Array times) {
        Struct s = Mat5.newStruct();
        s.set("time", times);
        s.set("meanrate", Mat5.newScalar(1));
        return s;
    }

    @Test
    void wrongVariablesAreNamed() throws IOException {
        Cell cell = Mat5.newCell(1, 1);
        cell.set(0, Mat5.newString("x"));
        Matrix complex = Mat5.newComplex(1, 1);
        Path p = write("v.mat", "y", matrix(2, 2, MatlabType.Double), "label", Mat5.newString("HVC"), "c", cell,
                "z", complex, "y2", matrix(1, 1, MatlabType.Double));

        String missing = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(p, "Y")).getMessage();
        assertTrue(missing.contains(p.toString()) && missing.contains("variable 'Y'") && missing.contains("not in the file")
                && missing.contains("y"), missing);
        String text = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(p, "label")).getMessage();
        assertTrue(text.contains("variable 'label'") && text.contains("char is not a numeric"), text);
        String ofCell = assertThrows(FileFormatException.class, () -> MatFiles.readMatrices(p, "c")).getMessage();
        assertTrue(ofCell.contains("cell {1}") && ofCell.contains("char"), ofCell);
        String cx = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(p, "z")).getMessage();
        assertTrue(cx.contains("complex"), cx);
        String two = assertThrows(FileFormatException.class, () -> MatFiles.onlyNumericVariable(p)).getMessage();
        assertTrue(two.contains("holds 3 numeric variables"), two);
    }

    @Test
    void truncatedAndForeignFilesFailWithTheFileNamed() throws IOException {
        Matrix m = Mat5.newMatrix(200, 50);
        for (int i = 0; i < 200 * 50; i++) m.setDouble(i, Math.sin(i));
        Path whole = write("whole.mat", "y", m);
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {bytes.length - 10, bytes.length / 2, 140, 60, 0}) {
            Path cut = dir.resolve("cut" + keep + ".mat");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            FileFormatException e = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(cut, "y"),
                    "kept " + keep + " bytes");
            assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        }

        Path text = dir.resolve("notes.mat");
        Files.writeString(text, "x".repeat(300));
        String notMat = assertThrows(FileFormatException.class, () -> MatFiles.variables(text)).getMessage();
        assertTrue(notMat.contains("not a readable MATLAB v5-v7 MAT-file"), notMat);

        byte[] v73 = new byte[1024];
        byte[] header = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Arrays.fill(v73, 0, 116, (byte) ' ');
        System.arraycopy(header, 0, v73, 0, header.length);
        v73[124] = 0;
        v73[125] = 2;
        v73[126] = 'I';
        v73[127] = 'M';
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, v73, 512, 8);
        Path hdf = dir.resolve("v73.mat");
        Files.write(hdf, v73);
        String msg = assertThrows(FileFormatException.class, () -> MatFiles.readMatrix(hdf, "y")).getMessage();
        assertTrue(msg.contains("v7.3") && msg.contains("HDF5-based") && msg.contains("HDF5/NWB reader"), msg);
        Path h5 = dir.resolve("data.mat");
        Files.write(h5, Arrays.copyOfRange(v73, 512, 1024));
        assertTrue(assertThrows(FileFormatException.class, () -> MatFiles.variables(h5)).getMessage().contains("HDF5"));
    }
}
