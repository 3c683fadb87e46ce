package io.ssm4j.cli.figures;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chart as {@code <name>.png} into a folder, and {@code <name>.svg} beside it when asked for with
 * {@code -Dssm4j.svg=true} (SVG of long series is large and slow to write, seconds per figure, so it is
 * opt-in). Rendering is headless: no display is needed or used.
 */
public final class FigureFiles {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final boolean SVG = Boolean.getBoolean("ssm4j.svg") && vectorGraphicsPresent();

    private FigureFiles() {}

    /** Whether SVG files are written beside the PNGs. */
    public static boolean writesSvg() { return SVG; }

    /**
     * Writes {@code chart} into {@code folder} as {@code name.png} (and {@code name.svg}).
     *
     * @return the files written
     */
    public static List<Path> write(IChart chart, Path folder, String name) throws IOException {
        List<Path> written = new ArrayList<>(2);
        Path png = folder.resolve(name + ".png");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        written.add(png);
        if (SVG) {
            Path svg = folder.resolve(name + ".svg");
            try (OutputStream out = Files.newOutputStream(svg)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
            written.add(svg);
        }
        return written;
    }

    private static boolean vectorGraphicsPresent() {
        try {
            Class.forName("de.erichseifert.vectorgraphics2d.VectorGraphics2D", false, FigureFiles.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
