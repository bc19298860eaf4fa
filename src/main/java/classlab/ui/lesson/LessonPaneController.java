package classlab.ui.lesson;

import classlab.core.figure.Figure;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.Backend;
import classlab.core.train.TrainingEngine;
import classlab.ui.classroom.ClassroomTools;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Theme;
import classlab.ui.widget.FigureView;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Controller of the generic lesson pane: binds a {@link LessonSession} and its {@link RunBarModel}
 * to the run bar, shows one {@link SectionView} per lesson section, and redraws changed figures at
 * a fixed 10 Hz, which coalesces any number of training updates into one redraw per tick (only
 * those of the tab on screen; the others when they are shown).
 */
public final class LessonPaneController {
    private static final Duration REFRESH = Duration.millis(100);

    /**
     * What the window lends the pane: the export service, the status line (a message worded by the
     * window's messages, again after a language switch), a way to open a folder, and the layer over
     * the whole window where the spotlight appears.
     */
    public record Services(ExportService exports, Consumer<java.util.function.Function<Messages, String>> status,
                           Consumer<Path> openFolder, StackPane overlay) {}

    private final LessonSession session;
    private final Messages messages;
    private final LessonStrings strings;
    private final Theme theme;
    private final Services services;
    private final RunBarModel runState;
    private final PaneExport export;
    private final Spotlight spotlight;
    private SectionTabs tabs;
    private final Timeline pump = new Timeline(new KeyFrame(REFRESH, e -> refreshShown()));
    private FigureView focused;
    private ClassroomTools classroom;

    @FXML private BorderPane root;
    @FXML private Label title;
    @FXML private javafx.scene.layout.FlowPane runBar;
    @FXML private Label experimentLabel;
    @FXML private ComboBox<Experiment> experimentChoice;
    @FXML private Button runButton, pauseButton, stepButton, stopButton, resetButton, exportButton, openFolderButton;
    @FXML private ToggleButton quickDemoToggle, formToggle;
    @FXML private Label stateLabel, progressLabel, problemLabel;
    @FXML private ProgressBar progressBar;
    @FXML private TabPane sections;

    public LessonPaneController(LessonSession session, Messages messages, LessonStrings strings, Theme theme, Services services) {
        this.session = session;
        this.messages = messages;
        this.strings = strings;
        this.theme = theme;
        this.services = services;
        this.runState = new RunBarModel(messages, strings);
        this.export = new PaneExport(services.exports(), session, strings, theme, services.status());
        this.spotlight = new Spotlight(services.overlay(), strings, theme, messages);
    }

