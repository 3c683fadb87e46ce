package io.ssm4j.datasets.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's
 * directory, which is then moved over the target (atomically where the file system allows). If writing
 * fails, the temporary file is deleted and the target is left as it was. The temporary file is created
 * like any new file (not with {@code Files.createTempFile}'s owner-only permissions), so the result has
 * the permissions the user's umask gives.
 */
final class AtomicFile {
    /** The content of a file, written to the stream it is given (which it must not close). */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_NAME_ATTEMPTS = 100;

    private AtomicFile() {
    }

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String base = "." + absolute.getFileName() + ".";
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            Path tmp = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            OutputStream raw;
            try {
                raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            writeAndMove(raw, tmp, absolute, content);
            return;
        }
        throw new IOException(target + ": could not create a temporary file in " + dir);
    }

    private static void writeAndMove(OutputStream raw, Path tmp, Path target, Content content) throws IOException {
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }
}
