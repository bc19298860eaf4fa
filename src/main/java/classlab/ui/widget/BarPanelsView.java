package classlab.ui.widget;

import classlab.core.figure.BarFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * View of a {@link BarFigure} in {@link BarFigure#panelColumns() small-multiples} mode: one panel per
 * group, captioned with the group's label (several lines allowed), on a shared y axis (the figure's
 * {@link BarFigure#yRange() fixed range}, else 0 … the largest value); y tick labels in the first
 * column, category labels under every panel, the x axis label once below. Bars of the
 * {@link BarFigure#highlightCategory() highlighted category} take the theme's second series colour,
 * the others its first, named in a legend below; without a highlight every bar takes the first.
 * Drawn on a Canvas with {@link ChartTheme} colours, as {@link HistogramView}'s small multiples.
 */
final class BarPanelsView extends FigureView {
    private final BarFigure fig;
    private final CanvasPane canvas = new CanvasPane(this::paint, 640, 300);
    private final SwatchLegend legend = new SwatchLegend();
    private List<String> groups = List.of();
    private List<String> categories = List.of();
    private double[][] values = new double[0][];
    private String highlight;
    /** Left edge of the first panel column and the width of a column, as last painted. */
    private double panelsLeft, columnWidth;
    /** The captions' font size as last painted (the theme's, unless a single word is wider than a panel). */
    private double captionSize;

    BarPanelsView(BarFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("bar-panels-view");
        setCenter(canvas);
        setBottom(legend);
        initialDraw();
    }

    @Override protected void redraw() {
        groups = fig.groups();
        categories = fig.categories();
        values = new double[groups.size()][categories.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int c = 0; c < categories.size(); c++) values[g][c] = fig.value(groups.get(g), categories.get(c));
        }
        highlight = fig.highlightCategory();
        rebuildLegend();
        canvas.repaint();
    }

    @Override protected void applyLabels() {
        rebuildLegend();
        canvas.repaint();
    }

    /** This view paints no empty-chart hint. */
    @Override protected void applyEmptyHint() {}

    @Override protected void onThemeChanged() {
        rebuildLegend();
        canvas.repaint();
    }

    CanvasPane canvasPane() { return canvas; }

    /** Legend texts: the highlighted category's label, then the others' (empty without a highlight). */
    List<String> legendTexts() { return legend.texts(); }

    /** Canvas x range {@code {from, to}} of panel column {@code column}, as last painted. */
    double[] columnSpan(int column) { return new double[] {panelsLeft + column * columnWidth, panelsLeft + (column + 1) * columnWidth}; }

    /** The captions' font size as last painted, in pixels. */
    double captionFontSize() { return captionSize; }

    /** The panels' captions as drawn, one string per panel (lines joined by a line break). */
    List<String> captions() {
        List<String> out = new ArrayList<>();
        for (String g : groups) out.add(t(g));
        return out;
    }

    private void rebuildLegend() {
        boolean on = fig.highlightCategory() != null;
        legend.clear(on);
        if (!on) return;
        legend.add(t(fig.highlightLabel()), theme().seriesColor(1));
        legend.add(t(fig.otherLabel()), theme().seriesColor(0));
    }

    private void paint(GraphicsContext g, double w, double h) {
        ChartTheme th = theme();
        g.setFill(th.background());
        g.fillRect(0, 0, w, h);
        if (groups.isEmpty()) return;
        double[] fixed = fig.yRange();
        double yMin = 0, yMax = 0;
        if (fixed != null) {
            yMin = fixed[0];
            yMax = fixed[1];
        } else {
            for (double[] row : values) for (double v : row) if (Double.isFinite(v)) { yMin = Math.min(yMin, v); yMax = Math.max(yMax, v); }
            if (yMax <= yMin) yMax = yMin + 1;
        }
        Font font = Font.font(th.fontSize());
        double lineH = Math.ceil(th.fontSize() * 1.3);
        int columns = Math.min(fig.panelColumns(), groups.size());
        int rows = (groups.size() + columns - 1) / columns;
        double yStep = NumberFormats.niceStep(yMax - yMin, 6);
        double yLabelW = 0;
        for (double y = Math.ceil(yMin / yStep - 1e-9) * yStep; y <= yMax + yStep * 1e-9; y += yStep) {
            yLabelW = Math.max(yLabelW, CanvasPane.textWidth(NumberFormats.compact(y), font));
        }
        yLabelW += 10 + (fig.yLabelKey().isEmpty() ? 0 : lineH);
        double cw = (w - yLabelW) / columns, ch = (h - lineH - 4) / rows;
        panelsLeft = yLabelW;
        columnWidth = cw;
        // Captions wrap at the panel's width in the theme's type size (a projector's 20 px, not shrunk to
        // 12); one size for every line of every panel, smaller only where a single word does not fit (down to 60 %).
        List<List<String>> captionLines = new ArrayList<>();
        int mostLines = 1;
        captionSize = th.fontSize();
        for (String grp : groups) {
            List<String> lines = new ArrayList<>();
            for (String line : t(grp).split("\n", -1)) lines.addAll(CanvasPane.wrap(line, font, cw - 8));
            for (String line : lines) captionSize = Math.min(captionSize, CanvasPane.fitted(line, font, cw - 8).getSize());
            captionLines.add(lines);
            mostLines = Math.max(mostLines, lines.size());
        }
        Font captionFont = Font.font(captionSize);
        double captionH = mostLines * Math.ceil(captionSize * 1.3) + 4;
        for (int i = 0; i < groups.size(); i++) {
            double x = yLabelW + (i % columns) * cw, y = (i / columns) * ch;
            g.setFill(th.foreground());
            g.setFont(captionFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            List<String> lines = captionLines.get(i);
            for (int l = 0; l < lines.size(); l++) g.fillText(lines.get(l), x + cw / 2, y + 2 + l * Math.ceil(captionSize * 1.3), cw - 4);
            panel(g, th, font, lineH, x, y + captionH, cw, ch - captionH, values[i], yMin, yMax, yStep, i % columns == 0);
        }
        g.setFill(th.foreground());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(t(fig.xLabelKey()), yLabelW + (w - yLabelW) / 2, h - lineH);
        if (!fig.yLabelKey().isEmpty()) {
            // The y axis label runs up the left edge, beside the first column's tick labels.
            g.save();
            g.translate(0, h / 2);
            g.rotate(-90);
            g.setFont(CanvasPane.fitted(t(fig.yLabelKey()), Font.font(th.fontSize() * 0.85), h - 20));
            g.fillText(t(fig.yLabelKey()), 0, 0);
            g.restore();
        }
    }

    /** One panel's plot in {@code (ox, oy, w, h)}: grid, bars, category labels; y tick labels left of it when {@code yLabels}. */
    private void panel(GraphicsContext g, ChartTheme th, Font font, double lineH, double ox, double oy, double w, double h,
                       double[] v, double yMin, double yMax, double yStep, boolean yLabels) {
        double left = ox + 6, top = oy + 4, right = 8, bottom = lineH + 8;
        double pw = w - 6 - right, ph = h - 4 - bottom;
        if (pw <= 10 || ph <= 10) return;
        java.util.function.DoubleUnaryOperator py = y -> top + ph - (y - yMin) / (yMax - yMin) * ph;
        g.setLineWidth(1);
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double y = Math.ceil(yMin / yStep - 1e-9) * yStep; y <= yMax + yStep * 1e-9; y += yStep) {
            double yy = Math.round(py.applyAsDouble(y)) + 0.5;
            g.setStroke(th.grid());
            g.strokeLine(left, yy, left + pw, yy);
            if (yLabels) {
                g.setFill(th.foreground());
                g.fillText(NumberFormats.compact(Math.abs(y) < yStep * 1e-9 ? 0 : y), left - 8, yy);
            }
        }
        int n = categories.size();
        double slot = pw / Math.max(1, n), barW = slot * 0.8;
        double base = py.applyAsDouble(Math.max(yMin, Math.min(yMax, 0)));
        Color other = th.seriesColor(0), accent = th.seriesColor(1);
        for (int c = 0; c < n; c++) {
            if (!Double.isFinite(v[c])) continue;
            double xc = left + slot * (c + 0.5);
            double yv = py.applyAsDouble(Math.max(yMin, Math.min(yMax, v[c])));
            g.setFill(categories.get(c).equals(highlight) ? accent : other);
            g.fillRect(xc - barW / 2, Math.min(yv, base), barW, Math.abs(base - yv));
            g.setStroke(th.foreground());
            g.strokeRect(xc - barW / 2, Math.min(yv, base), barW, Math.abs(base - yv));
        }
        g.setFill(th.foreground());
        categoryLabels(g, font, left, slot, top + ph + 4);
        g.setStroke(th.foreground());
        g.strokeLine(left + 0.5, top, left + 0.5, top + ph + 0.5);
        g.strokeLine(left, top + ph + 0.5, left + pw, top + ph + 0.5);
    }

    /** Type size of the category labels last drawn (tests: they follow the theme). */
    double categoryFontSize() { return categorySize; }

    private double categorySize;
    /** Category labels shrink at most to this share of the theme's size; then some are left out instead. */
    static final double MIN_CATEGORY_SHARE = 0.85;

    /**
     * Category labels under the bars at {@code y}: shrunk (down to {@link #MIN_CATEGORY_SHARE}, a
     * projector's class digits stay projector-sized) until neighbours do not touch;
     * if they still do, the highlighted category's label is kept and the others that would touch a
     * label already drawn are left out (many classes in a narrow panel).
     */
    private void categoryLabels(GraphicsContext g, Font font, double left, double slot, double y) {
        int n = categories.size();
        double widest = 0;
        for (String c : categories) widest = Math.max(widest, CanvasPane.textWidth(t(c), font));
        Font f = widest + 3 <= slot ? font : Font.font(Math.max(font.getSize() * MIN_CATEGORY_SHARE, Math.floor(font.getSize() * (slot - 3) / widest)));
        categorySize = f.getSize();
        List<Integer> order = new ArrayList<>();
        int h = categories.indexOf(highlight);
        if (h >= 0) order.add(h);
        for (int c = 0; c < n; c++) if (c != h) order.add(c);
        List<double[]> drawn = new ArrayList<>();
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c : order) {
            String label = t(categories.get(c));
            double xc = left + slot * (c + 0.5), half = CanvasPane.textWidth(label, f) / 2;
            boolean touches = false;
            for (double[] d : drawn) touches |= xc - half < d[1] + 3 && xc + half > d[0] - 3;
            if (touches) continue;
            g.fillText(label, xc, y);
            drawn.add(new double[] {xc - half, xc + half});
        }
    }
}
