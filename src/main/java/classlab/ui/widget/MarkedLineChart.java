package classlab.ui.widget;

import classlab.core.figure.LineFigure;
import classlab.core.figure.ScalarField;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;

/**
 * A LineChart that also draws vertical markers, horizontal levels and the chance diagonal as plot
 * children, positioned in {@link #layoutPlotChildren()} so they follow resizing and range changes,
 * and optionally a {@link ScalarFieldLayer} under the series.
 */
final class MarkedLineChart extends LineChart<Number, Number> {
    private final PlotDecorations decorations = new PlotDecorations(getPlotChildren());
    private final EmptyHint emptyHint = new EmptyHint(getPlotChildren(), this::requestChartLayout);
    private Line diagonal;
    private ScalarFieldLayer fieldLayer;
    private DoubleUnaryOperator fieldPlotY = y -> y;
    /** What {@link #setDecorations} last drew (diagonal, marker and level values and texts), or null. */
    private List<Object> decorationsDrawn;

    MarkedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        // Draw in data order like matplotlib (ROC curves, parametric curves), not sorted by x.
        setAxisSortingPolicy(SortingPolicy.NONE);
    }

    /**
     * Replaces markers, levels and diagonal.
     * @param plotY maps a level's data value to the plot value (log10 on a log axis; NaN skips it)
     */
    void setDecorations(List<LineFigure.Marker> markers, List<LineFigure.Level> levels, boolean showDiagonal,
                        Function<String, String> text, DoubleUnaryOperator plotY) {
        // Every redraw passes them again: recreating the same lines and labels each time cost a CSS pass per frame.
        List<Object> drawn = new java.util.ArrayList<>();
        drawn.add(showDiagonal);
        for (LineFigure.Marker m : markers) drawn.addAll(List.of(m.x(), text.apply(m.labelKey())));
        for (LineFigure.Level l : levels) drawn.addAll(List.of(plotY.applyAsDouble(l.y()), l.y(), text.apply(l.labelKey())));
        if (drawn.equals(decorationsDrawn)) return;
        decorationsDrawn = drawn;
        if (!showDiagonal && diagonal != null) {
            getPlotChildren().remove(diagonal);
            diagonal = null;
        }
        if (showDiagonal && diagonal == null) {
            diagonal = new Line();
            diagonal.getStyleClass().add("figure-diagonal-line");
            diagonal.setMouseTransparent(true);
            getPlotChildren().add(diagonal);
        }
        List<PlotDecorations.Spec> specs = new java.util.ArrayList<>();
        for (LineFigure.Marker m : markers) {
            specs.add(PlotDecorations.Spec.marker(m.x(), text.apply(m.labelKey()) + " = " + NumberFormats.compact(m.x())));
        }
        for (LineFigure.Level l : levels) {
            double y = plotY.applyAsDouble(l.y());
            if (Double.isFinite(y)) specs.add(PlotDecorations.Spec.level(y, text.apply(l.labelKey()) + " = " + NumberFormats.compact(l.y())));
        }
        decorations.set(specs);
        requestChartLayout();
    }

    /**
     * Draws {@code field} under the series (null removes it).
     * @param plotY maps a data y to the axis value (log10 on a log axis)
     */
    void setBackgroundField(ScalarField field, ChartTheme theme, DoubleUnaryOperator plotY) {
        if (field == null && fieldLayer == null) return;
        if (fieldLayer == null) {
            fieldLayer = new ScalarFieldLayer();
            getPlotChildren().add(0, fieldLayer);
        }
        fieldLayer.setField(field);
        fieldLayer.setTheme(theme);
        fieldPlotY = plotY;
        requestChartLayout();
    }

    /** The background layer, or null if no field was ever set. */
    ScalarFieldLayer fieldLayer() { return fieldLayer; }

    /** Marker and level label texts currently drawn. */
    List<String> decorationLabels() { return decorations.labels(); }

    boolean hasDiagonal() { return diagonal != null; }

    /** The "press Run" hint shown inside the plot area while the figure has nothing to draw. */
    EmptyHint emptyHint() { return emptyHint; }

    /**
     * Builds no legend: the figure view draws its own ({@code setLegendVisible(false)}), and XYChart
     * would otherwise make new, hidden legend labels each time a series is added, removed or renamed
     * (roc's curves carry their AUC in their names): new labels get their skins in the CSS pass, the
     * skins' text asks for one more pulse, and that pulse, with nothing to draw, repaints the whole
     * window.
     */
    @Override protected void updateLegend() { }

    @Override protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis xa = (NumberAxis) getXAxis();
        NumberAxis ya = (NumberAxis) getYAxis();
        if (diagonal != null) {
            double lo = Math.max(xa.getLowerBound(), ya.getLowerBound());
            double hi = Math.min(xa.getUpperBound(), ya.getUpperBound());
            diagonal.setVisible(hi > lo);
            diagonal.setStartX(xa.getDisplayPosition(lo));
            diagonal.setStartY(ya.getDisplayPosition(lo));
            diagonal.setEndX(xa.getDisplayPosition(hi));
            diagonal.setEndY(ya.getDisplayPosition(hi));
        }
        decorations.layout(xa, ya, xa.getWidth(), ya.getHeight());
        if (fieldLayer != null) fieldLayer.draw(xa, ya, fieldPlotY);
        emptyHint.layout(xa.getWidth(), ya.getHeight(), diagonal != null);
    }
}
