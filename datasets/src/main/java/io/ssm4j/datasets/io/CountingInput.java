package io.ssm4j.datasets.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that counts the bytes read through it, so a reader can say where a file went wrong. */
final class CountingInput extends FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
        super(in);
    }

    long count() { return count; }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        count += k;
        return k;
    }

    /** Reads and discards everything left, returning how many bytes that was. */
    long skipToEnd() throws IOException {
        long before = count;
        byte[] sink = new byte[8192];
        while (read(sink, 0, sink.length) >= 0) {
            // discard
        }
        return count - before;
    }

    @Override
    public boolean markSupported() { return false; }
}
