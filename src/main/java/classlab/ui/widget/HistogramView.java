package classlab.ui.widget;

import classlab.core.figure.HistogramFigure;
import classlab.core.lesson.LessonStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * View of a {@link HistogramFigure}: the distributions overlaid as semi-transparent bars with a
 * solid outline, drawn on a Canvas with {@link ChartTheme} colours, or, for a figure with
 * {@link HistogramFigure#panelColumns() small multiples}, one panel per distribution on shared x and y
 * axes. The legend (overlay) or each panel's caption (small multiples) gives the series' mean and
 * standard deviation.
 */
public final class HistogramView extends FigureView {
    private static final double FILL_OPACITY = 0.35;

    private final HistogramFigure fig;
    private final CanvasPane canvas = new CanvasPane(this::paint, 480, 300);
    private final SwatchLegend legend = new SwatchLegend();
    private Map<String, HistogramFigure.Bins> data = Map.of();
    private List<String> names = List.of();

    HistogramView(HistogramFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("histogram-view");
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

    /** The hint is painted only on an empty canvas: repaint only then. */
    @Override protected void applyEmptyHint() { if (!figure().hasData()) canvas.repaint(); }

    @Override protected void onThemeChanged() {
        rebuildLegend();
        canvas.repaint();
    }

    CanvasPane canvasPane() { return canvas; }

    /** Legend texts, one per series ("name  μ = …  σ = …"). */
    List<String> legendTexts() { return legend.texts(); }

    /** "μ = …, σ = …" of a distribution, both with 3 decimals: series side by side compare digit by digit. */
    private static String stats(HistogramFigure.Bins b) {
        return String.format(java.util.Locale.ROOT, "μ = %.3f, σ = %.3f", b.mean() == 0 ? 0.0 : b.mean(), b.std());
    }

    /** Width of the widest y tick label from 0 to {@code yMax} in steps of {@code yStep} ("0.8" is wider than "1"). */
    private static double yTickWidth(double yMax, double yStep, Font font) {
        double widest = 0;
        for (double y = 0; y <= yMax + yStep / 2; y += yStep) widest = Math.max(widest, CanvasPane.textWidth(NumberFormats.compact(y), font));
        return widest;
    }

    private void rebuildLegend() {
        // Small multiples carry each distribution's name and statistics in its panel caption.
        boolean panels = fig.panelColumns() > 0;
        legend.clear(!panels);
        if (panels) return;
        for (int i = 0; i < names.size(); i++) legend.add(t(names.get(i)) + "   " + stats(data.get(names.get(i))), theme().seriesColor(i));
    }

    private void paint(GraphicsContext g, double w, double h) {
        overflowMarks = 0;
        paintPlots(g, w, h);
        overflowMarksPainted = overflowMarks;
    }

    private void paintPlots(GraphicsContext g, double w, double h) {
        ChartTheme th = theme();
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
        double[] range = {xMin, xMax, yMax};
        int columns = Math.min(fig.panelColumns(), names.size());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) all.add(i);
        // The count axis' title, turned, left of the tick labels (overlay) or of the first column (panels).
        double yTitleW = th.fontSize() * 1.4;
        paintYTitle(g, th, yTitleW, h);
        if (columns == 0) {
            plot(g, th, yTitleW, 0, w - yTitleW, h, all, range, t(fig.xLabelKey()), true);
            return;
        }
        // Small multiples: one panel per distribution on shared axes, captioned with its name and
        // statistics; y tick labels in the first column only, the x label once below.
        Font font = Font.font(th.fontSize());
        Font small = Font.font(Math.max(8, th.fontSize() * 0.85));
        double lineH = th.fontSize() * 1.3;
        double captionH;
        int rows = (names.size() + columns - 1) / columns;
        double panelStep = NumberFormats.niceStep(range[2], 5);
        double yLabelW = yTitleW + yTickWidth(Math.ceil(range[2] / panelStep) * panelStep, panelStep, font) + 14;
        double cw = (w - yLabelW) / columns, ch = (h - lineH - 4) / rows;
        // Narrow panels (a 1280-pixel projector): a caption that does not fit at 80 % of the type size
        // wraps, and "μ = …, σ = …" goes on two lines, instead of running into the next panel's.
        List<List<String>> captions = new ArrayList<>();
        int captionLines = 0;
        for (String n : names) {
            List<String> lines = captionLines(t(n), font, cw - 8);
            HistogramFigure.Bins b = data.get(n);
            String stats = stats(b);
            if (CanvasPane.textWidth(stats, small) * 0.8 <= cw - 4) lines.add(stats);
            else lines.addAll(List.of(stats.split(", ")));
            captions.add(lines);
            captionLines = Math.max(captionLines, lines.size());
        }
        captionH = captionLines * lineH + 2;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < names.size(); i++) {
            boolean first = i % columns == 0;
            double x = first ? yTitleW : yLabelW + (i % columns) * cw, y = (i / columns) * ch;
            double pw = first ? cw + yLabelW - yTitleW : cw;
            double cx = (first ? yLabelW : x) + cw / 2;
            g.setFill(th.foreground());
            List<String> lines = captions.get(i);
            int statsFrom = lines.size() - (lines.get(lines.size() - 1).startsWith("σ") ? 2 : 1);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (int k = 0; k < lines.size(); k++) {
                Font f = k < statsFrom ? font : small;
                g.setFont(CanvasPane.fitted(lines.get(k), f, cw - 4));
                g.fillText(lines.get(k), cx, y + 2 + k * lineH, cw - 4);
            }
            plot(g, th, x, y + captionH, pw, ch - captionH, List.of(i), range, null, first);
        }
        g.setFill(th.foreground());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(t(fig.xLabelKey()), w / 2, h - lineH);
    }

    /**
     * One plot of the distributions {@code series} (indices into {@code names}) in the rectangle
     * {@code (ox, oy, w, h)} on the axes {@code range = {xMin, xMax, yMax}}; {@code xLabel} null omits
     * the axis label, {@code yLabels} false the y tick labels (panels right of the first, same scale).
     */
    private void plot(GraphicsContext g, ChartTheme th, double ox, double oy, double w, double h,
                      List<Integer> series, double[] range, String xLabel, boolean yLabels) {
        Font font = Font.font(th.fontSize());
        double lineH = th.fontSize() * 1.3;
        double xMin = range[0], xMax = range[1];
        double yStep = NumberFormats.niceStep(range[2], 5);
        double yMax = Math.ceil(range[2] / yStep) * yStep;
        double xStep = NumberFormats.niceStep(xMax - xMin, xLabel == null ? 4 : 7);

        double left = ox + (yLabels ? yTickWidth(yMax, yStep, font) + 14 : 0);
        double bottom = (xLabel == null ? 1 : 2) * lineH + 8;
        double top = oy + 8, right = 16;
        double pw = ox + w - left - right, ph = oy + h - top - bottom;
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
            if (yLabels) g.fillText(NumberFormats.compact(y), left - 6, yy);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double labelEnd = Double.NEGATIVE_INFINITY;
        for (double x = Math.ceil(xMin / xStep) * xStep; x <= xMax + xStep * 1e-9; x += xStep) {
            double xx = Math.round(px.applyAsDouble(x)) + 0.5;
            g.setStroke(th.grid());
            g.strokeLine(xx, top, xx, top + ph);
            g.setStroke(th.foreground());
            g.strokeLine(xx, top + ph, xx, top + ph + 4);
            g.setFill(th.foreground());
            // Narrow panels: a label that would touch the previous one is left out.
            String label = NumberFormats.compact(Math.abs(x) < xStep * 1e-9 ? 0 : x);
            double half = CanvasPane.textWidth(label, font) / 2;
            if (xx - half < labelEnd + 4) continue;
            g.fillText(label, xx, top + ph + 5);
            labelEnd = xx + half;
        }
        if (xLabel != null) g.fillText(xLabel, left + pw / 2, top + ph + 5 + lineH);

        // Bars: translucent fill, then a solid step outline so overlaps stay readable.
        for (int i : series) {
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
        // Values off the axis (a fixed range): counted at the edge they fall beyond, never dropped silently.
        Font small = Font.font(Math.max(8, th.fontSize() * 0.8));
        double markY = top + 2;
        for (int i : series) {
            HistogramFigure.Bins b = data.get(names.get(i));
            if (b.above() == 0 && b.below() == 0) continue;
            g.setFill(series.size() > 1 ? th.seriesColor(i) : th.foreground());
            g.setTextBaseline(VPos.TOP);
            if (b.above() > 0) {
                String mark = t(LessonStrings.message("histogram.above", String.format(java.util.Locale.ROOT, "%,d", b.above()), NumberFormats.compact(xMax)));
                g.setFont(CanvasPane.fitted(mark, small, pw - 4));
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(mark, left + pw - 2, markY);
            }
            if (b.below() > 0) {
                String mark = t(LessonStrings.message("histogram.below", String.format(java.util.Locale.ROOT, "%,d", b.below()), NumberFormats.compact(xMin)));
                g.setFont(CanvasPane.fitted(mark, small, pw - 4));
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(mark, left + 2, markY);
            }
            markY += lineH;
            overflowMarks++;
        }
        // Axes on top.
        g.setStroke(th.foreground());
        g.setLineWidth(1);
        g.strokeLine(left + 0.5, top, left + 0.5, top + ph + 0.5);
        g.strokeLine(left, top + ph + 0.5, left + pw, top + ph + 0.5);
        if (data.isEmpty()) CanvasPane.paintEmptyHint(g, th, emptyHintText(), left, top, pw, ph);
        yTickLeft = left;
    }

    /**
     * A panel caption as lines no wider than {@code width}: one line if it fits at 80 % of the type
     * size; else broken after its first comma ("Layer 1," / "active units (> 0)"), each part shrunk
     * when drawn; else wrapped at spaces.
     */
    private static List<String> captionLines(String caption, Font font, double width) {
        if (CanvasPane.textWidth(caption, font) * 0.8 <= width) return new ArrayList<>(List.of(caption));
        int comma = caption.indexOf(", ");
        if (comma > 0 && CanvasPane.textWidth(caption.substring(comma + 2), font) * 0.6 <= width) {
            return new ArrayList<>(List.of(caption.substring(0, comma + 1), caption.substring(comma + 2)));
        }
        return new ArrayList<>(CanvasPane.wrap(caption, font, width));
    }

    private void paintYTitle(GraphicsContext g, ChartTheme th, double width, double h) {
        String title = t(HistogramFigure.Y_LABEL_KEY);
        g.save();
        g.translate(width / 2, h / 2);
        g.rotate(-90);
        g.setFill(th.foreground());
        g.setFont(CanvasPane.fitted(title, Font.font(th.fontSize()), h - 8));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, 0, 0);
        g.restore();
    }

    /** Overflow marks drawn in the last paint (tests). */
    int overflowMarks() { return overflowMarksPainted; }

    private int overflowMarks, overflowMarksPainted;

    /** Left edge of the plot area last painted (tests: the y tick labels fit left of it). */
    double plotLeft() { return yTickLeft; }

    private double yTickLeft;
}
