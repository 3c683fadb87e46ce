package io.ssm4j.cli.figures;

/**
 * The square region of a 2-D plot around a set of points: both axes span the same length (the larger extent of
 * the points plus a margin), so distances and angles in the data look true on a near-square plot.
 */
record PlaneBox(double xMin, double xMax, double yMin, double yMax) {
    /** The box around points {@code (p[t * stride + i], p[t * stride + j])}, padded by {@code pad} of the span. */
    static PlaneBox around(double[] p, int stride, int i, int j, double pad) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int t = 0; t < p.length / stride; t++) {
            x0 = Math.min(x0, p[t * stride + i]);
            x1 = Math.max(x1, p[t * stride + i]);
            y0 = Math.min(y0, p[t * stride + j]);
            y1 = Math.max(y1, p[t * stride + j]);
        }
        double half = 0.5 * Math.max(Math.max(x1 - x0, y1 - y0), 1e-9) * (1 + 2 * pad);
        double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
        return new PlaneBox(cx - half, cx + half, cy - half, cy + half);
    }

    double width() { return xMax - xMin; }

    double height() { return yMax - yMin; }

    void applyTo(org.knowm.xchart.style.XYStyler s) {
        s.setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
    }
}
