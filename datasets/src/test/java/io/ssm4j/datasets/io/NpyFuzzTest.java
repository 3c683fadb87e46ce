package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;

/**
 * Fuzzes the NPY reader, through a file (whose size bounds what may be allocated) and through a stream of
 * unknown length (as inside an archive). Seeds: {@code NpyFuzzTestInputs/<method>/}, copies of fixtures made
 * by {@code npy/gen_fixtures.py}. See {@link ReaderProperty} for the property.
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void readFile(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".npy", Npy::read);
    }

    @FuzzTest(maxDuration = "30s")
    void readStream(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".npy", f -> Npy.read(new ByteArrayInputStream(input), "fuzz.npy"));
    }
}
