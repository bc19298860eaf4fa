package classlab.ui.widget;

import classlab.core.figure.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;

/**
 * A {@link ScalarField} drawn under a line chart's series: a Canvas placed first among the chart's
 * plot children and sized to the plot area on each chart layout. The heat map fills each grid cell
 * with the viridis colour of its corner average (field minimum → dark blue, maximum → yellow); contour
 * lines ({@link ContourLines}) are drawn at each level, coloured along viridis by level when alone
 * and in the theme's background colour over a heat map. Segments are computed when the field
 * changes, not on each layout.
 */
final class ScalarFieldLayer extends Canvas {
    /** Highest viridis position for contour lines alone: the last tenth (bright yellow) vanishes on white. */
    private static final double MAX_LINE_SHADE = 0.85;

    private ScalarField field;
    private List<List<double[]>> segments = List.of();
    private ChartTheme theme = ChartTheme.LIGHT;
    /** What the canvas shows: the field and the axes' mapping it was drawn with. */
    private ScalarField drawnField;
    private List<Object> drawn = List.of();

    ScalarFieldLayer() {
        setMouseTransparent(true);
        setManaged(false);
    }

    /**
     * Sets the field (null draws nothing) and traces its contour lines. A field equal to the one set
     * (the same surface sampled again: the optimizer race shows its surface before a run and again as
     * the run starts) keeps the traced lines and the drawn canvas; tracing and drawing them again made
     * the first frame of every race one of its slowest.
     */
    void setField(ScalarField f) {
        if (f == field || same(f, field)) return;
        field = f;
        List<List<double[]>> all = new ArrayList<>();
        if (f != null && f.drawsContours()) for (double level : f.levels()) all.add(ContourLines.segments(f, level));
        segments = all;
    }

    ScalarField field() { return field; }

    /** Whether both fields are set and hold the same grid, values, levels and rendering. */
    static boolean same(ScalarField a, ScalarField b) {
        return a != null && b != null && a.rendering() == b.rendering() && java.util.Arrays.equals(a.xs(), b.xs())
                && java.util.Arrays.equals(a.ys(), b.ys()) && java.util.Arrays.equals(a.levels(), b.levels())
                && java.util.Arrays.deepEquals(a.values(), b.values());
    }

    void setTheme(ChartTheme t) { theme = t; }

    /**
     * Sizes the canvas to the plot area and draws the field in the axes' current ranges.
     * @param plotY maps a data y to the y axis value (log10 on a log axis; NaN hides the point)
     */
    void draw(NumberAxis xa, NumberAxis ya, DoubleUnaryOperator plotY) {
        double w = Math.max(0, Math.floor(xa.getWidth())), h = Math.max(0, Math.floor(ya.getHeight()));
        // The chart lays out its plot again for every point added to a series (the optimizer race adds
        // six per step); redrawing thousands of contour segments each time held the FX thread for
        // hundreds of ms. The canvas keeps what it drew: draw again only when the picture would change.
        List<Object> key = java.util.Arrays.asList(field == null ? 0 : System.identityHashCode(field), w, h, theme,
                xa.getDisplayPosition(0), xa.getDisplayPosition(1), ya.getDisplayPosition(plotY.applyAsDouble(1)),
                ya.getDisplayPosition(plotY.applyAsDouble(2)));
        if (key.equals(drawn) && field == drawnField) return;
        drawn = key;
        drawnField = field;
        if (getWidth() != w) setWidth(w);
        if (getHeight() != h) setHeight(h);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (field == null || w == 0 || h == 0) return;
        double[] xs = field.xs(), ys = field.ys();
        double[] px = new double[xs.length], py = new double[ys.length];
        for (int i = 0; i < xs.length; i++) px[i] = xa.getDisplayPosition(xs[i]);
        for (int j = 0; j < ys.length; j++) py[j] = ya.getDisplayPosition(plotY.applyAsDouble(ys[j]));
        if (field.drawsHeatMap()) drawHeatMap(g, px, py);
        drawContours(g, xa, ya, plotY);
    }

    private void drawHeatMap(GraphicsContext g, double[] px, double[] py) {
        double[][] v = field.values();
        double[] range = field.valueRange();
        double span = range[1] - range[0];
        for (int j = 0; j + 1 < py.length; j++) {
            if (!Double.isFinite(py[j]) || !Double.isFinite(py[j + 1])) continue;
            // Whole-pixel edges shared by neighbours: no seams between cells.
            double y0 = Math.round(Math.min(py[j], py[j + 1])), y1 = Math.round(Math.max(py[j], py[j + 1]));
            for (int i = 0; i + 1 < px.length; i++) {
                double mean = (v[j][i] + v[j][i + 1] + v[j + 1][i] + v[j + 1][i + 1]) / 4;
                if (!Double.isFinite(mean)) continue;
                double x0 = Math.round(px[i]), x1 = Math.round(px[i + 1]);
                g.setFill(ColorMaps.viridis(span > 0 ? (mean - range[0]) / span : 0));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
    }

    private void drawContours(GraphicsContext g, NumberAxis xa, NumberAxis ya, DoubleUnaryOperator plotY) {
        g.setLineWidth(Math.max(1.5, theme.lineWidth() * 0.75));
        int n = segments.size();
        for (int k = 0; k < n; k++) {
            Color c = field.drawsHeatMap() ? theme.background().deriveColor(0, 1, 1, 0.8)
                    : ColorMaps.viridis(n == 1 ? 0 : MAX_LINE_SHADE * k / (n - 1));
            g.setStroke(c);
            g.beginPath();
            for (double[] s : segments.get(k)) {
                double y1 = plotY.applyAsDouble(s[1]), y2 = plotY.applyAsDouble(s[3]);
                if (!Double.isFinite(y1) || !Double.isFinite(y2)) continue;
                g.moveTo(xa.getDisplayPosition(s[0]), ya.getDisplayPosition(y1));
                g.lineTo(xa.getDisplayPosition(s[2]), ya.getDisplayPosition(y2));
            }
            g.stroke();
        }
    }
}