    @FXML
    private void initialize() {
        title.setText(session.entry().title(strings.language()));
        experimentLabel.setText(messages.get("run.experiment"));
        label(pauseButton, "run.pause");
        label(stepButton, "run.step");
        label(stopButton, "run.stop");
        label(resetButton, "run.reset");
        label(exportButton, "export.all");
        label(openFolderButton, "export.open_folder");
        label(quickDemoToggle, "run.quick_demo");
        label(formToggle, "run.show_params");
        runButton.textProperty().bind(runState.runTextProperty());
        runButton.disableProperty().bind(runState.runDisabledProperty());
        pauseButton.disableProperty().bind(runState.pauseDisabledProperty());
        stopButton.disableProperty().bind(runState.stopDisabledProperty());
        experimentChoice.disableProperty().bind(runState.busyProperty());
        quickDemoToggle.disableProperty().bind(runState.busyProperty());
        stateLabel.textProperty().bind(runState.stateTextProperty());
        // As wide as its widest state word, so the progress bar and the line after it stay put as the state
        // changes (trial: the bar's left edge went 331, 357, 338, 346, 345 px for Ready … Finished).
        stateLabel.fontProperty().addListener((o, a, font) -> fitStateWords());
        stateLabel.paddingProperty().addListener((o, a, padding) -> fitStateWords());
        fitStateWords();
        runState.stateStyleProperty().addListener((o, a, s) -> {
            stateLabel.getStyleClass().removeIf(c -> c.startsWith("state-"));
            stateLabel.getStyleClass().add(s);
        });
        progressLabel.textProperty().bind(runState.progressTextProperty());
        // The line wraps where it does not fit (1280 px at projector type size). During a run it keeps
        // the tallest height it had, so the charts below do not jump each time a counter gains a digit.
        progressLabel.heightProperty().addListener((o, a, h) -> {
            if (runState.busyProperty().get() && h.doubleValue() > progressLabel.getMinHeight()) progressLabel.setMinHeight(h.doubleValue());
        });
        runState.busyProperty().addListener((o, a, busy) -> {
            if (!busy) progressLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        });
        progressBar.progressProperty().bind(runState.progressProperty());
        openFolderButton.disableProperty().bind(export.lastFolderProperty().isNull());

        experimentChoice.getItems().setAll(session.model().experiments());
        experimentChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Experiment e) { return e == null ? "" : strings.apply("experiment." + e.name()); }
            @Override public Experiment fromString(String s) { return null; }
        });
        experimentChoice.setValue(session.model().experiment(session.selectedExperiment()));
        experimentChoice.valueProperty().addListener((o, a, e) -> {
            if (e == null) return;
            session.selectExperiment(e.name());
            tabs.select(e.section());
        });
        quickDemoToggle.setSelected(session.quickDemo());
        quickDemoToggle.selectedProperty().addListener((o, a, on) -> {
            session.setQuickDemo(on);
            tabs.rebuild();
            showEmptyHints();
        });

        tabs = new SectionTabs(sections, session, strings, messages, theme, formToggle.selectedProperty(),
                this::restoreDefaults, tileActions());
        tabs.select(session.model().experiment(session.selectedExperiment()).section());
        // The experiment follows the tab on screen: Run on a tab runs that tab's experiment.
        tabs.onSectionShown(this::followSection);
        // Charts of other tabs are not redrawn while hidden (see refreshShown): bring a tab up to date as it appears.
        sections.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> refreshShown());

        classroom = new ClassroomTools(session, strings, theme, this::showSessionSettings);
        runBar.getChildren().add(classroom.toolbar());
        root.setRight(classroom.drawer());
        FormDrawerTurns.install(root, formToggle, classroom, theme);

        session.stateProperty().addListener((o, a, s) -> runState.showState(s, session.showsReplayProperty().get()));
        // Empty charts name the button as the run bar shows it (Resume (F5) while paused), or say the run failed.
        session.stateProperty().addListener((o, a, s) -> showEmptyHints());
        showEmptyHints();
        session.problemProperty().addListener((o, a, p) -> showProblem(p));
        runState.showState(session.stateProperty().get(), session.showsReplayProperty().get());
        showProblem(session.problemProperty().get());
        pump.setCycleCount(Timeline.INDEFINITE);
        pump.play();
        refreshFigures();
    }

    private void fitStateWords() {
        double widest = 0;
        for (String word : RunBarModel.stateWords(messages)) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(word);
            text.setFont(stateLabel.getFont());
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        javafx.geometry.Insets padding = stateLabel.getPadding();
        stateLabel.setMinWidth(Math.ceil(widest + padding.getLeft() + padding.getRight()) + 1);
    }

    private void label(javafx.scene.control.ButtonBase b, String key) {
        b.setText(messages.get(key));
        String help = messages.get(key + ".help");
        if (!help.equals(key + ".help")) b.setTooltip(new javafx.scene.control.Tooltip(help));
    }

    public BorderPane root() { return root; }

    public LessonSession session() { return session; }

    /**
     * Where the teacher is in this pane: the tab on screen ({@code section}; null for the explanation
     * tab) and how far its charts are scrolled down ({@code scroll}, 0 top to 1 bottom).
     */
    public record Place(String section, double scroll) { }

    /** The tab on screen and its scroll position, for {@link #show(Place)} on a rebuilt pane. */
    public Place place() {
        SectionView shown = tabs.visible();
        return shown == null ? new Place(null, 0) : new Place((String) shown.tab().getUserData(), shown.scroll().getVvalue());
    }

    /**
     * Shows {@code place}'s tab scrolled as it was, once its charts are laid out: a pane rebuilt for
     * another language or theme stays where the teacher was, instead of going back to the run's tab
     * at the top and taking the table in view off the screen mid-run (trial 8).
     */
    public void show(Place place) {
        if (place.section() == null) {
            sections.getSelectionModel().select(0);   // the explanation
            return;
        }
        tabs.select(place.section());
        SectionView shown = tabs.visible();
        if (shown == null || !(place.scroll() > 0)) return;
        javafx.scene.control.ScrollPane scroll = shown.scroll();
        scroll.setVvalue(place.scroll());
        // the new content's height is known after its first layout, which may have moved the bar again
        javafx.application.Platform.runLater(() -> scroll.setVvalue(place.scroll()));
    }

    public RunBarModel runState() { return runState; }

    /** Live figure views of this pane (tests and export). */
    public List<FigureView> figureViews() { return tabs.figureViews(); }

    /** Stops the redraw timer and closes the spotlight; the session (and its run) lives on. */
    public void detach() {
        pump.stop();
        spotlight.close();
        classroom.detach();
    }

    /** The classroom tools hosted by this pane (run list...). */
    public ClassroomTools classroom() { return classroom; }

    /** Shows the session's parameters and experiment again (they were set from outside the form). */
    private void showSessionSettings() {
        quickDemoToggle.setSelected(session.quickDemo());
        tabs.rebuild();
        showEmptyHints();
        experimentChoice.setValue(session.model().experiment(session.selectedExperiment()));
        tabs.select(session.model().experiment(session.selectedExperiment()).section());
    }

    private SectionView.TileActions tileActions() {
        return new SectionView.TileActions() {
            @Override public void spotlight(FigureView view) { showSpotlight(view); }
            @Override public void exportPng(FigureView view) { export.png(view); }
            @Override public void exportCsv(Figure figure) { export.csv(figure); }
            @Override public void exportGif(LineFigure figure) { export.gif(figure); }
            @Override public void focused(FigureView view) { focused = view; }
            @Override public void selected(Figure figure, FigureSelection selection) { session.select(figure.id(), selection); }
        };
    }

    private void restoreDefaults() {
        session.resetParams();
        quickDemoToggle.setSelected(false);
        tabs.rebuild();
        showEmptyHints();
    }

    private void followSection(String section) {
        Experiment current = experimentChoice.getValue();
        if (runState.busyProperty().get() || current != null && current.section().equals(section)) return;
        session.model().experimentOf(section).ifPresent(experimentChoice::setValue);
    }

    /**
     * The message key of an empty chart's hint in run state {@code s}: "fills as the run gets there"
     * while training, press Resume while paused, "the run failed, fix what the message says" after a
     * failure, press Run otherwise.
     */
    static String emptyHintKey(TrainingEngine.State s) {
        return switch (s) {
            case RUNNING, STOPPING -> FigureView.EMPTY_HINT_RUNNING;
            case PAUSED -> FigureView.EMPTY_HINT_PAUSED;
            case FAILED -> FigureView.EMPTY_HINT_FAILED;
            default -> FigureView.EMPTY_HINT;
        };
    }

    /** Gives every chart of the pane (and the spotlit one) the hint of the session's state; also after the tabs are rebuilt. */
    private void showEmptyHints() {
        String key = emptyHintKey(session.stateProperty().get());
        figureViews().forEach(v -> v.setEmptyHint(key));
        spotlight.setEmptyHint(key);
    }

    /** Height of the visible section hidden below its viewport (0 when everything shows). */
    public double hiddenHeight() { return tabs.hiddenHeight(); }

    /** Redraws every figure whose data changed since it was last drawn, on every tab (FX thread; exports, snapshot). */
    public void refreshFigures() {
        refresh(tabs.figureViews());
    }

    /**
     * The tick: redraws the changed figures of the tab on screen and the spotlight only. Views on
     * hidden tabs (each experiment tab has its own live-loss chart) would otherwise be re-laid out
     * at every tick for nobody; they catch up when their tab is selected.
     */
    private void refreshShown() {
        SectionView shown = tabs.visible();
        if (spotlight.isShowing() || shown == null) refresh(List.of());
        else if (session.stateProperty().get() == TrainingEngine.State.RUNNING) refresh(paced(shown.views(), System.nanoTime(), shown::shows));
        else refresh(shown.views());
    }

    /** While training, a chart is redrawn at most every this often (its latest data; the final state once the run ends). */
    static final long RUNNING_REDRAW_NANOS = 250_000_000L;
    /** While training, at most this many charts are redrawn per tick: one frame never lays out and paints them all. */
    static final int RUNNING_REDRAWS_PER_TICK = 2;

    /**
     * The views to redraw at this tick of a running training: changed, scrolled into sight
     * ({@code onScreen}), not redrawn for {@link #RUNNING_REDRAW_NANOS} before {@code now}
     * ({@link System#nanoTime()}), the longest-waiting first, at most {@link #RUNNING_REDRAWS_PER_TICK}.
     * Each redraw costs the FX thread a layout and the render thread a repaint of the chart, on
     * the cores the training needs; the data is never lost, only drawn later (a chart scrolled into
     * sight at the next tick, every chart when the run ends). A chart out of sight would cost that
     * and more: a frame whose only changes are clipped away repaints the whole window
     * ({@link classlab.ui.fx.Viewports#shows}; pulse logger, pattern: 10 such frames in a run, from its
     * printout table below the viewport, 1 since).
     */
    static List<FigureView> paced(List<FigureView> views, long now, java.util.function.Predicate<FigureView> onScreen) {
        return views.stream()
                .filter(v -> !v.isUpToDate() && (v.drawnAt() == Long.MIN_VALUE || now - v.drawnAt() >= RUNNING_REDRAW_NANOS))
                .filter(onScreen)
                .sorted(java.util.Comparator.comparingLong(FigureView::drawnAt))
                .limit(RUNNING_REDRAWS_PER_TICK)
                .toList();
    }

    private void refresh(List<FigureView> views) {
        releaseProblemSpace();
        session.pinEpochAxes();
        for (FigureView v : views) v.refreshIfChanged();
        spotlight.refresh();
        LessonSession.RunStart run = session.lastRun();
        SectionView shown = tabs.visible();
        String runSection = run == null ? null : session.model().experiment(run.experiment()).section();
        runState.setOtherTab(shown == null || runSection == null || runSection.equals(shown.tab().getUserData()) ? null
                : strings.apply("section." + runSection));
        // After a reset (or before the first run) the engine's last progress belongs to no run on screen.
        runState.showProgress(run == null ? TrainingEngine.Progress.NONE : session.engine().progress(),
                run == null ? "" : run.experiment(), session.progressUnit(), session.endedRun(), Backend.startAsync().isDone());
    }

    private void showProblem(String problem) {
        boolean show = problem != null && !problem.isEmpty();
        problemLabel.setVisible(show);
        // Cleared, the line keeps its text hidden and so its height until a run ends without notes
        // (releaseProblemSpace): a Run clears the last run's notes and the new run says the same a moment later,
        // and each change of the line's height moved every chart below it and repainted the whole pane (pulse
        // logger, roc-smoothing: 1615x1014 px painted 0.75 s into a run, the run's longest frame, 100-135 ms
        // without a GPU).
        if (!show) return;
        // a refused setting is named by its field's label, as under the field
        problemLabel.setText(problem.lines().map(line -> ParamForm.withLabel(strings, session.values().specs(), LessonStrings.resolve(strings, line)))
                .collect(java.util.stream.Collectors.joining("\n")));
        // a failure in the error colour, notes of a run (a data fallback) as plain text
        problemLabel.getStyleClass().removeAll("problem", "run-note");
        problemLabel.getStyleClass().add(session.problemIsNote() ? "run-note" : "problem");
        problemLabel.setManaged(true);
    }

    /**
     * Gives the space of a cleared problem line back once a run has ended without notes (at the pump's
     * tick): not while one trains or is paused, nor after a Reset (the next Run of the same settings says
     * the same again; trial: Reset moved the charts up, Run moved them back down).
     */
    private void releaseProblemSpace() {
        if (problemLabel.isVisible() || !problemLabel.isManaged()) return;
        TrainingEngine.State engine = session.engine().state();
        boolean busy = engine == TrainingEngine.State.RUNNING || engine == TrainingEngine.State.PAUSED || engine == TrainingEngine.State.STOPPING;
        if (!busy && session.stateProperty().get() != TrainingEngine.State.IDLE) {
            problemLabel.setManaged(false);
            problemLabel.setText("");
        }
    }

    /** Shows the chart under the mouse (else the first of the visible section) over the whole window; again closes it. */
    public void toggleSpotlight() {
        if (spotlight.isShowing()) spotlight.close();
        else showSpotlight(focused);
    }

    /** The figure in the spotlight, or null. */
    public Figure spotlitFigure() { return spotlight.figure(); }

    private void showSpotlight(FigureView view) {
        SectionView s = tabs.visible();
        // not the charts a replay hides (the live mini-batch loss)
        if (s != null) spotlight.showAmong(s.views().stream().filter(v -> v.getParent() == null || v.getParent().isVisible()).toList(), view);
    }

    @FXML public void onRun() { session.run(); }
    @FXML public void onPause() { session.pause(); }
    @FXML public void onStep() { session.step(); }
    @FXML public void onStop() { session.stop(); }

    /**
     * Reset (button, Ctrl+Shift+R): stops the run and clears the lesson's charts (the runs stay listed). While a
     * run trains or is paused it asks first, naming it: a paused run cannot be resumed after it ("Keep the run"
     * leaves everything as it was).
     */
    @FXML public void onReset() {
        if (resetQuestion != null && resetQuestion.isShowing()) return;   // asked already
        List<String> ended = resetEnds();
        if (ended.isEmpty()) {
            session.reset();
            return;
        }
        javafx.scene.control.ButtonType confirm = new javafx.scene.control.ButtonType(messages.get("reset.confirm"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType(messages.get("reset.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Label body = new Label(String.join("\n", ended));
        body.setId("resetText");
        javafx.scene.control.Alert ask = classlab.ui.fx.Questions.ask((javafx.stage.Stage) root.getScene().getWindow(), theme,
                messages.format("reset.title", session.entry().title(messages.language())), messages.format("reset.header"), body, confirm, keep);
        ask.getDialogPane().setId("resetDialog");
        ask.getDialogPane().lookupButton(confirm).setId("resetConfirm");
        ask.getDialogPane().lookupButton(keep).setId("resetCancel");
        // Enter keeps the run: ending it takes a deliberate click
        ((Button) ask.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ask.setOnHidden(e -> {
            if (ask.getResult() == confirm) session.reset();
        });
        resetQuestion = ask;
        ask.show();
    }

    /** The open "reset?" question, so a second Reset does not stack another. */
    private javafx.scene.control.Alert resetQuestion;

    /** What a reset would end, one line: the run in progress (training or paused); none when no run is busy. */
    private List<String> resetEnds() {
        var running = session.isRunning() ? session.history().running() : null;
        if (running == null) return List.of();
        boolean paused = session.stateProperty().get() == TrainingEngine.State.PAUSED;
        return List.of(messages.format(paused ? "reset.paused" : "reset.running", LessonStrings.resolve(strings, running.label()),
                strings.apply("experiment." + running.experiment())));
    }

    /** Writes every figure that has data as PNG (2×, stamped) and CSV into a new timestamped folder. */
    @FXML public void onExportAll() {
        tabs.attachAll();   // charts of tabs not yet in the scene get their style before they are drawn
        refreshFigures();
        export.all(figureViews());
    }

    /** Opens the folder of the last export in the system's file manager. */
    @FXML public void onOpenFolder() {
        Path folder = export.lastFolderProperty().get();
        if (folder != null) services.openFolder().accept(folder);
    }

    /** The folder of the last finished export, or null. */
    public Path lastExportFolder() { return export.lastFolderProperty().get(); }
}
