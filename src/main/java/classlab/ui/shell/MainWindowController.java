package classlab.ui.shell;

import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.Backend;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonPaneController;
import classlab.ui.lesson.LessonSession;
import classlab.ui.text.MarkdownView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The main window: lesson navigator (grouped by notebook), the lesson pane, the instructor notes,
 * and the status bar (ND4J backend and threads, memory, run state). Language and theme switch at
 * run time; a language switch rebuilds the pane around the same {@link LessonSession}, so a
 * running experiment is not interrupted.
 */
public final class MainWindowController {
    private final Stage stage;
    private final LessonEnvironment environment;
    private final LessonCatalog catalog;
    private final Path exportDir;
    private final Map<String, LessonSession> sessions = new LinkedHashMap<>();
    private Messages messages;
    private Theme theme;
    private LessonPaneController pane;
    private String backendText;
    private volatile String download;

    @FXML private BorderPane root;
    @FXML private Label appTitle;
    @FXML private Label languageLabel;
    @FXML private ChoiceBox<String> languageChoice;
    @FXML private Label themeLabel;
    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private ToggleButton notesToggle;
    @FXML private Button fullScreenButton;
    @FXML private SplitPane split;
    @FXML private Label navigatorTitle;
    @FXML private TreeView<Object> navigator;
    @FXML private StackPane lessonHost;
    @FXML private VBox notesPanel;
    @FXML private Label notesTitle;
    @FXML private ScrollPane notesScroll;
    @FXML private StatusBar statusBar;
    private final Label backendLabel = new Label();
    private final Label memoryLabel = new Label();
    private final Label runLabel = new Label();

