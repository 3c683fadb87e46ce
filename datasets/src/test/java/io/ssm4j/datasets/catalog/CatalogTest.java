package io.ssm4j.datasets.catalog;

import io.ssm4j.data.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog reads real datasets' READMEs from a data home, and the simulators draw what they promise. */
class CatalogTest {
    @Test
    void realDatasetsComeFromTheirReadmes(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("rat-ca1"));
        Files.writeString(home.resolve("rat-ca1").resolve("README.md"),
                "# rat-ca1 — hippocampal units on a maze\n\nText.\n\n## Cite\n- Someone et al. (2020)\n");
        Files.createDirectories(home.resolve("no-readme"));
        List<DatasetEntry> e = SharedDataCatalog.entries(home);
        assertEquals(1, e.size(), "folders without a README are not datasets");
        assertEquals("rat-ca1", e.get(0).name());
        assertEquals("hippocampal units on a maze", e.get(0).description());
        assertEquals("Someone et al. (2020)", e.get(0).citation());
        assertTrue(SharedDataCatalog.readme(home, "rat-ca1").contains("Text."));
        assertThrows(IOException.class, () -> SharedDataCatalog.readme(home, "absent"));
    }

    @Test
    void simulatorsDrawObservationsLatentsAndParametersOfTheStatedShapes() {
        Map<String, NdArray> hmm = Simulators.simulate("simulated-hmm", 1);
        assertArrayEquals(new int[] {2000, 2}, hmm.get("y").shape());
        for (double z : hmm.get("z").dataView()) assertTrue(z >= 0 && z < 3);
        assertArrayEquals(new int[] {3, 3}, hmm.get("transition_matrix").shape());
        assertArrayEquals(new int[] {2000, 2}, Simulators.simulate("simulated-arhmm", 1).get("y").shape());
        Map<String, NdArray> lds = Simulators.simulate("simulated-rotational-lds", 1);
        assertArrayEquals(new int[] {1000, 10}, lds.get("y").shape());
        assertArrayEquals(new int[] {1000, 2}, lds.get("x").shape());
        Map<String, NdArray> spikes = Simulators.simulate("simulated-rotational-poisson", 1);
        assertArrayEquals(new int[] {1000, 30}, spikes.get("y").shape());
        double total = 0;
        for (double c : spikes.get("y").dataView()) {
            assertEquals(Math.rint(c), c, "counts are integers");
            total += c;
        }
        assertTrue(total / 30000 > 0.2 && total / 30000 < 3, "mean count per bin " + total / 30000);
        assertEquals(spikes.get("y"), Simulators.simulate("simulated-rotational-poisson", 1).get("y"), "same seed, same draw");
        assertNotEquals(spikes.get("y"), Simulators.simulate("simulated-rotational-poisson", 2).get("y"));
        assertThrows(IllegalArgumentException.class, () -> Simulators.simulate("nascar", 1));
    }

    @Test
    void nascarLapsTheTrackThroughItsFourRegimesInOrder() {
        Map<String, NdArray> m = Simulators.simulate("simulated-nascar", 1);
        double[] x = m.get("x").dataView(), z = m.get("z").dataView(), y = m.get("y").dataView();
        double[] c = m.get("C").dataView(), d = m.get("d").dataView();
        int n = NascarSimulator.UNITS, t = z.length;
        int laps = 0, changes = 0;
        for (int s = 0; s < t; s++) {
            assertEquals(NascarSimulator.regime(x[2 * s], x[2 * s + 1]), (int) z[s], "regime of the position at " + s);
            double radius = Math.abs(x[2 * s]) > 2 ? Math.hypot(Math.abs(x[2 * s]) - 2, x[2 * s + 1]) : Math.abs(x[2 * s + 1]);
            assertEquals(1.0, radius, 0.35, "on the track at " + s);
            if (s > 0 && z[s] != z[s - 1]) {
                changes++;
                assertEquals(((int) z[s - 1] + 1) % 4, (int) z[s], "clockwise order of the regimes at " + s);
                if (z[s] == 0) laps++;
            }
        }
        assertTrue(laps >= 2, "laps: " + laps + " (" + changes + " regime changes)");
        double ss = 0;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                double r = y[s * n + i] - c[2 * i] * x[2 * s] - c[2 * i + 1] * x[2 * s + 1] - d[i];
                ss += r * r;
            }
        }
        assertEquals(0.01, ss / (t * n), 0.001, "readout noise variance");
    }
}
