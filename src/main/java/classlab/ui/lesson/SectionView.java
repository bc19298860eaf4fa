package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Theme;
import classlab.ui.widget.FigureView;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * One section tab of the lesson pane: the section's parameter form (collapsible) beside its
 * figures. Chart tiles share the visible width: as many columns as fit at the theme's minimum
 * tile width, each as wide as the columns allow, so charts grow when side panels are hidden and
 * never need a horizontal scrollbar. A figure that asks for a tile of its own
 * ({@link Figure#isLarge()}: a confusion matrix, the optimizer race) spans the columns, as tall as the viewport.
 */
final class SectionView {
    /** What a tile's buttons ask the pane to do. */
    interface TileActions {
        void spotlight(FigureView view);
        void exportPng(FigureView view);
        void exportCsv(Figure figure);
        void exportGif(LineFigure figure);
        void focused(FigureView view);
        /** A cell or image of a selectable figure was clicked. */
        void selected(Figure figure, classlab.core.figure.FigureSelection selection);
    }

    private static final double GAP = 10;
    /** Preferred width of the parameter form, in font sizes. */
    static final double FORM_EMS = 17;
    /** Tiles shrink to fit a short viewport, but not below this share of the theme's figure height. */
    static final double MIN_HEIGHT_SHARE = 0.6;
    private final List<FigureView> views = new ArrayList<>();
    private final Tab tab;
    /** The equal chart tiles, in runs between {@link #large} tiles (figure order is kept). */
    private final List<TilePane> chartGroups = new ArrayList<>();
    /** Tiles of figures that asked for a tile of their own ({@link Figure#isLarge()}): full width, viewport height. */
    private final List<Region> large = new ArrayList<>();
    private final ScrollPane scroll;
    private final Theme theme;

    SectionView(String section, LessonSession session, List<Figure> figures, LessonStrings strings, Messages messages,
                Theme theme, ObservableBooleanValue formShown, Runnable onDefaults, TileActions actions) {
        this.theme = theme;
        List<ParamSpec> specs = new ArrayList<>();
        for (ParamSpec p : session.values().specs()) {
            if (p.shownIn(section)) specs.add(p);
        }
        Label formTitle = new Label(messages.get("params.title"));
        formTitle.getStyleClass().add("panel-title");
        Button defaults = new Button(messages.get("params.defaults"));
        defaults.setOnAction(e -> onDefaults.run());
        VBox left = new VBox(6, formTitle, new ParamForm(session, specs, strings), defaults);
        left.getStyleClass().add("param-panel");
        ScrollPane formScroll = new ScrollPane(left);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("param-scroll");
        formScroll.setPrefViewportWidth(theme.fontSize() * FORM_EMS);
        formScroll.setMinWidth(theme.fontSize() * 13);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.visibleProperty().bind(formShown);
        formScroll.managedProperty().bind(formShown);

        VBox tables = new VBox(GAP);
        VBox content = new VBox(12);
        TilePane charts = null;
        for (Figure f : figures) {
            Region tile = tile(f, strings, messages, actions);
            if (f == session.iterationLoss()) {   // a replay has no mini-batch losses: no empty chart meanwhile
                tile.visibleProperty().bind(session.showsReplayProperty().not());
                tile.managedProperty().bind(session.showsReplayProperty().not());
            }
            if (f instanceof ResultTable) {
                tables.getChildren().add(tile);
            } else if (f.isLarge()) {
                large.add(tile);
                content.getChildren().add(tile);
                charts = null;
            } else {
                if (charts == null) {
                    charts = new TilePane(GAP, GAP);
                    charts.getStyleClass().add("figure-grid");
                    chartGroups.add(charts);
                    content.getChildren().add(charts);
                }
                charts.getChildren().add(tile);
            }
        }
        content.getChildren().add(tables);
        content.setPadding(new Insets(GAP));
        // Live charts: a cached viewport would be re-rendered whole on every chart update.
        scroll = classlab.ui.fx.Viewports.uncached(new ScrollPane(content));
        scroll.getStyleClass().add("live-charts");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fitTiles(b));
        BorderPane pane = new BorderPane(scroll);
        pane.setLeft(formScroll);
        tab = new Tab(strings.apply("section." + section), pane);
        tab.setId("tab-" + section);
        tab.setUserData(section);
    }

    Tab tab() { return tab; }

    List<FigureView> views() { return views; }

    /**
     * Whether the drawing of {@code view} (its chart or table, not only its title or legend) is
     * scrolled into the section's viewport ({@link classlab.ui.fx.Viewports#shows}).
     */
    boolean shows(FigureView view) {
        javafx.scene.Node drawing = view.getCenter();
        return classlab.ui.fx.Viewports.shows(scroll, drawing == null ? view : drawing);
    }

    /** The section's scroll pane (snapshot needs the height hidden below its viewport). */
    ScrollPane scroll() { return scroll; }

    /**
     * Columns at the theme's minimum tile width; tile height follows the width, bounded by the viewport.
     * The width is taken as if the vertical scrollbar were shown: otherwise tiles that fit without it
     * grow taller than the viewport once it hides, bring it back, shrink, and so on at every pulse
     * (seen in cifar's hidden "Inside the CNN" tab: its viewport alternated 1,345/1,359 px and four
     * canvases were resized and repainted in every frame of a run, most of the window's CPU).
     */
    private void fitTiles(Bounds viewport) {
        double available = viewport.getWidth() - hiddenScrollBarWidth() - 2 * GAP - 2;
        if (available <= 0) return;
        int columns = Math.max(1, (int) Math.floor((available + GAP) / (theme.figureWidth() + GAP)));
        double width = Math.floor((available - (columns - 1) * GAP) / columns);
        // A tile fits the viewport's height (a 1280x800 projector: the legend under the chart stays in
        // sight) down to 60 % of the theme's figure height; taller viewports give taller tiles.
        double fit = viewport.getHeight() - 3 * GAP;
        double floor = Math.min(theme.figureHeight(), Math.max(theme.figureHeight() * MIN_HEIGHT_SHARE, fit));
        double height = Math.max(floor, Math.min(width * 0.62, fit));
        for (TilePane charts : chartGroups) {
            charts.setPrefTileWidth(width);
            charts.setPrefTileHeight(height);
        }
        // A large tile (a confusion matrix: square cells whose numbers are read from afar) spans the
        // columns and is as tall as the viewport, or as tall as it is wide when that is less.
        double largeHeight = Math.max(floor, Math.min(available, fit));
        for (Region tile : large) {
            tile.setPrefWidth(available);
            tile.setPrefHeight(largeHeight);
        }
    }

    /** The vertical scrollbar's width while it is hidden (0 while it shows: the viewport already leaves it room). */
    private double hiddenScrollBarWidth() {
        for (Node n : scroll.getChildrenUnmodifiable()) {   // the pane's own bars, not those of tables in it
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return bar.isVisible() ? 0 : bar.prefWidth(-1);
            }
        }
        return 0;
    }

    private Region tile(Figure f, LessonStrings strings, Messages messages, TileActions actions) {
        FigureView view = FigureView.create(f, strings);
        view.setTheme(theme.chartTheme());
        view.setOnSelect(selection -> actions.selected(f, selection));
        views.add(view);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(6, spacer);
        tools.getStyleClass().add("figure-tools");
        if (!(f instanceof ResultTable)) tools.getChildren().add(tool(messages, "export.spotlight", () -> actions.spotlight(view)));
        if (f instanceof LineFigure line && EpochAnimation.animates(line)) {
            tools.getChildren().add(tool(messages, "export.gif", () -> actions.exportGif(line)));
        }
        tools.getChildren().addAll(tool(messages, "export.png", () -> actions.exportPng(view)),
                tool(messages, "export.csv", () -> actions.exportCsv(f)));
        VBox tile = new VBox(4, view, tools);
        VBox.setVgrow(view, Priority.ALWAYS);
        tile.getStyleClass().add("figure-tile");
        tile.setId("figure-" + f.id());
        tile.setOnMouseEntered(e -> actions.focused(view));
        if (f instanceof ResultTable) tile.setMinHeight(160);
        return tile;
    }

    private static Button tool(Messages messages, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        String help = messages.get(key + ".help");
        if (!help.equals(key + ".help")) b.setTooltip(new Tooltip(help));
        b.setOnAction(e -> action.run());
        return b;
    }
}
