package io.ssm4j.cli.figures;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * The flow field of linear dynamics x_{t+1} = A x_t + b: at each point z of a {@link #GRID} x {@link #GRID} grid in
 * the plane of axes 1 and 2 of a {@link LatentProjection}, an arrow along the one-step change
 * <pre>
 *   dx = A x + b - x,   x = the latent state drawn at z,
 * </pre>
 * projected onto the plane (for D > 2 the other components of x sit at the mean of the latents). Arrows are scaled
 * together so the longest spans 0.9 grid cells: their lengths compare speeds. A trajectory is drawn over the field,
 * and the fixed point x* = (I - A)^{-1} b, where it exists and falls in view, is marked.
 */
public final class FlowFieldFigure {
    /** Arrows per side of the grid. */
    public static final int GRID = 17;
    private static final int SIZE = 820;

    private FlowFieldFigure() {}

    /**
     * @param a          A (D x D, row-major)
     * @param b          b (D)
     * @param projection the axes; its plane of axes 1 and 2 is drawn
     * @param points     the trajectory's coordinates on the projection's axes, T x projection.axes()
     */
    public static XYChart chart(double[] a, double[] b, int dim, LatentProjection projection, double[] points, int length,
                                String title) {
        if (dim < 2 || projection.axes() < 2) throw new IllegalArgumentException("a flow field needs D >= 2, got D = " + dim);
        if (a.length != dim * dim || b.length != dim) throw new IllegalArgumentException("A must be D x D and b of length D, D = " + dim);
        int k = projection.axes();
        PlaneBox box = PlaneBox.around(points, k, 0, 1, 0.12);
        double cell = box.width() / GRID;
        double[] z1 = new double[GRID * GRID], z2 = new double[GRID * GRID], v1 = new double[GRID * GRID], v2 = new double[GRID * GRID];
        double longest = 0;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                int g = r * GRID + c;
                z1[g] = box.xMin() + (c + 0.5) * cell;
                z2[g] = box.yMin() + (r + 0.5) * cell;
                double[] x = projection.state(z1[g], z2[g]), dx = b.clone();
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) dx[i] += a[i * dim + j] * x[j];
                    dx[i] -= x[i];
                }
                double[] p = projection.inPlane(dx);
                v1[g] = p[0];
                v2[g] = p[1];
                longest = Math.max(longest, Math.hypot(p[0], p[1]));
            }
        }
        double scale = longest > 0 ? 0.9 * cell / longest : 0;
        XYChart chart = new XYChartBuilder().width(SIZE + 180).height(SIZE).title(title).xAxisTitle(projection.label(0))
                .yAxisTitle(projection.label(1)).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(10);
        box.applyTo(chart.getStyler());
        double[][] xy = arrows(z1, z2, v1, v2, scale, box);
        XYSeries arrows = chart.addSeries("A x + b − x (one step)", xy[0], xy[1]);
        arrows.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        arrows.setMarker(SeriesMarkers.NONE);
        arrows.setLineColor(new Color(0x707070));
        arrows.setLineStyle(new BasicStroke(1.1f));
        LatentPlaneFigure.addTrajectory(chart, points, length, k, 0, 1);
        double[] fixed = fixedPoint(a, b, dim);
        if (fixed != null) {
            double[] at = projection.project(fixed, 1);
            if (at[0] >= box.xMin() && at[0] <= box.xMax() && at[1] >= box.yMin() && at[1] <= box.yMax()) {
                XYSeries s = chart.addSeries("fixed point (I − A)⁻¹ b", new double[] {at[0]}, new double[] {at[1]});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CROSS);
                s.setMarkerColor(new Color(0xd62728));
            }
        }
        return chart;
    }

    /**
     * Every arrow as a shaft and two head strokes, separated by NaN so the line breaks between them. Heads are built
     * in box-relative units, so they look the same whatever the axes' ranges.
     */
    private static double[][] arrows(double[] z1, double[] z2, double[] v1, double[] v2, double scale, PlaneBox box) {
        int n = z1.length;
        double[] xs = new double[n * 9], ys = new double[n * 9];
        double w = box.width(), h = box.height(), cos = Math.cos(Math.toRadians(25)), sin = Math.sin(Math.toRadians(25));
        for (int g = 0; g < n; g++) {
            double tx = z1[g] + scale * v1[g], ty = z2[g] + scale * v2[g];
            double ux = (tx - z1[g]) / w, uy = (ty - z2[g]) / h, len = Math.hypot(ux, uy);
            double head = Math.min(0.3 * len, 0.012);
            double bx = len > 0 ? -ux / len * head : 0, by = len > 0 ? -uy / len * head : 0;
            int o = g * 9;
            xs[o] = z1[g]; ys[o] = z2[g];
            xs[o + 1] = tx; ys[o + 1] = ty;
            xs[o + 2] = Double.NaN; ys[o + 2] = Double.NaN;
            xs[o + 3] = tx; ys[o + 3] = ty;
            xs[o + 4] = tx + (bx * cos - by * sin) * w; ys[o + 4] = ty + (bx * sin + by * cos) * h;
            xs[o + 5] = Double.NaN; ys[o + 5] = Double.NaN;
            xs[o + 6] = tx; ys[o + 6] = ty;
            xs[o + 7] = tx + (bx * cos + by * sin) * w; ys[o + 7] = ty + (-bx * sin + by * cos) * h;
            xs[o + 8] = Double.NaN; ys[o + 8] = Double.NaN;
        }
        return new double[][] {xs, ys};
    }

    /** x* with (I - A) x* = b, or null when I - A is singular. */
    static double[] fixedPoint(double[] a, double[] b, int dim) {
        DMatrixRMaj m = new DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) m.set(i, j, (i == j ? 1 : 0) - a[i * dim + j]);
        DMatrixRMaj x = new DMatrixRMaj(dim, 1);
        if (!CommonOps_DDRM.solve(m, new DMatrixRMaj(dim, 1, true, b), x)) return null;
        for (int i = 0; i < dim; i++) if (!Double.isFinite(x.get(i))) return null;
        return x.getData();
    }
}
