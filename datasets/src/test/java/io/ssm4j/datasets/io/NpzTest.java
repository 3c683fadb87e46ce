package io.ssm4j.datasets.io;

import static io.ssm4j.datasets.io.Fixtures.base;
import static io.ssm4j.datasets.io.Fixtures.flags;
import static io.ssm4j.datasets.io.Fixtures.ints;
import static io.ssm4j.datasets.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.NdArray.DType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NPZ archives from np.savez / np.savez_compressed, and our own stored and deflated archives. */
class NpzTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"savez.npz", "savez_compressed.npz"})
    void readsNumpyArchivesInArchiveOrder(String file) throws IOException {
        Map<String, NdArray> m = Npz.read(npy(file));
        assertEquals(List.of("y", "a", "m", "s"), new ArrayList<>(m.keySet()));
        assertEquals(NdArray.of(base(12), 3, 4), m.get("y"));
        assertEquals(DType.INT64, m.get("a").dtype());
        assertArrayEquals(ints(5), m.get("a").dataView());
        assertEquals(DType.BOOL, m.get("m").dtype());
        assertArrayEquals(new int[] {2, 3}, m.get("m").shape());
        assertArrayEquals(flags(6), m.get("m").dataView());
        assertEquals(0, m.get("s").ndim());
        assertEquals(1.5, m.get("s").dataView()[0]);
    }

    private static Map<String, NdArray> sample() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("zeta", NdArray.of(base(24), 2, 3, 4));
        m.put("alpha", NdArray.of(DType.INT32, ints(7), 7));
        m.put("mask", NdArray.of(DType.BOOL, flags(4), 2, 2));
        m.put("x", NdArray.scalar(-0.0));
        return m;
    }

    @Test
    void storedArchiveRoundTripsAndStoresEntries() throws IOException {
        Path p = dir.resolve("out.npz");
        Npz.write(p, sample());
        assertEquals(sample(), Npz.read(p));
        assertEquals(new ArrayList<>(sample().keySet()), new ArrayList<>(Npz.read(p).keySet()));
        try (ZipFile z = new ZipFile(p.toFile())) {
            ZipEntry e = z.getEntry("zeta.npy");
            assertEquals(ZipEntry.STORED, e.getMethod());
            assertEquals(Files.size(npy("c_3d.npy")), e.getSize(), "entry is exactly the .npy bytes");
        }
    }

    @Test
    void compressedArchiveRoundTripsAndDeflatesEntries() throws IOException {
        Path p = dir.resolve("out.npz");
        Npz.write(p, sample(), true);
        Map<String, NdArray> back = Npz.read(p);
        assertEquals(sample(), back);
        assertEquals(DType.BOOL, back.get("mask").dtype());
        assertEquals(DType.INT32, back.get("alpha").dtype());
        try (ZipFile z = new ZipFile(p.toFile())) {
            assertEquals(ZipEntry.DEFLATED, z.getEntry("alpha.npy").getMethod());
        }
    }

    @Test
    void failedWriteLeavesNothing() {
        Path p = dir.resolve("bad.npz");
        Map<String, NdArray> m = new LinkedHashMap<>(sample());
        m.put("broken", NdArray.of(DType.INT64, new double[] {0.5}, 1));
        assertThrows(IllegalArgumentException.class, () -> Npz.write(p, m));
        assertFalse(Files.exists(p));
        assertThrows(IllegalArgumentException.class, () -> Npz.write(p, Map.of("", NdArray.scalar(1))));
    }

    @Test
    void malformedEntryNamesArchiveAndEntry() throws IOException {
        Path p = dir.resolve("mixed.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("good.npy"));
            Npy.write(z, NdArray.scalar(1));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("cut.npy"));
            z.write(Files.readAllBytes(npy("truncated.npy")));
            z.closeEntry();
        }
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("'cut.npy'")
                && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void nonNpyEntryAndNonZipFileAreRefused() throws IOException {
        Path p = dir.resolve("notes.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(new byte[] {'h', 'i'});
            z.closeEntry();
        }
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.read(p));
        assertTrue(e.getMessage().contains("'readme.txt'") && e.getMessage().contains("only .npy"), e.getMessage());

        Path notZip = dir.resolve("plain.npz");
        try (OutputStream out = Files.newOutputStream(notZip)) {
            Npy.write(out, NdArray.scalar(1));
        }
        e = assertThrows(FileFormatException.class, () -> Npz.read(notZip));
        assertTrue(e.getMessage().startsWith(notZip.toString()) && e.getMessage().contains("zip"), e.getMessage());
    }
}
