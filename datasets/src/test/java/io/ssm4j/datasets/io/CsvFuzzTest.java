package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CSV reader. Seeds: {@code CsvFuzzTestInputs/read/}, small tables with a header, NaN and
 * infinity cells, quotes and CRLF line ends. See {@link ReaderProperty} for the property.
 */
class CsvFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".csv", Csv::read);
    }
}
