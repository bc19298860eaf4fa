package classlab.ui.widget;

import classlab.core.figure.FigureSelection;
import classlab.core.figure.GridFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * View of a {@link GridFigure}: each panel's matrix as square coloured cells, {@code columns()}
 * panels per row, caption under each panel, optional row/column labels and cell values (text
 * colour chosen for contrast). Colours are normalised per panel: GREY and HEAT from the panel's
 * minimum to maximum, DIVERGING symmetric around 0, BINARY non-zero vs zero. Captions and row/column
 * labels that are message keys are localised.
 *
 * <p>When the figure is selectable, the cell under the mouse gets an outline and a hand cursor, and a
 * click reports {@code FigureSelection.cell(panel, row, col)} to {@link #setOnSelect}; the last
 * clicked cell keeps an accent outline.
 */
public final class GridFigureView extends FigureView {
    private static final double PAD = 8;
    private static final double GAP = 16;
    private static final double SIN_45 = Math.sqrt(0.5);
    private static final Color DIVERGING_LOW = Color.web("#2166ac");
    private static final Color DIVERGING_MID = Color.web("#f7f7f7");
    private static final Color DIVERGING_HIGH = Color.web("#b2182b");

    private final GridFigure fig;
    private final CanvasPane canvas = new CanvasPane(this::paint, 480, 320);
    private List<GridFigure.Panel> panels = List.of();
    private final List<CellArea> areas = new ArrayList<>();
    private final SelectionSupport selection;
    /** Layout of the last paint: column labels stand slanted at 45° in this much height. */
    private boolean slantedColumnLabels;
    private double slantedLabelSpace;

    /** Where each caption line was drawn in the last paint (x, y, width, height), for layout checks. */
    private final List<javafx.geometry.BoundingBox> captionBoxes = new ArrayList<>();

    /** Where a panel's cells were drawn, for mapping clicks back to (panel, row, col). */
    private record CellArea(int panel, double x, double y, double cell, int rows, int cols) { }

    GridFigureView(GridFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("grid-figure-view");
        setCenter(canvas);
        selection = new SelectionSupport(this, canvas, this::cellAt);
        initialDraw();
    }

    @Override protected void redraw() {
        panels = fig.panels();
        if (panels.isEmpty()) selection.clearSelected();
        canvas.repaint();
    }

    @Override protected void applyLabels() { canvas.repaint(); }

    /** The hint is painted only on an empty canvas: repaint only then. */
    @Override protected void applyEmptyHint() { if (!figure().hasData()) canvas.repaint(); }

    @Override protected void onThemeChanged() { canvas.repaint(); }

    /** The cell at canvas coordinates, or null. */
    FigureSelection cellAt(double x, double y) {
        for (CellArea a : areas) {
            int c = (int) Math.floor((x - a.x()) / a.cell());
            int r = (int) Math.floor((y - a.y()) / a.cell());
            if (x >= a.x() && y >= a.y() && r < a.rows() && c < a.cols()) return FigureSelection.cell(a.panel(), r, c);
        }
        return null;
    }

    /** Canvas coordinates {x, y} of the centre of a cell as last painted, or null if that panel is not drawn. */
    public double[] cellCenter(int panel, int row, int col) {
        for (CellArea a : areas) {
            if (a.panel() == panel) return new double[] {a.x() + (col + 0.5) * a.cell(), a.y() + (row + 0.5) * a.cell()};
        }
        return null;
    }

    CanvasPane canvasPane() { return canvas; }

    /** The caption lines' boxes on the canvas as last painted (layout checks: none may overlap another). */
    public List<javafx.geometry.BoundingBox> captionBoxes() { return List.copyOf(captionBoxes); }

    private void paint(GraphicsContext g, double w, double h) {
        ChartTheme th = theme();
        g.setFill(th.background());
        g.fillRect(0, 0, w, h);
        areas.clear();
        captionBoxes.clear();
        if (panels.isEmpty()) {   // before a run: say how to fill it, not a blank box
            CanvasPane.paintEmptyHint(g, th, emptyHintText(), 0, 0, w, h);
            return;
        }
        Font font = Font.font(th.fontSize());
        double lineH = Math.ceil(th.fontSize() * 1.35);
        if (panels.stream().allMatch(p -> p.values().length == 0)) {
            List<String> lines = new ArrayList<>();
            for (GridFigure.Panel p : panels) lines.addAll(List.of(t(p.caption()).split("\n")));
            CanvasPane.paintCentredLines(g, th, lines, w, h);
            return;
        }
        int maxR = 1, maxC = 1;
        double rowLabelW = 0;
        boolean anyColLabels = false;
        for (GridFigure.Panel p : panels) {
            maxR = Math.max(maxR, p.values().length);
            for (double[] row : p.values()) maxC = Math.max(maxC, row.length);
            if (p.rowLabels() != null) for (String s : p.rowLabels()) rowLabelW = Math.max(rowLabelW, CanvasPane.textWidth(t(s), font) + 6);
            anyColLabels |= p.colLabels() != null;
        }
        // Up to the figure's columns per row, as many as give the largest cells (a tall tile takes
        // five masks as 3 + 2 rather than one thin row).
        Layout layout = null;
        for (int c = Math.max(1, Math.min(fig.columns(), panels.size())); c >= 1; c--) {
            Layout l = layout(c, w, h, maxR, maxC, rowLabelW, anyColLabels, th, font, lineH);
            if (layout == null || l.cell() > layout.cell()) layout = l;
        }
        int cols = layout.cols();
        double cell = layout.cell(), colLabelH = layout.colLabelH(), captionH = layout.captionLines() * lineH;
        int panelRows = (panels.size() + cols - 1) / cols;
        slantedColumnLabels = layout.slantedLabelSpace() > 0;
        slantedLabelSpace = layout.slantedLabelSpace();
        List<List<String>> captions = layout.captions();
        if (cell < 1) return;
        // slanted column labels reach past the last column by up to their height
        double usedW = cols * (rowLabelW + maxC * cell) + GAP * (cols - 1) + (slantedColumnLabels ? colLabelH : 0);
        double usedH = panelRows * (colLabelH + maxR * cell + captionH) + GAP * (panelRows - 1);
        double ox = Math.floor((w - usedW) / 2), oy = Math.floor((h - usedH) / 2);

        for (int i = 0; i < panels.size(); i++) {
            GridFigure.Panel p = panels.get(i);
            double bx = ox + (i % cols) * (rowLabelW + maxC * cell + GAP);
            double by = oy + (i / cols) * (colLabelH + maxR * cell + captionH + GAP);
            int rows = p.values().length;
            int pc = 0;
            for (double[] row : p.values()) pc = Math.max(pc, row.length);
            // Centre smaller matrices in their block.
            double cx = Math.floor(bx + rowLabelW + (maxC - pc) * cell / 2);
            double cy = Math.floor(by + colLabelH + (maxR - rows) * cell / 2);
            drawPanel(g, th, p, cx, cy, cell, rows, pc, font);
            areas.add(new CellArea(i, cx, cy, cell, rows, pc));
            g.setFill(th.foreground());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            // Captions are wrapped to their block (the gap stays between neighbours); a longer word gets a smaller font.
            // One panel per row: its caption may span the canvas (centred with the block), not only the cells.
            double captionW = cols == 1 ? w - 2 * PAD : rowLabelW + maxC * cell;
            double captionX = cols == 1 ? w / 2 : cx + pc * cell / 2;
            List<String> lines = captions.get(i);
            for (int k = 0; k < lines.size(); k++) {
                Font f = CanvasPane.fitted(lines.get(k), font, captionW);
                double textW = Math.min(captionW, CanvasPane.textWidth(lines.get(k), f)), y = by + colLabelH + maxR * cell + 3 + k * lineH;
                g.setFont(f);
                g.fillText(lines.get(k), captionX, y, captionW);
                captionBoxes.add(new javafx.geometry.BoundingBox(captionX - textW / 2, y, textW, f.getSize()));
            }
        }
        paintSelection(g, th);
    }

    /**
     * Panels per row, cell size, column label height, captions wrapped to their width (and the most
     * lines any has), and the height of slanted column labels (0 when they stand horizontally).
     */
    private record Layout(int cols, double cell, double colLabelH, List<List<String>> captions, int captionLines,
                          double slantedLabelSpace) { }

    /** The layout with {@code cols} panels per row in {@code w × h}. */
    private Layout layout(int cols, double w, double h, int maxR, int maxC, double rowLabelW, boolean anyColLabels,
                          ChartTheme th, Font font, double lineH) {
        int panelRows = (panels.size() + cols - 1) / cols;
        double blockW = (w - 2 * PAD - GAP * (cols - 1)) / cols;
        double blockH = (h - 2 * PAD - GAP * (panelRows - 1)) / panelRows;
        double colLabelH = anyColLabels ? lineH : 0;
        double slanted = 0;
        // Captions wrapped at the widest a block allows, then at the width the cells leave (one more pass
        // when that needs more lines).
        List<List<String>> captions = wrapCaptions(blockW, font);
        double cell = 0;
        for (int pass = 0; pass < 2; pass++) {
            double captionH = lines(captions) * lineH;
            cell = Math.floor(Math.min((blockW - rowLabelW) / maxC, (blockH - colLabelH - captionH) / maxR));
            // Column labels wider than a cell (CIFAR class names) stand at 45°, as matplotlib's xticks_rotation=45:
            // about 70 % of the height upright labels took, which the cells of a short tile (1280x800) need.
            if (anyColLabels && widestColumnLabel(labelFont(th, cell)) > cell - 2) {
                // The labels' font follows the cell and their height the font: a few rounds settle both,
                // the last one never leaving the labels less room than they take.
                for (int round = 0; round < 4; round++) {
                    double needed = slantedHeight(labelFont(th, cell), blockH);
                    if (round > 0 && needed <= colLabelH && colLabelH - needed < 2) break;
                    colLabelH = needed;
                    cell = Math.floor(Math.min((blockW - rowLabelW - colLabelH) / maxC, (blockH - colLabelH - captionH) / maxR));
                }
                colLabelH = Math.max(colLabelH, slantedHeight(labelFont(th, cell), blockH));
                slanted = colLabelH - 4;
            }
            if (cols == 1) break;   // a lone column's captions keep the block's width (see paint)
            List<List<String>> narrower = wrapCaptions(rowLabelW + maxC * Math.max(cell, 1), font);
            if (lines(narrower) <= lines(captions)) break;
            captions = narrower;
        }
        return new Layout(cols, cell, colLabelH, captions, lines(captions), slanted);
    }

    /** The height column labels take at 45° in {@code font}: at most 30 % of the block's height {@code blockH}. */
    private double slantedHeight(Font font, double blockH) {
        return Math.min(Math.ceil((widestColumnLabel(font) + font.getSize()) * SIN_45) + 6, Math.floor(blockH * 0.3));
    }

    private static int lines(List<List<String>> captions) {
        int n = 1;
        for (List<String> c : captions) n = Math.max(n, c.size());
        return n;
    }

    /** Each panel's localised caption: its own lines, each broken at spaces to fit {@code width} in {@code font}. */
    private List<List<String>> wrapCaptions(double width, Font font) {
        List<List<String>> out = new ArrayList<>();
        for (GridFigure.Panel p : panels) {
            List<String> lines = new ArrayList<>();
            for (String line : t(p.caption()).split("\n")) lines.addAll(CanvasPane.wrap(line, font, width));
            out.add(lines);
        }
        return out;
    }

    private void drawPanel(GraphicsContext g, ChartTheme th, GridFigure.Panel p, double x, double y, double cell,
                           int rows, int cols, Font font) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : p.values()) for (double v : row) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        Font labelFont = labelFont(th, cell);
        // Counts up to three digits fit half a cell's height across the cell (fillText narrows longer ones).
        double valueSize = Math.min(th.fontSize(), cell * 0.5);
        Font valueFont = Font.font(valueSize);
        boolean values = p.showValues() && valueSize >= 7;
        // Separate cells visually when they are big enough to carry text.
        double inset = p.showValues() && cell >= 12 ? 1 : 0;
        for (int r = 0; r < rows; r++) {
            double[] row = p.values()[r];
            for (int c = 0; c < row.length; c++) {
                Color color = cellColor(th, row[c], min, max);
                g.setFill(color);
                g.fillRect(x + c * cell, y + r * cell, cell - inset, cell - inset);
                if (values) {
                    g.setFill(CanvasPane.contrastingText(color));
                    g.setFont(valueFont);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(cellText(row[c]), x + (c + 0.5) * cell, y + (r + 0.5) * cell, cell - 2);
                }
            }
        }
        g.setFill(th.foreground());
        g.setFont(labelFont);
        if (p.rowLabels() != null) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (int r = 0; r < Math.min(rows, p.rowLabels().length); r++) g.fillText(t(p.rowLabels()[r]), x - 5, y + (r + 0.5) * cell);
        }
        if (p.colLabels() != null && slantedColumnLabels) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            double length = (slantedLabelSpace - labelFont.getSize() * SIN_45) / SIN_45;
            for (int c = 0; c < Math.min(cols, p.colLabels().length); c++) {
                g.save();
                g.translate(x + (c + 0.5) * cell, y - 3);
                g.rotate(-45);
                g.fillText(t(p.colLabels()[c]), 0, 0, Math.max(1, length));
                g.restore();
            }
        } else if (p.colLabels() != null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            for (int c = 0; c < Math.min(cols, p.colLabels().length); c++) g.fillText(t(p.colLabels()[c]), x + (c + 0.5) * cell, y - 2, cell);
        }
    }

    /** Row and column label font for a cell size: the theme's size, smaller for small cells (not below 8 px). */
    private static Font labelFont(ChartTheme th, double cell) {
        return Font.font(Math.min(th.fontSize(), Math.max(8, cell * 0.7)));
    }

    /** Width of the widest localised column label of any panel in {@code font}. */
    private double widestColumnLabel(Font font) {
        double w = 0;
        for (GridFigure.Panel p : panels) if (p.colLabels() != null) for (String s : p.colLabels()) w = Math.max(w, CanvasPane.textWidth(t(s), font));
        return w;
    }

    /** Whether the last paint slanted the column labels (they did not fit a cell). */
    boolean slantedColumnLabels() { return slantedColumnLabels; }

    /** Outlines the last clicked cell (accent) and the cell under the mouse (foreground). */
    private void paintSelection(GraphicsContext g, ChartTheme th) {
        outline(g, selection.selected(), th.seriesColor(0), 3);
        outline(g, selection.hovered(), th.foreground(), 2);
    }

    private void outline(GraphicsContext g, FigureSelection s, Color color, double width) {
        if (s == null) return;
        for (CellArea a : areas) {
            if (a.panel() != s.panel() || s.row() >= a.rows() || s.col() >= a.cols()) continue;
            g.setStroke(color);
            g.setLineWidth(width);
            g.strokeRect(a.x() + s.col() * a.cell() + width / 2, a.y() + s.row() * a.cell() + width / 2,
                    a.cell() - width, a.cell() - width);
        }
    }

    /** Colour of one value under the figure's palette, given the panel's value range. */
    Color cellColor(ChartTheme th, double v, double min, double max) {
        if (!Double.isFinite(v)) return th.grid();
        switch (fig.palette()) {
            case BINARY:
                return v != 0 ? th.seriesColor(0) : th.grid();
            case DIVERGING: {
                double m = Math.max(Math.abs(min), Math.abs(max));
                double t = m == 0 ? 0 : v / m;
                return t < 0 ? DIVERGING_MID.interpolate(DIVERGING_LOW, -t) : DIVERGING_MID.interpolate(DIVERGING_HIGH, t);
            }
            case HEAT: {
                return ColorMaps.viridis(max > min ? (v - min) / (max - min) : 0);
            }
            case GREY:
            default: {
                double t = max > min ? (v - min) / (max - min) : 0;
                return Color.gray(t);
            }
        }
    }

    private static String cellText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
