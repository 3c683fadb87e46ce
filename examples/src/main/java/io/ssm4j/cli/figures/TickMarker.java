package io.ssm4j.cli.figures;

import org.knowm.xchart.style.markers.Marker;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/** A vertical tick as tall as the marker size, centred on the point: the mark of a spike raster. */
final class TickMarker extends Marker {
    private static final BasicStroke STROKE = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        g.setStroke(STROKE);
        g.draw(new Line2D.Double(x, y - size / 2.0, x, y + size / 2.0));
    }
}
