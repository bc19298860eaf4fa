package classlab.ui.classroom;

import classlab.core.classroom.RunFiles;
import classlab.core.classroom.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The classroom tools of a lesson pane: toggle buttons for the run bar and a side drawer showing
 * the chosen tool (run list...). The pane hosts it through {@link #toolbar()} and {@link #drawer()}.
 */
public final class ClassroomTools {
    private final LessonSession session;
    private final Messages text;
    private final Runnable settingsChanged;
    private final LessonStrings strings;
    private final ToggleGroup group = new ToggleGroup();
    private final HBox toolbar = new HBox(6);
    private final ScrollPane drawer = new ScrollPane();
    private final Map<String, Region> panels = new LinkedHashMap<>();
    private final RunListView runs;
    private final QuestionsView questions;
    private final ChangeListener<TrainingEngine.State> stateListener;
    /** The drawer's width: this many font sizes, but at most this share of the window. */
    public static final double DRAWER_EMS = 21, DRAWER_SHARE = 0.25;
    /** The folder of the last saved or opened recording (the file chooser starts there). */
    private static final java.util.concurrent.atomic.AtomicReference<Path> RECORDINGS = new java.util.concurrent.atomic.AtomicReference<>();
    /** Where "Save and quit" writes runs: the file chooser's first folder before any recording was saved or opened. */
    private static final java.util.concurrent.atomic.AtomicReference<Path> RUNS_FOLDER = new java.util.concurrent.atomic.AtomicReference<>();

    /** The runs folder of "Save and quit" ({@code ~/ClassLab/runs}): "Open recording…" starts there while it exists. */
    public static void setRunsFolder(Path folder) { RUNS_FOLDER.set(folder); }
    /** Recordings are read and written here, never on the FX thread. */
    private static final java.util.concurrent.ExecutorService FILES = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classlab-recordings");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param settingsChanged shows the session's parameters and experiment again in the pane (after a
     *                        re-run restored a run's settings)
     */
    public ClassroomTools(LessonSession session, LessonStrings strings, Theme theme, Runnable settingsChanged) {
        this.session = session;
        this.text = new Messages(strings.language(), "classroom");
        this.settingsChanged = settingsChanged;
        this.strings = strings;
        runs = new RunListView(session.history(), text, strings, this::rerun, this::chooseAndSave, this::chooseAndReplay, this::discard);
        questions = new QuestionsView(session.questions(), text, strings, false);
        add("questions", questions);
        add("runs", runs);
        session.model().digitClassifier().ifPresent(c -> add("digits", new DigitPadView(c, text)));
        Button presenter = new Button(text.get("tools.presenter"));
        presenter.setId("tool-presenter");
        presenter.setTooltip(new javafx.scene.control.Tooltip(text.get("tools.presenter.tip")));
        presenter.setOnAction(e -> PresenterWindow.open(session, strings, theme,
                toolbar.getScene() == null ? null : toolbar.getScene().getWindow()));
        toolbar.getChildren().add(presenter);
        PresenterWindow.follow(session, strings, theme);
        toolbar.getStyleClass().add("classroom-tools");
        drawer.setId("classroomDrawer");
        drawer.getStyleClass().add("classroom-drawer");
        drawer.setFitToWidth(true);
        // About 21 characters wide, but never more than a quarter of the window (a 1280-pixel projector).
        drawer.sceneProperty().addListener((o, a, scene) -> {
            drawer.prefViewportWidthProperty().unbind();
            if (scene != null) {
                drawer.prefViewportWidthProperty().bind(javafx.beans.binding.Bindings.min(theme.fontSize() * DRAWER_EMS,
                        scene.widthProperty().multiply(DRAWER_SHARE)));
            }
        });
        drawer.setMinWidth(0);
        showDrawer(null);
        group.selectedToggleProperty().addListener((o, a, t) -> showDrawer(t == null ? null : (String) t.getUserData()));
        stateListener = (o, a, s) -> runs.setBusy(session.isRunning() || s == TrainingEngine.State.RUNNING, s);
        session.stateProperty().addListener(stateListener);
        runs.setBusy(session.isRunning(), session.stateProperty().get());
    }

    private void add(String id, Region panel) {
        panel.setPadding(new javafx.geometry.Insets(10));
        panels.put(id, panel);
        ToggleButton button = new ToggleButton(text.get("tools." + id));
        button.setId("tool-" + id);
        button.setUserData(id);
        button.setToggleGroup(group);
        toolbar.getChildren().add(button);
    }

    /** Buttons for the run bar. */
    public Node toolbar() { return toolbar; }

    /** The side drawer (hidden while no tool is chosen). */
    public Node drawer() { return drawer; }

    /** The id of the tool whose panel the drawer shows ("runs"...), or null when it is closed. */
    public String openTool() {
        var t = group.getSelectedToggle();
        return t == null ? null : (String) t.getUserData();
    }

    /** Opens a tool's panel in the drawer (or closes the drawer for null). */
    public void open(String id) {
        for (var t : group.getToggles()) if (t.getUserData().equals(id)) { group.selectToggle(t); return; }
        group.selectToggle(null);
    }


    private void showDrawer(String id) {
        Region panel = id == null ? null : panels.get(id);
        drawer.setContent(panel);
        drawer.setVisible(panel != null);
        drawer.setManaged(panel != null);
    }

    private void rerun(RunRecord r) {
        if (session.isRunning()) return;
        try {
            session.applyRun(r);
        } catch (IllegalArgumentException e) {
            runs.showProblem(text.format("runs.rerun.failed", userMessage(e)));
            return;
        }
        settingsChanged.run();
        session.run();
    }

    private javafx.stage.FileChooser chooser() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(text.get("runs.file_type"), "*" + RunFiles.EXTENSION));
        Path dir = firstFolder(RECORDINGS.get(), RUNS_FOLDER.get(), Path.of(System.getProperty("user.home")));
        if (dir != null) chooser.setInitialDirectory(dir.toFile());
        return chooser;
    }

    /**
     * Where the file chooser opens: the folder used last, else the runs saved on quitting, else the
     * user's home (the process's working directory may be the installation folder or a source
     * checkout); the first of them that is a folder, or null.
     */
    static Path firstFolder(Path... candidates) {
        for (Path p : candidates) if (p != null && Files.isDirectory(p)) return p;
        return null;
    }

    private javafx.stage.Window window() { return toolbar.getScene() == null ? null : toolbar.getScene().getWindow(); }

    private void chooseAndSave(RunRecord r) {
        javafx.stage.FileChooser chooser = chooser();
        chooser.setInitialFileName(r.lesson() + "-" + r.experiment() + "-run" + r.number() + RunFiles.EXTENSION);
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) saveRun(r, file.toPath());
    }

    private void chooseAndReplay() {
        java.io.File file = chooser().showOpenDialog(window());
        if (file != null) replayFile(file.toPath());
    }

    /** Writes a run to a file on a worker thread; the run list reports the outcome. */
    public void saveRun(RunRecord r, Path file) {
        RECORDINGS.set(file.toAbsolutePath().getParent());
        FILES.execute(() -> {
            String message;
            try {
                RunFiles.write(r, file);
                session.markSaved(r.number());
                message = text.format("runs.saved", file);
            } catch (IOException | RuntimeException e) {
                String failed = text.format("runs.save_failed", file, userMessage(e));
                Platform.runLater(() -> runs.showProblem(failed));
                return;
            }
            String shown = message;
            Platform.runLater(() -> runs.showMessage(shown));
        });
    }

    /** Takes a run restored at start-up out of the list on a worker thread (its file is moved away); the run list reports a failure. */
    private void discard(RunRecord r) {
        FILES.execute(() -> {
            try {
                session.discardRestored(r.number());
            } catch (IOException | RuntimeException e) {
                String failed = text.format("runs.discard_failed", userMessage(e));
                Platform.runLater(() -> runs.showProblem(failed));
            }
        });
    }

    /** Reads a recorded run on a worker thread and replays it at the chosen speed. */
    public void replayFile(Path file) {
        RECORDINGS.set(file.toAbsolutePath().getParent());
        double speed = runs.speed();
        FILES.execute(() -> {
            try {
                RunRecord recording = RunFiles.read(file);
                Platform.runLater(() -> {
                    if (session.isRunning()) {
                        runs.showProblem(text.get("runs.replay_busy"));
                        return;
                    }
                    try {
                        session.replay(recording, speed);
                        settingsChanged.run();
                    } catch (IllegalArgumentException e) {
                        runs.showProblem(text.format("runs.replay_failed", file.getFileName(), userMessage(e)));
                    }
                });
            } catch (IOException | IllegalArgumentException e) {
                Platform.runLater(() -> runs.showProblem(text.format("runs.replay_failed", file.getFileName(), userMessage(e))));
            }
        });
    }

    /** A problem in the pane's language ({@link LessonStrings#describe}). */
    private String userMessage(Exception e) {
        return strings.describe(e);
    }

    /** Stops following the session (the pane is being replaced). */
    public void detach() {
        runs.detach();
        questions.detach();
        session.stateProperty().removeListener(stateListener);
    }
}
