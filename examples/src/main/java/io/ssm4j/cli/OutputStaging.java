package io.ssm4j.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a command's outputs into a hidden staging folder beside the target and moves them into place only
 * when all of them are written, so a failure leaves nothing half-written in {@code --out}.
 */
final class OutputStaging implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    OutputStaging(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(this.target) && !Files.isDirectory(this.target)) {
            throw new IOException("--out " + target + " exists and is not a directory");
        }
        this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
    }

    /** Where to write a file of the given name before commit. */
    Path file(String name) { return staging.resolve(name); }

    /** Moves every staged file into the target folder. */
    void commit() throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                for (Path f : files) {
                    Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.delete(staging);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed || !Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
