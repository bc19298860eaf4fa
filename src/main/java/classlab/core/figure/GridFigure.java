package classlab.core.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One or more matrices drawn as coloured cells side by side: dropout masks, confusion matrices,
 * CNN filters and feature maps, MNIST digits. Each panel has its own caption (shown verbatim,
 * since captions carry live numbers such as "p=0.5, active 49.8 %", unless they are message keys
 * or deferred messages). Row and column labels are also shown verbatim unless they are keys.
 *
 * <p>A grid made {@link #selectable(boolean) selectable} reports clicks on its cells to
 * {@code LessonModel.select(id(), FigureSelection.cell(panel, row, col))}: a confusion-matrix cell
 * (row = true class, column = predicted class, as sklearn's {@code confusion_matrix}) can open the
 * images it counts in an {@link ImageGridFigure}.
 */
public final class GridFigure extends Figure {
    public enum Palette { GREY, BINARY, HEAT, DIVERGING }

    /**
     * A matrix panel. {@code rowLabels}/{@code colLabels} may be null; {@code showValues}
     * prints each cell's value (confusion matrices).
     */
    public record Panel(String caption, double[][] values, String[] rowLabels, String[] colLabels, boolean showValues) {
        public Panel(String caption, double[][] values) { this(caption, values, null, null, false); }
    }

    private final Palette palette;
    private final int columns;
    private final List<Panel> panels = new ArrayList<>();
    private volatile boolean selectable;

    /** @param columns panels per row in the layout */
    public GridFigure(String id, String titleKey, Palette palette, int columns) {
        super(id, titleKey);
        this.palette = palette;
        this.columns = columns;
    }

    /**
     * Makes the cells clickable (a hand cursor and hover outline in the view; each click reaches
     * {@code LessonModel.select}). Configuration: kept by {@link #clear()}.
     */
    public GridFigure selectable(boolean on) { selectable = on; changed(); return this; }

    @Override public boolean isSelectable() { return selectable; }

    /** A tile of its own ({@link Figure#isLarge}): for a matrix whose cell values are read from across a classroom. */
    public GridFigure large(boolean on) { setLarge(on); return this; }

    public Palette palette() { return palette; }
    public int columns() { return columns; }

    public void setPanels(List<Panel> newPanels) {
        synchronized (this) { panels.clear(); panels.addAll(newPanels); }
        changed();
    }

    public synchronized List<Panel> panels() { return new ArrayList<>(panels); }

    /**
     * Whether some panel has cells: panels that are only a caption (a lesson's note that there is nothing to show,
     * such as no Dropout mask in a configuration without Dropout) are not data, and exports skip them.
     */
    @Override public synchronized boolean hasData() {
        for (Panel p : panels) if (p.values().length > 0) return true;
        return false;
    }

    /** Title, and captions and row/column labels that are keys or deferred messages. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        for (Panel p : panels) {
            addLabelKeys(keys, p.caption());
            if (p.rowLabels() != null) for (String s : p.rowLabels()) addLabelKeys(keys, s);
            if (p.colLabels() != null) for (String s : p.colLabels()) addLabelKeys(keys, s);
        }
        return keys;
    }

    @Override public void clear() { synchronized (this) { panels.clear(); } changed(); }

    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("panel,row,col,value\n");
        for (Panel p : panels) {
            for (int r = 0; r < p.values().length; r++) {
                for (int c = 0; c < p.values()[r].length; c++) {
                    sb.append(csvCell(p.caption())).append(',').append(r).append(',').append(c).append(',')
                      .append(p.values()[r][c]).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