    public MainWindowController(Stage stage, LessonEnvironment environment, LessonCatalog catalog, String language,
                                Theme theme, Path exportDir) {
        this.stage = stage;
        this.environment = environment;
        this.catalog = catalog;
        this.messages = new Messages(language);
        this.theme = theme;
        this.exportDir = exportDir;
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(LessonStrings.LANGUAGES);
        languageChoice.setValue(messages.language());
        languageChoice.valueProperty().addListener((o, a, lang) -> setLanguage(lang));
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setValue(theme);
        themeChoice.valueProperty().addListener((o, a, t) -> setTheme(t));
        notesToggle.setSelected(true);
        notesToggle.selectedProperty().addListener((o, a, show) -> showNotes(show));
        navigator.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof LessonCatalog.Entry e) open(e.id());
        });
        navigator.setCellFactory(tv -> new javafx.scene.control.TreeCell<>() {
            @Override protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().remove("nav-group");
                if (empty || value == null) {
                    setText(null);
                } else if (value instanceof LessonCatalog.Entry e) {
                    setText(e.title(messages.language()));
                } else {
                    setText(value.toString());
                    getStyleClass().add("nav-group");
                }
            }
        });
        statusBar.getRightItems().addAll(runLabel, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                backendLabel, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), memoryLabel);
        backendLabel.setId("backendLabel");
        runLabel.setId("runLabel");
        Timeline memory = new Timeline(new KeyFrame(Duration.seconds(1), e -> showMemory()));
        memory.setCycleCount(Timeline.INDEFINITE);
        memory.play();
        showMemory();
        relabel();
        backendText = messages.get("status.backend.loading");
        backendLabel.setText(backendText);
        // Only listen here: ClassLabApp starts the load once the window is shown (faster first window).
        Backend.whenReady().whenComplete((info, error) -> Platform.runLater(() -> {
            backendText = error == null ? info.describe() : messages.format("status.backend.failed", error.getMessage());
            backendLabel.setText(backendText);
            statusBar.setText(error == null ? messages.format("status.backend.ready", info.startMillis()) : backendText);
        }));
        buildNavigator();
    }

    /** Installs keyboard shortcuts on the window's scene. */
    public void installShortcuts() {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(new KeyCodeCombination(KeyCode.F5), () -> withPane(LessonPaneController::onRun));
        keys.put(new KeyCodeCombination(KeyCode.F6), () -> withPane(LessonPaneController::onPause));
        keys.put(new KeyCodeCombination(KeyCode.F7), () -> withPane(LessonPaneController::onStep));
        keys.put(new KeyCodeCombination(KeyCode.F8), () -> withPane(LessonPaneController::onStop));
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withPane(LessonPaneController::onReset));
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> withPane(LessonPaneController::onExportAll));
        keys.put(new KeyCodeCombination(KeyCode.F11), this::toggleFullScreen);
        keys.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> moveLesson(1));
        keys.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> moveLesson(-1));
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> languageChoice.setValue(messages.language().equals("ko") ? "en" : "ko"));
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                () -> themeChoice.setValue(Theme.values()[(theme.ordinal() + 1) % Theme.values().length]));
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> notesToggle.setSelected(!notesToggle.isSelected()));
        stage.getScene().getAccelerators().putAll(keys);
    }

    private void withPane(java.util.function.Consumer<LessonPaneController> action) {
        if (pane != null) action.accept(pane);
    }

    private void moveLesson(int delta) {
        List<LessonCatalog.Entry> entries = catalog.entries();
        int index = pane == null ? -1 : entries.indexOf(pane.session().entry());
        int next = Math.floorMod(index + delta, entries.size());
        selectInNavigator(entries.get(next).id());
    }

    private void buildNavigator() {
        TreeItem<Object> rootItem = new TreeItem<>();
        TreeItem<Object> group = null;
        String notebook = null;
        for (LessonCatalog.Entry e : catalog.entries()) {
            if (!e.notebook().equals(notebook)) {
                notebook = e.notebook();
                group = new TreeItem<>(e.notebook() + " · " + e.groupTitle(messages.language()));
                group.setExpanded(true);
                rootItem.getChildren().add(group);
            }
            group.getChildren().add(new TreeItem<>(e));
        }
        navigator.setRoot(rootItem);
    }

    /** Opens a lesson by id (navigator selection, shortcuts, snapshot mode). */
    public LessonPaneController open(String lessonId) {
        LessonSession session = sessions.computeIfAbsent(lessonId, id -> {
            LessonCatalog.Entry entry = catalog.find(id);
            LessonSession s = new LessonSession(entry, entry.factory().apply(environment));
            s.stateProperty().addListener((o, a, st) -> showRunState(s, st));
            return s;
        });
        showPane(session);
        selectInNavigator(lessonId);
        return pane;
    }

    private void selectInNavigator(String lessonId) {
        for (TreeItem<Object> g : navigator.getRoot().getChildren()) {
            for (TreeItem<Object> item : g.getChildren()) {
                if (((LessonCatalog.Entry) item.getValue()).id().equals(lessonId)
                        && navigator.getSelectionModel().getSelectedItem() != item) {
                    navigator.getSelectionModel().select(item);
                }
            }
        }
    }

    private void showPane(LessonSession session) {
        if (pane != null && pane.session() == session && lessonHost.getChildren().contains(pane.root())) return;
        if (pane != null) pane.detach();
        LessonStrings strings = LessonStrings.load(session.entry().id(), messages.language());
        FXMLLoader loader = new FXMLLoader(Resources.url("/fxml/lesson/lesson_pane.fxml"));
        LessonPaneController controller = new LessonPaneController(session, messages, strings, theme, exportDir,
                statusBar::setText);
        loader.setControllerFactory(type -> controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lesson pane", e);
        }
        pane = controller;
        lessonHost.getChildren().setAll(controller.root());
        String notes = Resources.text("/lessons/" + session.entry().id() + "/instructor." + messages.language() + ".md");
        MarkdownView view = new MarkdownView(notes, theme.fontSize() * 0.95, theme.textColour());
        view.setPadding(new javafx.geometry.Insets(8));
        notesScroll.setContent(view);
        showRunState(session, session.stateProperty().get());
    }

    /** Rebuilds the open pane from its session (after parameters were changed from outside the form). */
    public void rebuildPane() {
        if (pane == null) return;
        LessonSession current = pane.session();
        pane.detach();
        pane = null;
        showPane(current);
    }

    /** The open lesson pane, or null. */
    public LessonPaneController currentPane() { return pane; }

    private void showRunState(LessonSession session, TrainingEngine.State state) {
        if (pane != null && pane.session() == session) {
            runLabel.setText(messages.get("state." + state.name()));
        }
    }

    private void setLanguage(String lang) {
        messages = new Messages(lang);
        relabel();
        buildNavigator();
        if (pane != null) {
            LessonSession current = pane.session();
            pane.detach();
            pane = null;
            showPane(current);
            selectInNavigator(current.entry().id());
        }
    }

    private void setTheme(Theme t) {
        root.getScene().getRoot().getStyleClass().remove(theme.styleClass());
        theme = t;
        root.getScene().getRoot().getStyleClass().add(theme.styleClass());
        rebuildPane();
    }

    private void relabel() {
        stage.setTitle(messages.get("app.title"));
        appTitle.setText(messages.get("app.title"));
        languageLabel.setText(messages.get("toolbar.language"));
        themeLabel.setText(messages.get("toolbar.theme"));
        notesToggle.setText(messages.get("toolbar.notes"));
        fullScreenButton.setText(messages.get("toolbar.fullscreen"));
        navigatorTitle.setText(messages.get("navigator.title"));
        notesTitle.setText(messages.get("notes.title"));
        themeChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Theme t) { return t == null ? "" : messages.get("theme." + t.name().toLowerCase()); }
            @Override public Theme fromString(String s) { return null; }
        });
        if (backendText != null) backendLabel.setText(backendText);
    }

    private void showNotes(boolean show) {
        if (show && !split.getItems().contains(notesPanel)) {
            split.getItems().add(notesPanel);
            split.setDividerPosition(1, 0.8);
        } else if (!show) {
            split.getItems().remove(notesPanel);
        }
    }

    /** Download progress from the downloading thread; shown by the 1 Hz status tick. */
    public void downloadProgress(String file, long done, long total) {
        download = total > 0 ? messages.format("status.download", file, 100 * done / total)
                             : messages.format("status.download.bytes", file, done >> 10);
        if (total > 0 && done >= total) download = null;
    }

    /** The first lesson of the catalogue, or null if there is none. */
    public String firstLessonId() {
        return catalog.entries().isEmpty() ? null : catalog.entries().get(0).id();
    }

    private void showMemory() {
        String d = download;
        if (d != null) statusBar.setText(d);
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long resident = Backend.residentBytes() >> 20;  // the process's resident set (RSS)
        memoryLabel.setText(String.format(Locale.ROOT, messages.get("status.memory"), heap, resident));
    }

    @FXML
    public void toggleFullScreen() { stage.setFullScreen(!stage.isFullScreen()); }

    /** Stops every run (window closing mid-training): each trainer finishes its current iteration and ends. */
    public void shutdown() {
        if (pane != null) pane.detach();
        for (LessonSession s : sessions.values()) s.stop();
        for (LessonSession s : sessions.values()) s.dispose();
    }
}
