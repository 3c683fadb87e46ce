package io.ssm4j.cli.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.IChart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure writer makes a decodable PNG of the chart's size with real content; states get distinct colours. */
class FigureWritersTest {
    @TempDir Path dir;

    static final int T = 900, K = 4, D = 6;
    static final int[] Z = new int[T];
    static final double[] P = new double[T * K], Y = new double[T * D], COUNTS = new double[T * D];

    static {
        SplittableRandom r = new SplittableRandom(3);
        int z = 0;
        for (int t = 0; t < T; t++) {
            if (r.nextDouble() < 0.03) z = r.nextInt(K);
            Z[t] = z;
            for (int k = 0; k < K; k++) P[t * K + k] = k == z ? 0.7 : 0.1;
            for (int d = 0; d < D; d++) {
                Y[t * D + d] = z + r.nextGaussian();
                COUNTS[t * D + d] = r.nextInt(1 + z + d);
            }
        }
    }

    private BufferedImage roundTrip(IChart chart, String name) throws IOException { return written(dir, chart, name); }

    /** Writes the chart into dir, reads the PNG back and checks its size and that it is not blank. */
    static BufferedImage written(Path dir, IChart chart, String name) throws IOException {
        FigureFiles.write(chart, dir, name);
        Path png = dir.resolve(name + ".png");
        assertTrue(Files.size(png) > 0, name + ".png is empty");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, name + ".png does not decode");
        assertEquals(chart.getWidth(), img.getWidth(), name + " width");
        assertEquals(chart.getHeight(), img.getHeight(), name + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 20, name + ".png has only " + colours.size() + " colours");
        if (FigureFiles.writesSvg()) assertTrue(Files.size(dir.resolve(name + ".svg")) > 0, name + ".svg is empty");
        return img;
    }

    @Test
    void objective() throws IOException {
        roundTrip(ObjectiveFigure.chart(new double[] {-100, -60, -50, -48, -47.5}, "EM iteration", "log p(y | θ)", "t"), "objective");
    }

    @Test
    void posterior() throws IOException { roundTrip(PosteriorFigure.chart(P, T, K, 1, "time step", "t"), "posterior"); }

    @Test
    void observationsOverlaidAndStacked() throws IOException {
        roundTrip(ObservationFigure.chart(Y, T, D, Z, K, "stacked"), "states_stacked");
        double[] two = new double[T * 2];
        for (int t = 0; t < T; t++) {
            two[2 * t] = Y[t * D];
            two[2 * t + 1] = t % 50 == 0 ? Double.NaN : Y[t * D + 1];
        }
        roundTrip(ObservationFigure.chart(two, T, 2, Z, K, "overlay"), "states_overlay");
    }

    @Test
    void transitionMatrix() throws IOException {
        roundTrip(TransitionMatrixFigure.chart(new double[] {0.9, 0.1, 0.2, 0.8}, 2, "t"), "transition_matrix");
    }

    @Test
    void raster() throws IOException { roundTrip(RasterFigure.chart(COUNTS, T, D, Z, K, 0.5, "t"), "raster"); }

    @Test
    void covariateByState() throws IOException {
        double[] speed = new double[T];
        for (int t = 0; t < T; t++) speed[t] = 10 * Z[t] + t % 7;
        roundTrip(CovariateByStateFigure.chart(speed, Z, K, "speed (px/s)", "t"), "speed_by_state");
    }

    @Test
    void dwellTimes() throws IOException { roundTrip(DwellTimeFigure.chart(Z, K, 0.5, "t"), "state_durations"); }

    @Test
    void dwellTimeRunsAreTheRunsOfEqualStates() {
        var runs = DwellTimeFigure.runs(new int[] {0, 0, 1, 1, 1, 0, 2}, 3);
        assertEquals(java.util.List.of(2, 1), runs.get(0));
        assertEquals(java.util.List.of(3), runs.get(1));
        assertEquals(java.util.List.of(1), runs.get(2));
    }

    @Test
    void statesUpToTwentyHaveDistinctColours() {
        for (int k = 1; k <= 20; k++) {
            Set<Integer> seen = new HashSet<>();
            for (int j = 0; j < k; j++) seen.add(StatePalette.color(j).getRGB());
            assertEquals(k, seen.size(), "colours of " + k + " states");
        }
    }

    @Test
    void tenStatePosteriorShowsEveryStateColour() throws IOException {
        int k = 10, n = 1000;
        double[] p = new double[n * k];
        for (int t = 0; t < n; t++) p[t * k + (t * k / n)] = 1; // state j holds for a tenth of the time
        BufferedImage img = roundTrip(PosteriorFigure.chart(p, n, k, 1, "time step", "ten states"), "posterior10");
        Set<Integer> rgb = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) rgb.add(img.getRGB(x, y) & 0xffffff);
        for (int j = 0; j < k; j++) {
            Color c = StatePalette.color(j);
            assertTrue(rgb.contains(c.getRGB() & 0xffffff), "state " + j + "'s colour is not in the picture");
        }
    }

    @Test
    void longSeriesAreDownsampledForDisplay() {
        int n = 100_000;
        double[] p = new double[n * 2];
        int[] z = new int[n];
        for (int t = 0; t < n; t++) {
            z[t] = (t / 5000) % 2;
            p[t * 2 + z[t]] = 1;
        }
        XYChart c = PosteriorFigure.chart(p, n, 2, 1, "time step", "long");
        c.getSeriesCollection().forEach(s -> assertTrue(s.getXData().length <= 2 * Downsample.MAX_POINTS + 2,
                s.getName() + " has " + s.getXData().length + " points"));
        XYChart o = ObservationFigure.chart(p, n, 2, z, 2, "long");
        o.getSeriesCollection().forEach(s -> assertTrue(s.getXData().length <= Downsample.MAX_POINTS + 1,
                s.getName() + " has " + s.getXData().length + " points"));
    }

    @Test
    void downsampleMeansSumsAndModes() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(2, Downsample.factor(5, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1.5, 3.5, 5}, Downsample.means(v, 5, 1, 2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 7, 5}, Downsample.sums(v, 5, 1, 2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0}, Downsample.modes(new int[] {1, 1, 0, 2, 0}, 3, 3));
    }
}
