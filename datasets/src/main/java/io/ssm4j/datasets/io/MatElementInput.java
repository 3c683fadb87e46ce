package io.ssm4j.datasets.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The bytes of one top-level data element of a MAT-file, read front to back in the file's byte order: either the
 * element's bytes as they lie in the file (a memory-mapped region), or the zlib stream of a miCOMPRESSED element
 * inflated a 64 KiB window at a time, so that skipping a large numeric part never holds it in memory. Positions count
 * from the start of the element's (inflated) data; reading past its end throws {@link EOFException}, corrupt
 * compressed data {@link ZipException}.
 */
final class MatElementInput implements AutoCloseable {
    private static final int WINDOW_BYTES = 64 * 1024;

    /** The readable bytes; the whole element when {@link #inflater} is null, else the latest inflated window. */
    private final ByteBuffer window;
    private final Inflater inflater;
    /** The position of {@code window}'s index 0 in the element's byte stream. */
    private long windowStart;

    private MatElementInput(ByteBuffer window, Inflater inflater) {
        this.window = window;
        this.inflater = inflater;
    }

    /** The element's data as stored, e.g. a mapped region of the file. */
    static MatElementInput stored(ByteBuffer data, ByteOrder order) {
        return new MatElementInput(data.duplicate().order(order), null);
    }

    /** The bytes inflated from a zlib stream (a miCOMPRESSED element's data). */
    static MatElementInput inflating(ByteBuffer compressed, ByteOrder order) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed.duplicate());
        ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).order(order);
        window.flip();
        return new MatElementInput(window, inflater);
    }

    /** How many bytes have been read or skipped so far. */
    long position() {
        return windowStart + window.position();
    }

    int readInt() throws IOException {
        while (window.remaining() < Integer.BYTES) {
            if (!fill()) throw new EOFException();
        }
        return window.getInt();
    }

    /** Up to {@code max} bytes from here, as ISO-8859-1 text ending at the first NUL; skips the rest of {@code n}. */
    String readText(long n, int max) throws IOException {
        StringBuilder text = new StringBuilder();
        boolean ended = false;
        for (long i = 0; i < Math.min(n, max); i++) {
            while (!window.hasRemaining()) {
                if (!fill()) throw new EOFException();
            }
            char c = (char) (window.get() & 0xff);
            ended |= c == 0;
            if (!ended) text.append(c);
        }
        skip(n - Math.min(n, max));
        return text.toString();
    }

    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (!window.hasRemaining() && !fill()) throw new EOFException();
            int step = (int) Math.min(left, window.remaining());
            window.position(window.position() + step);
            left -= step;
        }
    }

    /** Inflates more bytes behind the unread ones; false when there are none (stored data, or the stream's end). */
    private boolean fill() throws IOException {
        if (inflater == null) return false;
        windowStart += window.position();
        window.compact();
        int before = window.position();
        try {
            while (window.position() == before && window.hasRemaining()
                    && !inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                inflater.inflate(window);
            }
        } catch (DataFormatException e) {
            throw new ZipException("corrupt compressed data (" + e.getMessage() + ")");
        } finally {
            window.flip();
        }
        return window.limit() > before;
    }

    @Override
    public void close() {
        if (inflater != null) inflater.end();
    }
}
