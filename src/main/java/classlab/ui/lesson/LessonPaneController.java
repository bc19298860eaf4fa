package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.data.Destinations;
import classlab.core.data.FileAccessException;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.train.Backend;
import classlab.core.train.TrainingEngine;
import classlab.ui.classroom.ClassroomTools;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.text.MarkdownView;
import classlab.ui.widget.FigureExport;
import classlab.ui.widget.FigureView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Controller of the generic lesson pane: binds a {@link LessonSession} to the run bar, builds one
 * tab per lesson section (parameter form + live figures + tables) and redraws changed figures at
 * a fixed 10 Hz, which coalesces any number of training updates into one redraw per tick.
 */
public final class LessonPaneController {
    private static final Duration REFRESH = Duration.millis(100);

    private final LessonSession session;
    private final Messages messages;
    private final LessonStrings strings;
    private final Theme theme;
    private final Path exportDir;
    private final Consumer<String> statusSink;
    private final List<FigureView> views = new ArrayList<>();
    private final Timeline pump = new Timeline(new KeyFrame(REFRESH, e -> refreshFigures()));
    /** PNG encoding and file writes happen here, never on the FX thread. */
    private static final java.util.concurrent.ExecutorService exporter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classlab-export");
        t.setDaemon(true);
        return t;
    });

    private ClassroomTools classroom;

    @FXML private BorderPane root;
    @FXML private Label title;
    @FXML private FlowPane runBar;
    @FXML private Label experimentLabel;
    @FXML private ComboBox<Experiment> experimentChoice;
    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private Button exportButton;
    @FXML private Label stateLabel;
    @FXML private Label progressLabel;
    @FXML private Label problemLabel;
    @FXML private TabPane sections;

    /**
     * @param statusSink receives one-line messages for the status bar (export paths)
     */
    public LessonPaneController(LessonSession session, Messages messages, LessonStrings strings, Theme theme,
                                Path exportDir, Consumer<String> statusSink) {
        this.session = session;
        this.messages = messages;
        this.strings = strings;
        this.theme = theme;
        this.exportDir = exportDir;
        this.statusSink = statusSink;
    }

    @FXML
    private void initialize() {
        title.setText(session.entry().title(strings.language()));
        experimentLabel.setText(messages.get("run.experiment"));
        runButton.setText(messages.get("run.run"));
        pauseButton.setText(messages.get("run.pause"));
        stepButton.setText(messages.get("run.step"));
        stopButton.setText(messages.get("run.stop"));
        resetButton.setText(messages.get("run.reset"));
        exportButton.setText(messages.get("export.all"));

        experimentChoice.getItems().setAll(session.model().experiments());
        experimentChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Experiment e) { return e == null ? "" : strings.apply("experiment." + e.name()); }
            @Override public Experiment fromString(String s) { return null; }
        });
        experimentChoice.setValue(session.model().experiment(session.selectedExperiment()));
        experimentChoice.valueProperty().addListener((o, a, e) -> {
            if (e == null) return;
            session.selectExperiment(e.name());
            selectSection(e.section());
        });

        sections.getTabs().add(explanationTab());
        for (String section : session.model().sections()) sections.getTabs().add(sectionTab(section));
        selectSection(session.model().experiment(session.selectedExperiment()).section());

        classroom = new ClassroomTools(session, strings, theme, this::showSessionSettings);
        runBar.getChildren().add(classroom.toolbar());
        root.setRight(classroom.drawer());

        session.stateProperty().addListener((o, a, s) -> showState(s));
        session.problemProperty().addListener((o, a, p) -> showProblem(p));
        showState(session.stateProperty().get());
        showProblem(session.problemProperty().get());
        pump.setCycleCount(Timeline.INDEFINITE);
        pump.play();
    }

    public BorderPane root() { return root; }

    public LessonSession session() { return session; }

    /** Live figure views of this pane (tests and export). */
    public List<FigureView> figureViews() { return List.copyOf(views); }

    /** Stops the redraw timer; the session (and its run) lives on. */
    public void detach() {
        pump.stop();
        classroom.detach();
    }

    /** The classroom tools hosted by this pane (run list...). */
    public ClassroomTools classroom() { return classroom; }

    /** Shows the session's parameters and experiment again (they were set from outside the form). */
    private void showSessionSettings() {
        rebuildSectionTabs();
        experimentChoice.setValue(session.model().experiment(session.selectedExperiment()));
        selectSection(session.model().experiment(session.selectedExperiment()).section());
    }

    private Tab explanationTab() {
        String md = Resources.text("/lessons/" + session.entry().id() + "/text." + strings.language() + ".md");
        MarkdownView view = new MarkdownView(md, theme.fontSize(), theme.textColour());
        view.setPadding(new javafx.geometry.Insets(12, 18, 24, 18));
        view.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        Tab tab = new Tab(messages.get("tab.explanation"), scroll);
        tab.setId("tab-explanation");
        return tab;
    }

    private Tab sectionTab(String section) {
        List<ParamSpec> specs = new ArrayList<>();
        for (ParamSpec p : session.values().specs()) {
            if (p.section() == null || p.section().equals(section)) specs.add(p);
        }
        ParamForm form = new ParamForm(session, specs, strings);
        Button defaults = new Button(messages.get("params.defaults"));
        defaults.setOnAction(e -> {
            session.resetParams();
            int index = sections.getSelectionModel().getSelectedIndex();
            rebuildSectionTabs();
            sections.getSelectionModel().select(index);
        });
        Label formTitle = new Label(messages.get("params.title"));
        formTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(6, formTitle, form, defaults);
        left.getStyleClass().add("param-panel");
        ScrollPane formScroll = new ScrollPane(left);
        formScroll.setFitToWidth(true);
        formScroll.setPrefViewportWidth(290);
        formScroll.setMinWidth(220);

        TilePane charts = new TilePane();
        charts.getStyleClass().add("figure-grid");
        charts.setPrefColumns(2);
        charts.setHgap(10);
        charts.setVgap(10);
        // Tiles shrink to the visible width (presentation figures are wide, projectors are not).
        charts.setPrefTileHeight(theme.figureHeight());
        VBox tables = new VBox(10);
        for (Figure f : session.model().figures(section)) {
            Node tile = tile(f);
            if (f instanceof ResultTable) tables.getChildren().add(tile);
            else charts.getChildren().add(tile);
        }
        VBox content = new VBox(12, charts, tables);
        content.setPadding(new javafx.geometry.Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        charts.prefTileWidthProperty().bind(javafx.beans.binding.Bindings.min(theme.figureWidth(),
                javafx.beans.binding.Bindings.max(320, scroll.widthProperty().subtract(40))));
        BorderPane pane = new BorderPane(scroll);
        pane.setLeft(formScroll);
        Tab tab = new Tab(strings.apply("section." + section), pane);
        tab.setId("tab-" + section);
        tab.setUserData(section);
        return tab;
    }

    private void rebuildSectionTabs() {
        views.clear();
        sections.getTabs().remove(1, sections.getTabs().size());
        for (String section : session.model().sections()) sections.getTabs().add(sectionTab(section));
    }

    private Node tile(Figure f) {
        FigureView view = FigureView.create(f, strings);
        view.setTheme(theme.chartTheme());
        view.setOnSelect(sel -> session.select(f.id(), sel));
        views.add(view);
        Button png = new Button(messages.get("export.png"));
        png.setOnAction(e -> exportPng(view));
        Button csv = new Button(messages.get("export.csv"));
        csv.setOnAction(e -> exportCsv(f));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(6, spacer, png, csv);
        tools.getStyleClass().add("figure-tools");
        VBox tile = new VBox(4, view, tools);
        VBox.setVgrow(view, Priority.ALWAYS);
        tile.getStyleClass().add("figure-tile");
        tile.setId("figure-" + f.id());
        if (f instanceof ResultTable) tile.setMinHeight(160);
        return tile;
    }

    private void selectSection(String section) {
        for (Tab t : sections.getTabs()) {
            if (section.equals(t.getUserData())) sections.getSelectionModel().select(t);
        }
    }

    /** Redraws figures whose data changed since the last tick (FX thread). */
    public void refreshFigures() {
        for (FigureView v : views) v.refreshIfChanged();
        // Until ND4J has loaded, say so: a Run pressed meanwhile waits for it.
        progressLabel.setText(Backend.startAsync().isDone() ? session.engine().progress() : messages.get("status.backend.loading"));
    }

    private void showState(TrainingEngine.State s) {
        stateLabel.setText(messages.get("state." + s.name()));
        boolean stopping = s == TrainingEngine.State.STOPPING;
        boolean busy = s == TrainingEngine.State.RUNNING || s == TrainingEngine.State.PAUSED || stopping;
        runButton.setText(messages.get(s == TrainingEngine.State.PAUSED ? "run.resume" : "run.run"));
        runButton.setDisable(s == TrainingEngine.State.RUNNING || stopping);
        pauseButton.setDisable(s != TrainingEngine.State.RUNNING);
        stopButton.setDisable(!busy || stopping);
        experimentChoice.setDisable(busy);
        stateLabel.getStyleClass().removeIf(c -> c.startsWith("state-"));
        stateLabel.getStyleClass().add("state-" + s.name().toLowerCase());
    }

    private void showProblem(String problem) {
        boolean show = problem != null && !problem.isEmpty();
        problemLabel.setText(show ? LessonStrings.resolve(strings, problem) : "");
        problemLabel.setVisible(show);
        problemLabel.setManaged(show);
    }

    @FXML public void onRun() { session.run(); }
    @FXML public void onPause() { session.pause(); }
    @FXML public void onStep() { session.step(); }
    @FXML public void onStop() { session.stop(); }
    @FXML public void onReset() { session.reset(); }

    /** Writes every figure of the lesson as PNG (2×) and CSV into the export folder. */
    @FXML public void onExportAll() {
        refreshFigures();
        Path dir = lessonExportDir();
        List<Runnable> writes = new ArrayList<>();
        for (FigureView v : views) writes.add(pngWriter(v));
        for (Figure f : session.model().allFigures()) writes.add(csvWriter(f));
        exporter.execute(() -> {
            if (!exportFolderReady(dir)) return;
            writes.forEach(Runnable::run);
            javafx.application.Platform.runLater(() -> statusSink.accept(messages.format("export.done", dir)));
        });
    }

    /** Checks the export folder before writing (export thread); reports why it cannot take files. */
    private boolean exportFolderReady(Path dir) {
        try {
            Destinations.requireWritableFolder(dir, FileAccessException.Attempt.EXPORTS);
            return true;
        } catch (FileAccessException e) {
            String text = LessonStrings.resolve(strings, e.deferredMessage());
            javafx.application.Platform.runLater(() -> statusSink.accept(text));
            return false;
        }
    }

    private Path lessonExportDir() { return exportDir.resolve(session.entry().id()); }

    private void exportPng(FigureView view) { exporter.execute(pngWriter(view)); }

    private void exportCsv(Figure f) { exporter.execute(csvWriter(f)); }

    /** Snapshots now (FX thread, cheap); the returned task encodes and writes off the FX thread. */
    private Runnable pngWriter(FigureView view) {
        Path file = lessonExportDir().resolve(view.figure().id() + ".png");
        javafx.scene.image.WritableImage image = FigureExport.snapshot(view, FigureExport.DEFAULT_SCALE);
        return () -> write(file, () -> FigureExport.writePng(image, file));
    }

    private Runnable csvWriter(Figure f) {
        Path file = lessonExportDir().resolve(f.id() + ".csv");
        return () -> write(file, () -> FigureExport.csv(f, file));
    }

    private interface FileWrite { void run() throws Exception; }

    /** Runs on the export thread; reports the outcome in the status bar. */
    private void write(Path file, FileWrite write) {
        if (!exportFolderReady(file.getParent())) return;
        String message;
        try {
            write.run();
            message = messages.format("export.wrote", file);
        } catch (Exception e) {
            message = messages.format("export.failed", file, e.getMessage());
        }
        String text = message;
        javafx.application.Platform.runLater(() -> statusSink.accept(text));
    }
}
