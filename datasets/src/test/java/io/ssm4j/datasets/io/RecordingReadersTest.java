package io.ssm4j.datasets.io;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.spikes.SpikeTrains;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MAT-file and spike-time readers on the real recordings in ../shared/data, checked against what the folders'
 * READMEs state and against the files derived from them there with Python (skipped when the folder is absent).
 */
class RecordingReadersTest {
    private static Path folder(String name) {
        Path p = Fixtures.shared().resolve("data").resolve(name);
        assumeTrue(Files.isDirectory(p), "shared data not found at " + p + "; skipping");
        return p;
    }

    @Test
    void hippocampusSpikesMatHoldsTheUnitsOfTheDerivedCsv() throws IOException {
        Path dir = folder("hippocampus-linear-track");
        SpikeTrains units = MatFiles.readSpikeTrains(dir.resolve("spikes.mat"), "spikes", "time");
        assertEquals(31, units.numNeurons());
        assertEquals(28_829, units.totalSpikes());

        // spikes_derived.csv: time_s, unit (0..30), tetrode_index, cluster_index, times printed with 6 decimals
        double[] csv = Csv.read(dir.resolve("spikes_derived.csv")).dataView();
        Map<Integer, List<Double>> byUnit = new HashMap<>();
        Map<Integer, String> where = new HashMap<>();
        for (int r = 0; r < csv.length / 4; r++) {
            int unit = (int) csv[r * 4 + 1];
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(csv[r * 4]);
            where.put(unit, "{" + ((int) csv[r * 4 + 2] + 1) + "}{" + ((int) csv[r * 4 + 3] + 1) + "}");
        }
        assertEquals(31, byUnit.size());
        for (int n = 0; n < 31; n++) {
            assertTrue(units.label(n).endsWith(where.get(n)), "unit " + n + " is " + units.label(n) + ", csv says " + where.get(n));
            double[] fromCsv = byUnit.get(n).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertEquals(fromCsv.length, units.count(n), "unit " + n);
            double[] fromMat = units.timesView(n);
            for (int i = 0; i < fromCsv.length; i++) {
                assertEquals(fromCsv[i], fromMat[i], 5.1e-7, "unit " + n + ", spike " + i);
            }
        }
    }

    @Test
    void songbirdSpikeTimesAreTheNonZeroFramesOfNeural() throws IOException {
        Path dir = folder("songbird-hvc");
        Path mat = dir.resolve("MackeviciusData.mat");
        NdArray neural = MatFiles.readMatrix(mat, "NEURAL");
        assertArrayEquals(new int[] {75, 666}, neural.shape());
        assertEquals(30.0, MatFiles.readMatrix(mat, "VIDEOfs").dataView()[0]);
        assertArrayEquals(new int[] {141, 4440}, MatFiles.readMatrix(mat, "SONG").shape());

        SpikeTrains spikes = SpikeTimeText.read(dir.resolve("songbird_spikes.txt"), 1, 75);
        assertEquals(3_336, spikes.totalSpikes());
        assertEquals(74, SpikeTimeText.read(dir.resolve("songbird_spikes.txt")).numNeurons(), "74 neurons fire");
        // README: the text holds the non-zero entries of NEURAL with time = frame / 30 (frames 1-based). The neuron
        // ids are NEURAL's rows in another order (PP-Seq's), so each text neuron's frames must be exactly one row's.
        Map<Set<Integer>, List<Integer>> rowsByFrames = new HashMap<>();
        double[] v = neural.dataView();
        for (int row = 0; row < 75; row++) {
            Set<Integer> frames = new HashSet<>();
            for (int col = 0; col < 666; col++) if (v[row * 666 + col] != 0) frames.add(col + 1);
            rowsByFrames.computeIfAbsent(frames, k -> new ArrayList<>()).add(row);
        }
        Set<Integer> matchedRows = new HashSet<>();
        for (int n = 0; n < 75; n++) {
            Set<Integer> frames = new HashSet<>();
            for (double t : spikes.timesView(n)) {
                double frame = t * 30;
                assertEquals(Math.rint(frame), frame, 1e-6, "neuron " + spikes.label(n) + " spike at " + t);
                assertTrue(frames.add((int) Math.rint(frame)), "neuron " + spikes.label(n) + ": two spikes in one frame");
            }
            List<Integer> rows = rowsByFrames.getOrDefault(frames, List.of());
            assertTrue(rows.stream().anyMatch(matchedRows::add), "neuron " + spikes.label(n)
                    + ": no unmatched row of NEURAL is non-zero at exactly its " + frames.size() + " frames");
        }
        assertEquals(75, matchedRows.size());
    }
}
