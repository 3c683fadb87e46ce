package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the spike-time text reader. Seed: {@code SpikeTimeTextFuzzTestInputs/read/}, a header, a comment and
 * tab, space and comma separated lines with float and integer ids. See {@link ReaderProperty}.
 */
class SpikeTimeTextFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".txt", SpikeTimeText::read);
    }
}
