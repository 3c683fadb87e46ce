package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip file holding one {@code <name>.npy} entry per array,
 * as {@code np.savez} (entries stored) and {@code np.savez_compressed} (entries deflated) write them.
 * Arrays are named without the {@code .npy} suffix and kept in archive order.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Reads every array in an archive.
     *
     * @return name to array, in the order of the archive's entries
     */
    public static Map<String, NdArray> read(Path path) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | EOFException e) {
            throw new FileFormatException(path + ": not a readable zip (.npz) archive: " + describe(e), e);
        }
        try (zip) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                if (entry.isDirectory()) continue;
                String entryName = entry.getName();
                String source = path + ", entry '" + entryName + "'";
                if (!entryName.endsWith(SUFFIX)) {
                    throw FileFormatException.of(source, "entry name", "an .npz archive holds only .npy entries");
                }
                String name = entryName.substring(0, entryName.length() - SUFFIX.length());
                if (arrays.containsKey(name)) {
                    throw FileFormatException.of(source, "entry name", "array '" + name + "' appears twice");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, Npy.read(in, source, entry.getSize(), false));
                } catch (ZipException | EOFException e) {
                    throw new FileFormatException(source + ": corrupt zip entry: " + describe(e), e);
                }
            }
        }
        return Collections.unmodifiableMap(arrays);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e instanceof EOFException ? "ends early" : e.toString();
    }

    /** Writes arrays to an archive with stored (uncompressed) entries, like {@code np.savez}; atomic. */
    public static void write(Path path, Map<String, NdArray> arrays) throws IOException {
        write(path, arrays, false);
    }

    /**
     * Writes arrays to an archive, each as entry {@code <name>.npy} in the map's iteration order, atomically:
     * on failure nothing is left at {@code path}.
     *
     * @param compressed deflate the entries, like {@code np.savez_compressed}; otherwise store them
     * @throws IllegalArgumentException if a name is empty or a value does not fit its array's dtype
     */
    public static void write(Path path, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        for (String name : arrays.keySet()) {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("arrays: array names must be non-empty");
        }
        AtomicFile.write(path, out -> writeArchive(out, arrays, compressed));
    }

    private static void writeArchive(OutputStream out, Map<String, NdArray> arrays, boolean compressed)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                // A stored entry needs its size and CRC before its data: one encoding pass to measure them.
                CRC32 crc = new CRC32();
                CountingOutput counter = new CountingOutput(new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
                Npy.write(counter, e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(counter.count());
                entry.setCompressedSize(counter.count());
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            Npy.write(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }
}
