package io.ssm4j.datasets.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that counts the bytes written through it. */
final class CountingOutput extends FilterOutputStream {
    private long count;

    CountingOutput(OutputStream out) {
        super(out);
    }

    long count() { return count; }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }
}
