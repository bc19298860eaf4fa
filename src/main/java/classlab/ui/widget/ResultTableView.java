package classlab.ui.widget;

import classlab.core.figure.ResultTable;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * View of a {@link ResultTable}: a TableView with localised column headers; numbers are right
 * aligned with 4 decimals (integer types without decimals, see {@link NumberFormats#tableCell}).
 * Its preferred height fits its rows (fixed row height {@code -fx-fixed-cell-size} from
 * {@code charts.css}, in em so it follows the theme's font): no empty rows below the data, in the
 * pane and in exported PNGs.
 */
public final class ResultTableView extends FigureView {
    /** A text column (row names, notes) is never narrower than its longest entry, up to this many em. */
    private static final double TEXT_COLUMN_MAX_EM = 16;
    private final ResultTable fig;
    private final TableView<List<Object>> table = new FittedTable(this::fitTextColumns);
    /** The rows or labels changed: the text columns' widths are measured again at the next layout. */
    private boolean textColumnsDirty = true;

    /**
     * A table whose preferred height is its header plus its rows (at least one, for the placeholder);
     * before laying out, {@code beforeLayout} may set column widths (the font is known then).
     */
    private static final class FittedTable extends TableView<List<Object>> {
        private final Runnable beforeLayout;

        FittedTable(Runnable beforeLayout) { this.beforeLayout = beforeLayout; }

        @Override protected void layoutChildren() {
            beforeLayout.run();
            super.layoutChildren();
        }

        @Override protected double computePrefHeight(double width) {
            double cell = getFixedCellSize();
            if (!(cell > 0)) return super.computePrefHeight(width);
            javafx.scene.Node header = lookup(".column-header-background");
            double headerHeight = header == null ? cell : header.prefHeight(-1);
            return snappedTopInset() + headerHeight + Math.max(1, getItems().size()) * cell + snappedBottomInset() + 1;
        }
    }

    ResultTableView(ResultTable figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("result-table-view");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setMinSize(0, 0);
        for (int i = 0; i < figure.columnKeys().size(); i++) {
            final int col = i;
            TableColumn<List<Object>, Object> c = new TableColumn<>();
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(col < cd.getValue().size() ? cd.getValue().get(col) : null));
            c.setCellFactory(tc -> new TableCell<>() {
                @Override protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    // Text cells may be message keys (for example "cell.gpu_absent"); unknown keys show as written.
                    setText(empty ? null : item instanceof String key ? t(key) : NumberFormats.tableCell(item));
                    getStyleClass().remove("numeric-cell");
                    if (!empty && item instanceof Number) getStyleClass().add("numeric-cell");
                    // Row names can be longer than a projector-sized column: the whole name on hover.
                    setTooltip(!empty && item instanceof String ? new javafx.scene.control.Tooltip(getText()) : null);
                }
            });
            c.widthProperty().addListener((o, a, b) -> wrapHeader(col));
            table.getColumns().add(c);
        }
        setCenter(table);
        initialDraw();
    }

    @Override protected void redraw() {
        table.getItems().setAll(fig.rows());
        textColumnsDirty = true;
        table.requestLayout();
    }

    /**
     * Gives each column holding text (row names such as "Momentum" or "기본 (정규화 없음)", notes) a
     * minimum width of its longest entry, at most {@value #TEXT_COLUMN_MAX_EM} em: in a narrow projector
     * tile the number columns share what is left, and a name is not cut to "Mom...". Runs before
     * layout, once the header's font is known.
     */
    private void fitTextColumns() {
        if (!textColumnsDirty) return;
        javafx.scene.Node label = table.lookup(".column-header .label");
        if (!(label instanceof javafx.scene.control.Labeled l)) return;
        textColumnsDirty = false;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(l.getFont());
        double padding = 2 * l.getFont().getSize();
        for (int i = 0; i < fig.columnKeys().size(); i++) {
            double widest = 0;
            for (List<Object> row : fig.rows()) {
                if (i < row.size() && row.get(i) instanceof String key) {
                    probe.setText(t(key));
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth() + padding);
                }
            }
            if (widest > 0) table.getColumns().get(i).setMinWidth(Math.min(widest, l.getFont().getSize() * TEXT_COLUMN_MAX_EM));
        }
    }

    @Override protected void applyLabels() {
        // JavaFX's own placeholder is English ("No content in table")
        table.setPlaceholder(new javafx.scene.control.Label(t("table.empty")));
        textColumnsDirty = true;
        for (int i = 0; i < fig.columnKeys().size(); i++) wrapHeader(i);
    }

    /**
     * Sets column {@code i}'s header, broken at spaces onto more lines where the column is narrower
     * than the name: a header grows by whole lines (its height follows explicit line breaks, not
     * wrapping), so long names stay readable in narrow projector tiles instead of ending in "…".
     */
    private void wrapHeader(int i) {
        TableColumn<List<Object>, ?> c = table.getColumns().get(i);
        String full = t(fig.columnKeys().get(i));
        javafx.scene.Node label = table.lookup(".column-header .label");
        double width = c.getWidth() - 12;
        if (!(label instanceof javafx.scene.control.Labeled l) || width <= 0) {
            c.setText(full);
            return;
        }
        c.setText(String.join("\n", CanvasPane.wrap(full, l.getFont(), width)));
    }

    TableView<List<Object>> table() { return table; }
}
