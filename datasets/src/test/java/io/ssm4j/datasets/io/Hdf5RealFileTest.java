package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real HDF5 file: the C. elegans whole-brain recording of
 * {@code ../shared/data/celegans-wholebrain-nsm}, against the CSV files its README says were derived from it
 * (values printed to 6 significant digits).
 */
class Hdf5RealFileTest {
    private static final Path DIR = Fixtures.shared().resolve("data/celegans-wholebrain-nsm");
    private static final Path H5 = DIR.resolve("2022-07-26-31-data.h5");

    @BeforeAll
    static void dataPresent() {
        assumeTrue(Files.isRegularFile(H5), "C. elegans data not found at " + H5 + " (set -Dssm4j.shared); skipping");
    }

    /** |a - b| within half a unit in the 6th significant digit of b. */
    private static void assertSixDigits(double expected, double actual, String where) {
        double tol = expected == 0 ? 1e-300 : 0.5e-5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected)))) * 1.0001;
        assertEquals(expected, actual, tol, where);
    }

    @Test
    void zScoredTracesMatchTheDerivedCsv() throws Exception {
        NdArray csv = Csv.read(DIR.resolve("traces_zscored_derived.csv"));
        try (Hdf5File h = Hdf5File.open(H5)) {
            NdArray traces = h.read("gcamp/trace_array");
            assertEquals(NdArray.DType.FLOAT64, traces.dtype());
            assertArrayEquals(new int[] {800, 146}, traces.shape());
            assertArrayEquals(csv.shape(), traces.shape());
            for (int i = 0; i < csv.size(); i++) {
                assertSixDigits(traces.dataView()[i], csv.dataView()[i], "element " + i);
            }
        }
    }

    @Test
    void behaviourMatchesTheDerivedCsv() throws Exception {
        NdArray csv = Csv.read(DIR.resolve("behavior_derived.csv"));
        String[] columns = {"velocity", "angular_velocity", "head_angle", "worm_curvature"};
        try (Hdf5File h = Hdf5File.open(H5)) {
            double[] time = h.read("/timing/timestamp_confocal").dataView();
            assertEquals(800, time.length);
            for (int t = 0; t < 800; t++) assertSixDigits(time[t] - time[0], csv.dataView()[t * 6], "time_s, row " + t);
            for (int c = 0; c < columns.length; c++) {
                double[] v = h.read("/behavior/" + columns[c]).dataView();
                for (int t = 0; t < 800; t++) assertSixDigits(v[t], csv.dataView()[t * 6 + c + 1], columns[c] + ", row " + t);
            }
            NdArray reversals = h.read("/behavior/reversal_vec");
            assertEquals(NdArray.DType.INT64, reversals.dtype());
            int count = 0;
            for (int t = 0; t < 800; t++) {
                assertEquals(csv.dataView()[t * 6 + 5], reversals.dataView()[t], "reversal_vec, row " + t);
                count += (int) reversals.dataView()[t];
            }
            assertEquals(184, count, "README: 184 reversal frames");
            assertArrayEquals(new int[] {2, 34}, h.read("/behavior/reversal_events").shape());
        }
    }

    @Test
    void structureAsTheReadmeDescribes() throws Exception {
        try (Hdf5File h = Hdf5File.open(H5)) {
            assertTrue(h.children("/").containsAll(java.util.List.of("behavior", "gcamp", "timing")));
            assertArrayEquals(new int[] {800, 30}, h.read("behavior/body_angle").shape());
            assertArrayEquals(new int[] {10101}, h.read("timing/timestamp_nir").shape());
            double[] pumping = h.read("behavior/pumping").dataView();
            for (double p : pumping) assertTrue(Double.isNaN(p), "README: pumping is all NaN");
            assertFalse(NwbFile.isNwb(h));
            FileFormatException e = assertThrows(FileFormatException.class, () -> NwbFile.of(h));
            assertTrue(e.getMessage().contains("not an NWB 2.x file"), e.getMessage());
        }
    }
}
