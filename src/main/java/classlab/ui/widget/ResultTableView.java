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
 */
public final class ResultTableView extends FigureView {
    private final ResultTable fig;
    private final TableView<List<Object>> table = new TableView<>();

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
                }
            });
            table.getColumns().add(c);
        }
        setCenter(table);
        initialDraw();
    }

    @Override protected void redraw() { table.getItems().setAll(fig.rows()); }

    @Override protected void applyLabels() {
        // JavaFX's own placeholder is English ("No content in table")
        table.setPlaceholder(new javafx.scene.control.Label(t("table.empty")));
        for (int i = 0; i < fig.columnKeys().size(); i++) table.getColumns().get(i).setText(t(fig.columnKeys().get(i)));
    }

    TableView<List<Object>> table() { return table; }
}
