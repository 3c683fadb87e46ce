package io.ssm4j.datasets.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MATLAB reader: listing the variables, then reading every one as matrices and collecting spike times
 * under its cells and structs. Seeds: {@code MatFuzzTestInputs/read/}, small v5 files (written by SciPy) with a
 * matrix, integer, logical, single and compressed variables, cells and a struct; two put together with
 * {@link MatBytes}: {@code classes.mat}, one uncompressed variable of every class (complex, logical, int16 in the
 * small-element format, char, sparse, a cell holding a struct array, an object, a function handle, an opaque MCOS
 * reference), and {@code nested-compressed.mat}, the cell and the sparse matrix compressed; and the findings
 * ({@code crash-*}). See {@link ReaderProperty}.
 */
class MatFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        ReaderProperty.readsOrRefuses(input, ".mat", file -> {
            for (MatFiles.Variable v : MatFiles.variables(file)) {
                try {
                    MatFiles.readMatrices(file, v.name());
                } catch (FileFormatException notAMatrix) {
                    // a variable of another class is refused; the others are still read
                }
                MatFiles.readSpikeTrains(file, v.name(), "time");
            }
        });
    }
}
