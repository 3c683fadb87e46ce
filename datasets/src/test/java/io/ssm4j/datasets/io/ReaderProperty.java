package io.ssm4j.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The property every fuzz test checks: whatever the bytes, a reader returns a value or throws
 * {@link FileFormatException}; any other exception or error (a NullPointerException, an index out of
 * bounds, an OutOfMemoryError from a huge declared size, a plain IOException with no file context) is a
 * finding. Inputs reach the readers as a file, because their public entry points take paths.
 */
final class ReaderProperty {
    private static Path dir;

    private ReaderProperty() {
    }

    /** A read that may fail only with an I/O exception. */
    interface Read {
        void run(Path file) throws IOException;
    }

    /** Writes the input to a file named with {@code suffix} and reads it; only FileFormatException may escape. */
    static void readsOrRefuses(byte[] input, String suffix, Read read) {
        Path file = write(input, suffix);
        try {
            read.run(file);
        } catch (FileFormatException expected) {
            // a refused file is a correct outcome
        } catch (IOException e) {
            throw new AssertionError("an I/O exception that is not a FileFormatException: " + e, e);
        }
    }

    private static synchronized Path write(byte[] input, String suffix) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("ssm4j-fuzz");
                dir.toFile().deleteOnExit();
            }
            Path file = dir.resolve("input" + suffix);
            Files.write(file, input);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
