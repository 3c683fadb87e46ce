package io.ssm4j.cli.figures;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The transition matrix P[i][j] = p(z_{t+1} = j | z_t = i) as a heatmap with each probability written in
 * its cell; row i (the current state) runs top to bottom, column j (the next state) left to right.
 */
public final class TransitionMatrixFigure {
    private TransitionMatrixFigure() {}

    /** @param matrix row-major K x K transition probabilities */
    public static HeatMapChart chart(double[] matrix, int numStates, String title) {
        if (matrix.length != numStates * numStates) {
            throw new IllegalArgumentException("transition matrix must have K*K = " + numStates * numStates
                    + " values, got " + matrix.length);
        }
        int side = Math.max(420, Math.min(900, 120 + 60 * numStates));
        HeatMapChart c = new HeatMapChartBuilder().width(side + 160).height(side).title(title)
                .xAxisTitle("next state z(t+1)").yAxisTitle("current state z(t)").build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setShowValue(numStates <= 12);
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, numStates <= 6 ? 14 : 11));
        c.getStyler().setHeatMapValueDecimalPattern("0.00");
        c.getStyler().setMin(0).setMax(1);
        c.getStyler().setRangeColors(new Color[] {new Color(0xf7fbff), new Color(0x6baed6), new Color(0x08306b)});
        c.getStyler().setPlotContentSize(1.0);
        List<Integer> cols = new ArrayList<>(), rows = new ArrayList<>();
        for (int k = 0; k < numStates; k++) {
            cols.add(k);
            rows.add(numStates - 1 - k); // row 0 on top
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < numStates; i++) {
            for (int j = 0; j < numStates; j++) {
                int yIndex = numStates - 1 - i;
                cells.add(new Number[] {j, yIndex, matrix[i * numStates + j]});
            }
        }
        c.addSeries("p(z(t+1) | z(t))", cols, rows, cells);
        return c;
    }
}
