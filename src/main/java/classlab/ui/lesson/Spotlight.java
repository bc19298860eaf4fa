package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Theme;
import classlab.ui.widget.FigureView;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One chart over the whole window, live and at projector size: the pane's 10 Hz tick redraws it
 * while training goes on. ← and → move through the section's charts, Esc closes.
 */
final class Spotlight {
    private final StackPane host;
    private final Function<String, String> text;
    private final Theme theme;
    private final BorderPane layer = new BorderPane();
    private final Label hint = new Label();
    private List<Figure> figures = List.of();
    private int index;
    private FigureView view;
    /** The empty-chart hint of the pane's run state ({@link FigureView#setEmptyHint}). */
    private String emptyHint = FigureView.EMPTY_HINT;

    Spotlight(StackPane host, Function<String, String> text, Theme theme, Messages messages) {
        this.host = host;
        this.text = text;
        this.theme = theme;
        layer.getStyleClass().add("spotlight");
        layer.setId("spotlight");
        hint.setText(messages.get("spotlight.hint"));
        hint.getStyleClass().add("spotlight-hint");
        Button close = new Button(messages.get("spotlight.close"));
        close.setId("spotlightClose");
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, hint, spacer, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("spotlight-bar");
        layer.setTop(bar);
        layer.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) close();
            else if (e.getCode() == KeyCode.RIGHT) move(1);
            else if (e.getCode() == KeyCode.LEFT) move(-1);
            else return;
            e.consume();
        });
    }

    /** Shows {@code figures.get(index)}; arrows move within {@code figures}. */
    void show(List<Figure> figures, int index) {
        if (figures.isEmpty()) return;
        this.figures = List.copyOf(figures);
        this.index = Math.floorMod(index, figures.size());
        view = FigureView.create(this.figures.get(this.index), text);
        view.setTheme(theme.chartTheme());
        view.setEmptyHint(emptyHint);
        layer.setCenter(view);
        if (!host.getChildren().contains(layer)) host.getChildren().add(layer);
        layer.requestFocus();
    }

    /** Shows {@code focused} (or the first chart) among the charts of {@code views}; tables are left out. */
    void showAmong(List<FigureView> views, FigureView focused) {
        List<Figure> charts = new java.util.ArrayList<>();
        for (FigureView v : views) if (!(v.figure() instanceof classlab.core.figure.ResultTable)) charts.add(v.figure());
        show(charts, focused == null ? 0 : Math.max(0, charts.indexOf(focused.figure())));
    }

    private void move(int delta) { show(figures, index + delta); }

    boolean isShowing() { return host.getChildren().contains(layer); }

    /** The figure shown, or null. */
    Figure figure() { return isShowing() ? figures.get(index) : null; }

    void close() {
        host.getChildren().remove(layer);
        layer.setCenter(null);
        view = null;
    }

    /** The hint the spotlit chart shows while empty (press Run, press Resume, the run failed). */
    void setEmptyHint(String key) {
        emptyHint = key;
        if (view != null) view.setEmptyHint(key);
    }

    /** Redraws the spotlit chart if its data changed (the pane's tick). */
    void refresh() {
        if (view != null) view.refreshIfChanged();
    }
}
