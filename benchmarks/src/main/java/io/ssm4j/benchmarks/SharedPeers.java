package io.ssm4j.benchmarks;

import java.io.UncheckedIOException;

import java.io.IOException;

import io.ssm4j.datasets.io.Npy;

import io.ssm4j.data.NdArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared peer material lives: the folder named by the system property {@code ssm4j.shared}, else
 * {@code ../shared} relative to the working directory; its {@code peers/} subfolder holds the datasets
 * ({@code data/}) and the peers' recorded timings ({@code results/summary.json}).
 */
public final class SharedPeers {
    /** The system property that names the shared folder. */
    public static final String PROPERTY = "ssm4j.shared";

    private SharedPeers() {}

    /** The shared folder as configured (it may not exist). */
    public static Path sharedDir() {
        return Path.of(System.getProperty(PROPERTY, "../shared")).toAbsolutePath().normalize();
    }

    /** {@code <shared>/peers/data/<name>} when that folder exists. */
    public static Optional<Path> dataset(String name) {
        Path dir = sharedDir().resolve("peers").resolve("data").resolve(name);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The peers' recorded timings, {@code <shared>/peers/results/summary.json} (it may not exist). */
    public static Path recordedSummary() {
        return sharedDir().resolve("peers").resolve("results").resolve("summary.json");
    }

    /** The peer array {@code dir/name.npy}; an unreadable file is an error naming it. */
    static NdArray array(Path dir, String name) {
        Path file = dir.resolve(name + ".npy");
        try {
            return Npy.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark array " + file, e);
        }
    }
}
