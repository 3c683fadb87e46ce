package io.ssm4j.cli.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static io.ssm4j.cli.figures.FigureWritersTest.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LDS figures on a known latent rotation embedded in D = 3 (a plane spanned by known orthonormal axes u1, u2,
 * with a little noise along u3): the projection finds the plane, the flow field's arrows point along (A - I) x, the
 * fixed point solves (I - A) x = b, the heatmap puts every cell in exactly one level, and every figure renders.
 */
class LatentFiguresTest {
    @TempDir Path dir;

    static final int T = 600, D = 3, N = 5;
    static final double[] U1 = {2 / 3.0, 2 / 3.0, 1 / 3.0}, U2 = {-2 / 3.0, 1 / 3.0, 2 / 3.0}, U3 = {1 / 3.0, -2 / 3.0, 2 / 3.0};
    static final double[] MEANS = new double[T * D], COVS = new double[T * D * D], COUNTS = new double[T * N], RATES = new double[T * N];

    static {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < T; t++) {
            double a = 3 * Math.cos(0.1 * t), b = 2 * Math.sin(0.1 * t), c = 0.05 * (r.nextDouble() - 0.5);
            for (int i = 0; i < D; i++) {
                MEANS[t * D + i] = 1 + a * U1[i] + b * U2[i] + c * U3[i];
                COVS[t * D * D + i * D + i] = 0.04 + 0.01 * i;
            }
            for (int n = 0; n < N; n++) {
                RATES[t * N + n] = Math.exp(0.3 * n * MEANS[t * D] - 0.5);
                COUNTS[t * N + n] = t % 97 == n ? Double.NaN : Math.floor(RATES[t * N + n] + r.nextDouble());
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void theProjectionFindsThePlaneOfTheRotation() {
        LatentProjection p = LatentProjection.of(List.of(MEANS), D);
        assertEquals(3, p.axes());
        assertTrue(p.principal());
        // the first two axes span u1, u2: a latent along u3 has no component in them
        double[] along3 = p.inPlane(U3);
        assertEquals(0, along3[0], 1e-3);
        assertEquals(0, along3[1], 1e-3);
        assertEquals(1, Math.abs(p.inPlane(U1)[0]), 1e-3, "PC 1 is u1 (the larger amplitude)");
        // a point of the plane is drawn where it was put
        double[] z = p.project(p.state(0.7, -1.3), 1);
        assertEquals(0.7, z[0], 1e-12);
        assertEquals(-1.3, z[1], 1e-12);
        assertTrue(p.label(0).startsWith("PC 1 of latents, ") && p.label(0).endsWith("(a.u.)"), p.label(0));
        LatentProjection two = LatentProjection.of(List.of(new double[] {1, 2, 3, 4}), 2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, two.project(new double[] {1, 2, 3, 4}, 2), 0.0, "D = 2 is drawn as it is");
        assertEquals("latent 2 (a.u.)", two.label(1));
    }

    @Test
    void flowArrowsPointAlongTheOneStepChange() throws IOException {
        double th = 0.2;
        double[] a = {0.95 * Math.cos(th), -0.95 * Math.sin(th), 0.95 * Math.sin(th), 0.95 * Math.cos(th)}, b = {0, 0};
        double[] plane = new double[T * 2];
        for (int t = 0; t < T; t++) {
            plane[2 * t] = 3 * Math.cos(0.1 * t);
            plane[2 * t + 1] = 2 * Math.sin(0.1 * t);
        }
        LatentProjection p = LatentProjection.of(List.of(plane), 2);
        XYChart c = FlowFieldFigure.chart(a, b, 2, p, plane, T, "flow");
        XYSeries arrows = c.getSeries("A x + b − x (one step)");
        double[] xs = arrows.getXData(), ys = arrows.getYData();
        assertEquals(9 * FlowFieldFigure.GRID * FlowFieldFigure.GRID, xs.length);
        double scale = Double.NaN;
        for (int g = 0; g < FlowFieldFigure.GRID * FlowFieldFigure.GRID; g++) {
            double x = xs[9 * g], y = ys[9 * g], dx = a[0] * x + a[1] * y - x, dy = a[2] * x + a[3] * y - y;
            double sx = xs[9 * g + 1] - x, sy = ys[9 * g + 1] - y;
            double s = Math.abs(dx) > Math.abs(dy) ? sx / dx : sy / dy;
            if (Double.isNaN(scale)) scale = s;
            assertEquals(scale, s, 1e-9 * scale, "arrows share one scale");
            assertEquals(sx * dy, sy * dx, 1e-9 * (Math.abs(sx * dy) + 1e-12), "arrow " + g + " is parallel to (A - I) x");
        }
        assertTrue(scale > 0);
        assertTrue(c.getSeries("fixed point (I − A)⁻¹ b") != null, "the origin is in view");
        written(dir, c, "flow_field");
    }

    @Test
    void theFixedPointSolvesTheSystem() {
        double[] a = {0.5, 0.2, 0.0, 0.1, 0.7, 0.3, -0.2, 0.0, 0.9}, b = {1, -2, 0.5};
        double[] x = FlowFieldFigure.fixedPoint(a, b, 3);
        for (int i = 0; i < 3; i++) {
            double ax = 0;
            for (int j = 0; j < 3; j++) ax += a[i * 3 + j] * x[j];
            assertEquals(b[i], x[i] - ax, 1e-12, "row " + i + " of (I - A) x = b");
        }
        assertNull(FlowFieldFigure.fixedPoint(new double[] {1, 0, 0, 0.5}, new double[] {1, 1}, 2), "I - A singular");
    }

    @Test
    void everyObservedCellIsInExactlyOneHeatmapLevel() {
        XYChart counts = ChannelHeatmap.chart(COUNTS, T, N, true, "count / bin", 1000, 400);
        int cells = 0, positive = 0, missing = 0;
        for (XYSeries s : counts.getSeriesCollection()) if (s.getName().contains("≥") || s.getName().contains(">")) cells += s.getXData().length / 6;
        int f = Downsample.factor(T, ChannelHeatmap.MAX_COLUMNS);
        double[] blocks = Downsample.means(COUNTS, T, N, f);
        for (double v : blocks) {
            if (Double.isNaN(v)) missing++;
            else if (v > 0) positive++;
        }
        assertEquals(0, missing, "each block has observed bins");
        assertEquals(positive, cells, "every positive cell is drawn once; zeros stay white");
        XYChart z = ChannelHeatmap.chart(COUNTS, T, N, false, "y", 1000, 400);
        int all = 0;
        for (XYSeries s : z.getSeriesCollection()) if (s.getName().contains("z")) all += s.getXData().length / 6;
        assertEquals(blocks.length, all, "z-scored, every cell has a level");
    }

    @Test
    void theMostModulatedChannelsAreShown() {
        double[] pred = new double[4 * 3];
        double[][] columns = {{0, 1, 0, 1}, {0, 5, 0, 5}, {2, 2, 2, 2}};
        for (int t = 0; t < 4; t++) for (int n = 0; n < 3; n++) pred[t * 3 + n] = columns[n][t];
        assertArrayEquals(new int[] {1, 0, 2}, PredictionFigure.mostModulated(pred, 4, 3));
    }

    @Test
    void everyLatentFigureRenders() throws IOException {
        LatentProjection p = LatentProjection.of(List.of(MEANS), D);
        double[] z = p.project(MEANS, T);
        BufferedImage latents = written(dir, LatentTimeFigure.chart(MEANS, COVS, T, D, "latents"), "latents");
        assertEquals(ChartStyle.WIDTH, latents.getWidth());
        written(dir, LatentPlaneFigure.chart(z, T, 3, 0, 1, p.label(0), p.label(1), "plane", 990, 800, true), "plane");
        ChartPanels pairs = LatentPlaneFigure.pairs(z, T, p, "pairs");
        BufferedImage img = written(dir, pairs, "pairs");
        // the three panels are painted side by side: each third of the picture has ink
        for (int k = 0; k < 3; k++) {
            int ink = 0;
            for (int y = 60; y < img.getHeight() - 60; y += 2) {
                for (int x = k * 540 + 80; x < k * 540 + 500; x += 2) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
            }
            assertNotEquals(0, ink, "panel " + k + " is blank");
        }
        written(dir, PredictionFigure.chart(COUNTS, RATES, T, N, true, "count / bin", "counts"), "observations");
    }
}
