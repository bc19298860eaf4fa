package classlab.ui.widget;

import classlab.core.figure.HistogramFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * View of a {@link HistogramFigure}: the distributions overlaid as semi-transparent bars with a
 * solid outline, drawn on a Canvas with {@link ChartTheme} colours. The legend gives each
 * series' mean and standard deviation.
 */
public final class HistogramView extends FigureView {
    private static final double FILL_OPACITY = 0.35;

    private final HistogramFigure fig;
    private final CanvasPane canvas = new CanvasPane(this::paint, 480, 300);
    private final FlowPane legend = new FlowPane();
    private Map<String, HistogramFigure.Bins> data = Map.of();
    private List<String> names = List.of();

    HistogramView(HistogramFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("histogram-view");
        legend.getStyleClass().add("figure-legend");
        setCenter(canvas);
        setBottom(legend);
        initialDraw();
    }

    @Override protected void redraw() {
        data = fig.all();
        names = new ArrayList<>(data.keySet());
        rebuildLegend();
        canvas.repaint();
    }

    @Override protected void applyLabels() {
        rebuildLegend();
        canvas.repaint();
    }

    @Override protected void onThemeChanged() {
        rebuildLegend();
        canvas.repaint();
    }

    /** Legend texts, one per series ("name  μ = …  σ = …"). */
    List<String> legendTexts() {
        List<String> out = new ArrayList<>();
        for (javafx.scene.Node n : legend.getChildren()) out.add(((Label) n).getText());
        return out;
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        for (int i = 0; i < names.size(); i++) {
            HistogramFigure.Bins b = data.get(names.get(i));
            Region swatch = new Region();
            swatch.getStyleClass().add("figure-legend-swatch");
            swatch.setStyle("-fx-background-color: " + CanvasPane.web(theme().seriesColor(i)) + ";");
            Label item = new Label(t(names.get(i)) + "   μ = " + NumberFormats.compact(b.mean())
                    + ", σ = " + NumberFormats.compact(b.std()), swatch);
            item.getStyleClass().add("figure-legend-item");
            legend.getChildren().add(item);
        }
    }

    private void paint(GraphicsContext g, double w, double h) {
        ChartTheme th = theme();
        Font font = Font.font(th.fontSize());
        double lineH = th.fontSize() * 1.3;
        g.setFill(th.background());
        g.fillRect(0, 0, w, h);

        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMax = 0;
        for (HistogramFigure.Bins b : data.values()) {
            xMin = Math.min(xMin, b.edges()[0]);
            xMax = Math.max(xMax, b.edges()[b.edges().length - 1]);
            for (double c : b.counts()) yMax = Math.max(yMax, c);
        }
        if (!Double.isFinite(xMin)) { xMin = 0; xMax = 1; }
        if (yMax <= 0) yMax = 1;
        double yStep = NumberFormats.niceStep(yMax, 5);
        yMax = Math.ceil(yMax / yStep) * yStep;
        double xStep = NumberFormats.niceStep(xMax - xMin, 7);

        double left = CanvasPane.textWidth(NumberFormats.compact(yMax), font) + 14;
        double bottom = 2 * lineH + 8;
        double top = 8, right = 16;
        double pw = w - left - right, ph = h - top - bottom;
        if (pw <= 10 || ph <= 10) return;
        final double x0 = xMin, xSpan = xMax - xMin, yTop = yMax;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / xSpan * pw;
        java.util.function.DoubleUnaryOperator py = v -> top + ph - v / yTop * ph;

        // Grid and ticks.
        g.setFont(font);
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double y = 0; y <= yMax + yStep / 2; y += yStep) {
            double yy = Math.round(py.applyAsDouble(y)) + 0.5;
            g.setStroke(th.grid());
            g.strokeLine(left, yy, left + pw, yy);
            g.setFill(th.foreground());
            g.fillText(NumberFormats.compact(y), left - 6, yy);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double x = Math.ceil(xMin / xStep) * xStep; x <= xMax + xStep * 1e-9; x += xStep) {
            double xx = Math.round(px.applyAsDouble(x)) + 0.5;
            g.setStroke(th.grid());
            g.strokeLine(xx, top, xx, top + ph);
            g.setStroke(th.foreground());
            g.strokeLine(xx, top + ph, xx, top + ph + 4);
            g.setFill(th.foreground());
            g.fillText(NumberFormats.compact(Math.abs(x) < xStep * 1e-9 ? 0 : x), xx, top + ph + 5);
        }
        g.fillText(t(fig.xLabelKey()), left + pw / 2, top + ph + 5 + lineH);

        // Bars: translucent fill, then a solid step outline so overlaps stay readable.
        for (int i = 0; i < names.size(); i++) {
            HistogramFigure.Bins b = data.get(names.get(i));
            Color c = th.seriesColor(i);
            g.setFill(c.deriveColor(0, 1, 1, FILL_OPACITY));
            for (int k = 0; k < b.counts().length; k++) {
                double xa = px.applyAsDouble(b.edges()[k]), xb = px.applyAsDouble(b.edges()[k + 1]);
                double yc = py.applyAsDouble(b.counts()[k]);
                g.fillRect(xa, yc, xb - xa, top + ph - yc);
            }
            g.setStroke(c);
            g.setLineWidth(Math.max(1, th.lineWidth() * 0.75));
            g.beginPath();
            g.moveTo(px.applyAsDouble(b.edges()[0]), top + ph);
            for (int k = 0; k < b.counts().length; k++) {
                double yc = py.applyAsDouble(b.counts()[k]);
                g.lineTo(px.applyAsDouble(b.edges()[k]), yc);
                g.lineTo(px.applyAsDouble(b.edges()[k + 1]), yc);
            }
            g.lineTo(px.applyAsDouble(b.edges()[b.edges().length - 1]), top + ph);
            g.stroke();
        }
        // Axes on top.
        g.setStroke(th.foreground());
        g.setLineWidth(1);
        g.strokeLine(left + 0.5, top, left + 0.5, top + ph + 0.5);
        g.strokeLine(left, top + ph + 0.5, left + pw, top + ph + 0.5);
    }
}
