package io.ssm4j.datasets.io;

import static io.ssm4j.datasets.io.Fixtures.base;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.NdArray.DType;
import io.ssm4j.data.TimeSeries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials, masks and input arrays read from .npy, .npz and .csv files, and the errors for ragged data. */
class SeriesFilesTest {
    @TempDir
    Path dir;

    private Path npy(String name, NdArray a) throws IOException {
        Path p = dir.resolve(name);
        Npy.write(p, a);
        return p;
    }

    private Path npz(String name, Map<String, NdArray> arrays) throws IOException {
        Path p = dir.resolve(name);
        Npz.write(p, arrays);
        return p;
    }

    private static Map<String, NdArray> map(Object... nameArray) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        for (int i = 0; i < nameArray.length; i += 2) m.put((String) nameArray[i], (NdArray) nameArray[i + 1]);
        return m;
    }

    private static void assertMessage(Exception e, String... fragments) {
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "mentions '" + f + "': " + e.getMessage());
    }

    @Test
    void npyVectorIsOneTrialOfDimensionOne() throws IOException {
        List<TimeSeries> t = SeriesFiles.readTrials(npy("v.npy", NdArray.of(base(5), 5)));
        assertEquals(1, t.size());
        assertEquals(5, t.get(0).length());
        assertEquals(1, t.get(0).dim());
        assertArrayEquals(base(5), t.get(0).valuesView());
    }

    @Test
    void npyMatrixIsOneTrialAndNaNIsMissing() throws IOException {
        double[] v = base(12);
        v[5] = Double.NaN;
        List<TimeSeries> t = SeriesFiles.readTrials(npy("m.npy", NdArray.of(v, 4, 3)));
        assertEquals(1, t.size());
        assertEquals(4, t.get(0).length());
        assertEquals(3, t.get(0).dim());
        assertFalse(t.get(0).isObserved(1, 2));
        assertEquals(1, t.get(0).missingCount());
    }

    @Test
    void npyStackIsNTrials() throws IOException {
        List<TimeSeries> t = SeriesFiles.readTrials(Fixtures.npy("c_3d.npy"));
        assertEquals(2, t.size());
        assertEquals(3, t.get(1).length());
        assertEquals(4, t.get(1).dim());
        assertEquals(base(24)[12 + 4 + 1], t.get(1).value(1, 1));
    }

    @Test
    void npzIsOneTrialPerArrayInOrder() throws IOException {
        Path p = npz("t.npz", map("late", NdArray.of(base(6), 3, 2), "early", NdArray.of(base(10), 5, 2)));
        List<TimeSeries> t = SeriesFiles.readTrials(p);
        assertEquals(List.of(3, 5), t.stream().map(TimeSeries::length).toList());
        assertEquals(base(10)[9], t.get(1).value(4, 1));
    }

    @Test
    void csvIsOneTrial() throws IOException {
        Path p = dir.resolve("y.csv");
        Files.writeString(p, "a,b\n1,2\n3,\n");
        List<TimeSeries> t = SeriesFiles.readTrials(p);
        assertEquals(1, t.size());
        assertEquals(2, t.get(0).length());
        assertFalse(t.get(0).isObserved(1, 1));
    }

    @Test
    void raggedOrEmptyDataIsRefusedNamingFileAndArray() throws IOException {
        Path p = npz("bad.npz", map("ok", NdArray.of(base(6), 3, 2), "cube", NdArray.of(base(24), 2, 3, 4)));
        FileFormatException e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(p));
        assertMessage(e, p.toString(), "array 'cube'", "(2, 3, 4)", "3-D");

        Path q = npz("dims.npz", map("a", NdArray.of(base(6), 3, 2), "b", NdArray.of(base(6), 2, 3)));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(q));
        assertMessage(e, "array 'b'", "D = 3", "D = 2");

        Path empty = npy("empty.npy", NdArray.of(new double[0], 0));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(empty));
        assertMessage(e, empty.toString(), "(0,)", "zero-length");

        Path emptyD = npz("emptyD.npz", map("z", NdArray.of(new double[0], 4, 0)));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(emptyD));
        assertMessage(e, "array 'z'", "(4, 0)");

        Path inf = npy("inf.npy", NdArray.of(new double[] {1, Double.POSITIVE_INFINITY}, 2));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(inf));
        assertMessage(e, inf.toString(), "infinite");

        Path scalar = Fixtures.npy("scalar.npy");
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(scalar));
        assertMessage(e, "()", "0-D");

        Path dat = dir.resolve("y.dat");
        Files.writeString(dat, "1\n");
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readTrials(dat));
        assertMessage(e, "unknown file type");
    }

    @Test
    void masksMatchTrialsInOrder() throws IOException {
        List<TimeSeries> trials = List.of(TimeSeries.of(base(6), 3, 2), TimeSeries.of(base(2), 1, 2));
        Path p = npz("mask.npz", map(
                "m0", NdArray.of(DType.BOOL, new double[] {1, 1, 0, 1, 1, 1}, 3, 2),
                "m1", NdArray.of(DType.INT64, new double[] {0, 1}, 1, 2)));
        List<boolean[]> masks = SeriesFiles.readMasks(p, trials);
        assertArrayEquals(new boolean[] {true, true, false, true, true, true}, masks.get(0));
        assertArrayEquals(new boolean[] {false, true}, masks.get(1));
        assertEquals(1, trials.get(0).withMask(masks.get(0)).missingCount());
    }

    @Test
    void maskStackAndVectorMasks() throws IOException {
        List<TimeSeries> two = List.of(TimeSeries.of(base(6), 3, 2), TimeSeries.of(base(6), 3, 2));
        double[] bits = {1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1};
        List<boolean[]> m = SeriesFiles.readMasks(npy("stack.npy", NdArray.of(DType.BOOL, bits, 2, 3, 2)), two);
        assertArrayEquals(new boolean[] {false, false, true, true, true, true}, m.get(1));

        List<TimeSeries> scalarSeries = List.of(TimeSeries.of(base(3), 3, 1));
        m = SeriesFiles.readMasks(npy("vec.npy", NdArray.of(DType.BOOL, new double[] {1, 0, 1}, 3)), scalarSeries);
        assertArrayEquals(new boolean[] {true, false, true}, m.get(0));
    }

    @Test
    void maskShapeCountAndValuesAreChecked() throws IOException {
        List<TimeSeries> trials = List.of(TimeSeries.of(base(6), 3, 2));
        Path wrongShape = npy("w.npy", NdArray.of(DType.BOOL, new double[6], 2, 3));
        FileFormatException e = assertThrows(FileFormatException.class, () -> SeriesFiles.readMasks(wrongShape, trials));
        assertMessage(e, wrongShape.toString(), "(2, 3)", "(3, 2)");

        Path twoMasks = npz("two.npz", map("a", NdArray.of(DType.BOOL, new double[6], 3, 2),
                "b", NdArray.of(DType.BOOL, new double[6], 3, 2)));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readMasks(twoMasks, trials));
        assertMessage(e, "2 mask(s) for 1 trial(s)");

        Path notBinary = npy("nb.npy", NdArray.of(new double[] {1, 0, 0.5, 1, 1, 1}, 3, 2));
        e = assertThrows(FileFormatException.class, () -> SeriesFiles.readMasks(notBinary, trials));
        assertMessage(e, "t=1, d=0", "0.5");
    }

    @Test
    void readArraysGivesOneArrayPerNpyAndEachNpzEntry() throws IOException {
        NdArray u = NdArray.of(base(6), 3, 2);
        assertEquals(List.of(u), SeriesFiles.readArrays(npy("u.npy", u)));
        NdArray w = NdArray.of(base(4), 4);
        assertEquals(List.of(w, u), SeriesFiles.readArrays(npz("u.npz", map("w", w, "u", u))));
    }
}
