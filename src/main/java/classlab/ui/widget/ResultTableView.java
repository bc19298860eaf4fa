package classlab.ui.widget;

import classlab.core.figure.ResultTable;
import java.util.List;
import java.util.function.Function;
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
    /** Lines a row may take when a text (a sentence) is wider than its column. */
    private static final int MAX_ROW_LINES = 4;
    private final ResultTable fig;
    private final TableView<List<Object>> table = new FittedTable(this::fitColumns);
    /** The rows, labels or column widths changed: columns and rows are fitted again at the next layout. */
    private boolean columnsDirty = true;
    /** The row height of charts.css ({@code -fx-fixed-cell-size}), kept while a taller one is set inline. */
    private double singleLineRow;

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

    /**
     * One row of the table, kept while only its values change (a live table: each step of the
     * optimizer race). Its values are properties that the cells observe, so an update redraws the
     * cells whose value changed and nothing else. Replaced row objects (items.setAll, or set) made
     * JavaFX's TableViewSkinBase rebuild every cell of the table's VirtualFlow at each update, CSS
     * included: the largest part of the JavaFX thread's work while the race ran.
     */
    private static final class LiveRow extends java.util.AbstractList<Object> {
        private final List<javafx.beans.property.ObjectProperty<Object>> values;

        LiveRow(List<Object> row, int columns) {
            values = new java.util.ArrayList<>(columns);
            for (int i = 0; i < columns; i++) values.add(new javafx.beans.property.SimpleObjectProperty<>());
            show(row);
        }

        /** Shows {@code row}'s values (missing ones as empty cells); an unchanged value notifies no cell. */
        void show(List<Object> row) {
            for (int i = 0; i < values.size(); i++) {
                Object v = i < row.size() ? row.get(i) : null;
                if (!java.util.Objects.equals(v, values.get(i).get())) values.get(i).set(v);
            }
        }

        javafx.beans.property.ObjectProperty<Object> value(int column) { return values.get(column); }

        @Override public Object get(int index) { return values.get(index).get(); }

        @Override public int size() { return values.size(); }

        // The same row object whatever it holds: the table finds its rows (focus, selection) by identity.
        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    /** {@link #scientificColumns} when the rows were made: a cell formats its number when its value changes. */
    private boolean[] formatsShown = new boolean[0];

    /** Columns in which some value needs an exponent: all their numbers are written with one. */
    private boolean[] scientificColumns = new boolean[0];

    private boolean scientific(int column) { return column < scientificColumns.length && scientificColumns[column]; }

    ResultTableView(ResultTable figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("result-table-view");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setMinSize(0, 0);
        table.widthProperty().addListener((o, a, b) -> columnsDirty = true);   // what the text columns may take
        for (int i = 0; i < figure.columnKeys().size(); i++) {
            final int col = i;
            TableColumn<List<Object>, Object> c = new TableColumn<>();
            c.setCellValueFactory(cd -> ((LiveRow) cd.getValue()).value(col));   // a LiveRow has a value per column
            c.setCellFactory(tc -> new TableCell<>() {
                /**
                 * This cell's tooltip, made once: a Tooltip is a popup window with its own scene and CSS, and
                 * the table's VirtualFlow moves cells between rows (and through its measuring cell) at every
                 * layout of a live table. Cell updates, new tooltips among them, were a fifth of the JavaFX
                 * thread's samples while the optimizer race ran (bench/fx-sampler scratch, ed975ee^).
                 */
                private javafx.scene.control.Tooltip nameTip;

                @Override protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    // Text cells may be message keys (for example "cell.gpu_absent"); unknown keys show as written.
                    setText(empty ? null : item instanceof String key ? t(key) : NumberFormats.tableCell(item, scientific(col)));
                    // Style classes change only when the kind of cell does: a class removed and added back at
                    // every update (a live table, each step of the optimizer race) re-ran CSS on every cell.
                    // An empty cell shows nothing and keeps its kind: the VirtualFlow's measuring cell goes
                    // from a row to empty at every layout, and each switch re-ran CSS on it.
                    if (!empty) {
                        boolean numeric = item instanceof Number;
                        if (numeric != getStyleClass().contains("numeric-cell")) {
                            if (numeric) getStyleClass().add("numeric-cell"); else getStyleClass().remove("numeric-cell");
                        }
                        setWrapText(item instanceof String);   // a sentence wraps in a taller row (fitColumns)
                    }
                    // Row names can be longer than a projector-sized column: the whole name on hover.
                    if (empty || !(item instanceof String)) {
                        if (getTooltip() != null) setTooltip(null);
                    } else {
                        if (nameTip == null) nameTip = new javafx.scene.control.Tooltip();
                        nameTip.setText(getText());
                        if (getTooltip() != nameTip) setTooltip(nameTip);
                    }
                }
            });
            c.widthProperty().addListener((o, a, b) -> {
                wrapHeader(col);
                columnsDirty = true;
                table.requestLayout();
            });
            table.getColumns().add(c);
        }
        setCenter(table);
        // A tile taller than the rows (a one-row table in a 160 px tile) leaves space below, not empty striped rows.
        table.setMaxHeight(USE_PREF_SIZE);
        setAlignment(table, javafx.geometry.Pos.TOP_CENTER);
        initialDraw();
    }

    @Override protected void redraw() {
        List<List<Object>> rows = fig.rows();
        scientificColumns = new boolean[fig.columnKeys().size()];
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size() && i < scientificColumns.length; i++) {
                Object v = row.get(i);
                if (v instanceof Double || v instanceof Float) scientificColumns[i] |= NumberFormats.needsExponent(((Number) v).doubleValue());
            }
        }
        javafx.collections.ObservableList<List<Object>> items = table.getItems();
        if (items.size() == rows.size() && java.util.Arrays.equals(formatsShown, scientificColumns)) {
            for (int i = 0; i < rows.size(); i++) ((LiveRow) items.get(i)).show(rows.get(i));
        } else {
            List<List<Object>> live = new java.util.ArrayList<>(rows.size());
            for (List<Object> row : rows) live.add(new LiveRow(row, fig.columnKeys().size()));
            items.setAll(live);
            formatsShown = scientificColumns;
        }
        columnsDirty = true;
        table.requestLayout();
    }

    /**
     * Fits columns and rows to what they hold, before layout once the header's font is known. Each
     * column is at least as wide as its widest number and its header's longest word, and a column holding text (row names such as
     * "Momentum" or "기본 (정규화 없음)", notes) as its longest entry up to {@value #TEXT_COLUMN_MAX_EM}
     * em, as far as the table's width allows beside the numbers: in a projector tile a name is not cut
     * to "Mom..." and no column is pushed out of the table. A longer text (a sentence) wraps: every row gets as many lines as the longest needs
     * (at most {@value #MAX_ROW_LINES}), still one fixed row height, so the table stays as tall as its rows.
     */
    private void fitColumns() {
        if (!columnsDirty) return;
        javafx.scene.Node label = table.lookup(".column-header .label");
        if (!(label instanceof javafx.scene.control.Labeled l)) return;
        columnsDirty = false;
        javafx.scene.text.Font font = l.getFont();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        double padding = font.getSize();
        int columns = fig.columnKeys().size();
        double[] textMin = new double[columns], numberMin = new double[columns];
        int lines = 1;
        for (int i = 0; i < columns; i++) {
            TableColumn<List<Object>, ?> column = table.getColumns().get(i);
            // a header wraps at spaces, but its longest word must fit (cifar's "에폭" read "...")
            for (String word : t(fig.columnKeys().get(i)).split("\\s+")) {
                probe.setText(word);
                numberMin[i] = Math.max(numberMin[i], probe.getLayoutBounds().getWidth() + padding);
            }
            for (List<Object> row : fig.rows()) {
                if (i >= row.size() || row.get(i) == null) continue;
                boolean text = row.get(i) instanceof String;
                probe.setText(text ? t((String) row.get(i)) : NumberFormats.tableCell(row.get(i), scientific(i)));
                double w = probe.getLayoutBounds().getWidth() + padding;
                if (text) {
                    textMin[i] = Math.max(textMin[i], Math.min(w, font.getSize() * TEXT_COLUMN_MAX_EM));
                    // a little narrower than the cell's text area (its padding is about a third of an em),
                    // so JavaFX's own wrapping never needs a line more, nor one less
                    double room = column.getWidth() - padding / 2;
                    if (room > 0) {
                        int needed = 0;   // a note may hold line breaks of its own
                        for (String paragraph : probe.getText().split("\n")) needed += CanvasPane.wrap(paragraph, font, room).size();
                        lines = Math.max(lines, needed);
                    }
                } else {
                    numberMin[i] = Math.max(numberMin[i], w);
                }
            }
        }
        // Numbers first: where the names do not fit beside them, the text columns give up the difference.
        double numbers = 0, texts = 0;
        for (int i = 0; i < columns; i++) {
            numbers += numberMin[i];
            texts += Math.max(0, textMin[i] - numberMin[i]);
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 2;
        double share = table.getWidth() <= 0 || texts <= 0 ? 1 : Math.max(0, Math.min(1, (room - numbers) / texts));
        // Where even the numbers do not fit, every column shrinks alike: a cut number ("2.116e...") shows
        // its column, which a table wider than its tile would push out of sight.
        double squeeze = table.getWidth() <= 0 || numbers <= room ? 1 : room / numbers;
        boolean resized = false;
        for (int i = 0; i < columns; i++) {
            double min = squeeze * numberMin[i] + share * Math.max(0, textMin[i] - numberMin[i]);
            TableColumn<List<Object>, ?> column = table.getColumns().get(i);
            if (min > 0 && min != column.getPrefWidth()) {   // the resize policy starts from the preferred widths: content-sized, the table shares out the rest
                column.setMinWidth(min);
                column.setPrefWidth(min);
                resized = true;
            }
        }
        // A preferred width sets the column's width at once, past the resize policy: a column that got
        // narrower (the race's positions once SGD diverged) left an empty strip at the table's right.
        if (resized && table.getWidth() > 0) table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
        if (table.getStyle().isEmpty()) singleLineRow = table.getFixedCellSize();
        lines = Math.min(lines, MAX_ROW_LINES);
        String style = lines > 1 && singleLineRow > 0
                ? "-fx-fixed-cell-size: " + Math.ceil(singleLineRow + (lines - 1) * font.getSize() * 1.3) + "px;" : "";
        if (!style.equals(table.getStyle())) table.setStyle(style);
    }

    @Override protected void applyLabels() {
        // JavaFX's own placeholder is English ("No content in table"). One label whose text follows the
        // language: a new node, below the viewport, made Prism repaint the whole window.
        if (table.getPlaceholder() instanceof javafx.scene.control.Label l) l.setText(t("table.empty"));
        else table.setPlaceholder(new javafx.scene.control.Label(t("table.empty")));
        columnsDirty = true;
        for (int i = 0; i < fig.columnKeys().size(); i++) wrapHeader(i);
        table.refresh();   // cells holding message keys ("cell.gpu_absent") follow the language
    }

    /** A table's placeholder says "no results yet" whatever the run's state: nothing to change. */
    @Override protected void applyEmptyHint() {}

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
