package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the NPZ reader (zip archive of NPY entries). Seeds: {@code NpzFuzzTestInputs/read/}, archives written
 * by numpy's {@code savez} and {@code savez_compressed}. See {@link ReaderProperty} for the property.
 */
class NpzFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".npz", Npz::read);
    }
}
