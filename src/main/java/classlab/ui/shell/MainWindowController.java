package classlab.ui.shell;

import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Messages;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.ExportService;
import classlab.ui.lesson.LessonPaneController;
import classlab.ui.lesson.LessonSession;
import classlab.ui.text.MarkdownView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * The main window: lesson navigator and instructor notes (both collapsible; the notes, which hold
 * the answers, start hidden so they never reach a projector by accident), the lesson pane, and the
 * status bar. Language and theme switch at run time by rebuilding the pane around the same
 * {@link LessonSession}, so a running experiment is not interrupted.
 */
public final class MainWindowController {
    private final Stage stage;
    private final LessonEnvironment environment;
    private final LessonCatalog catalog;
    private final ExportService exports;
    private final Consumer<Path> openFolder;
    /** Where unsaved runs are written when the user quits with "Save and quit". */
    /** Set on the FX thread at start-up, read by the shutdown hook ({@link #saveOnTermination}). */
    private volatile Path runsDir;
    private final Map<String, LessonSession> sessions = new LinkedHashMap<>();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private Messages messages;
    private Theme theme;
    private LessonPaneController pane;
    private StatusLine status;
    private Navigator nav;
    private SidePanels panels;

    @FXML private StackPane layers;
    @FXML private BorderPane root;
    @FXML private Label appTitle, languageLabel, themeLabel, navigatorTitle, notesTitle;
    @FXML private ChoiceBox<String> languageChoice;
    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private ToggleButton navigatorToggle, notesToggle;
    @FXML private Button fullScreenButton, spotlightButton;
    @FXML private SplitPane split;
    @FXML private VBox navigatorPanel, notesPanel;
    @FXML private TreeView<Object> navigator;
    @FXML private StackPane lessonHost;
    @FXML private ScrollPane notesScroll;
    @FXML private StatusBar statusBar;

    public MainWindowController(Stage stage, LessonEnvironment environment, LessonCatalog catalog, String language,
                                Theme theme, Path exportDir, Consumer<Path> openFolder) {
        this.stage = stage;
        this.environment = environment;
        this.catalog = catalog;
        this.messages = new Messages(language);
        this.theme = theme;
        this.exports = new ExportService(exportDir);
        this.openFolder = openFolder;
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(LessonStrings.LANGUAGES);
        languageChoice.setValue(messages.language());
        // each language by its own name ("한국어", "English"), not its code (trial: the box read "ko")
        languageChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String code) {
                return code == null ? "" : java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.forLanguageTag(code));
            }
            @Override public String fromString(String s) { return null; }
        });
        languageChoice.valueProperty().addListener((o, a, lang) -> setLanguage(lang));
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setValue(theme);
        themeChoice.valueProperty().addListener((o, a, t) -> setTheme(t));
        status = new StatusLine(statusBar, messages);
        nav = new Navigator(navigator, catalog, () -> messages.language(), this::openChosen);
        relabel();
        panels = new SidePanels(split, navigatorPanel, lessonHost, notesPanel, navigatorToggle, notesToggle);
        if (lessonListFolded(theme, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth())) {
            navigatorToggle.setSelected(false);
            lessonListFoldedByTheme = true;
        }
        notesToggle.selectedProperty().addListener((o, a, on) -> { if (on) buildNotes(); });
        // On a narrow projector the toolbar keeps its buttons; the window's title bar still names the app.
        appTitle.visibleProperty().bind(root.widthProperty().greaterThan(1500));
        appTitle.managedProperty().bind(appTitle.visibleProperty());
    }

    /**
     * Windows narrower than this show the presentation theme with the lesson list folded (☰ and Ctrl+B unfold it):
     * on a 1280×800 projector the list took a fifth of the width and the charts were about 480×170 px (trials).
     */
    static final double NARROW_PROJECTOR_WIDTH = 1600;

    /**
     * Whether a window in {@code theme} {@code width} px wide (the screen's at start-up, the window's when the
     * theme is switched) folds its lesson list.
     */
    static boolean lessonListFolded(Theme theme, double width) {
        return theme == Theme.PRESENTATION && width < NARROW_PROJECTOR_WIDTH;
    }

    /** Whether the lesson list is folded because the presentation theme folded it (leaving the theme shows it again). */
    private boolean lessonListFoldedByTheme;

    /** Installs keyboard shortcuts on the window's scene. */
    public void installShortcuts() {
        new Shortcuts(this).install(stage.getScene());
    }

    void withPane(Consumer<LessonPaneController> action) {
        if (pane != null) action.accept(pane);
    }

    void moveLesson(int delta) {
        List<LessonCatalog.Entry> entries = catalog.entries();
        int index = pane == null ? -1 : entries.indexOf(pane.session().entry());
        nav.select(entries.get(Math.floorMod(index + delta, entries.size())).id());
    }

    void toggleLanguage() { languageChoice.setValue(messages.language().equals("ko") ? "en" : "ko"); }
    void nextTheme() { themeChoice.setValue(Theme.values()[(theme.ordinal() + 1) % Theme.values().length]); }
    void toggleNotes() { panels.toggleNotes(); }
    void toggleNavigator() { panels.toggleNavigator(); }

    /**
     * A lesson chosen in the list or with Ctrl+PgUp/PgDn: the highlight and an "Opening …" note are
     * drawn first, then the pane is built (which takes seconds on a busy machine while a run trains).
     */
    private void openChosen(String lessonId) {
        if (pendingOpen != null) pendingOpen.stop();
        if (pane != null && pane.session().entry().id().equals(lessonId)) return;
        announceOpening(lessonId);
        pendingOpen = new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
        pendingOpen.setOnFinished(e -> open(lessonId));
        pendingOpen.play();
    }

    private javafx.animation.PauseTransition pendingOpen;

    /**
     * "Open folder" could not show {@code folder}: {@code opener} is not installed ({@code exitCode} null) or ended
     * with {@code exitCode}. Its path goes to the clipboard and the status bar names it.
     */
    void folderNotOpened(Path folder, String opener, Integer exitCode) {
        javafx.scene.input.ClipboardContent path = new javafx.scene.input.ClipboardContent();
        path.putString(folder.toAbsolutePath().toString());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(path);
        status.show(m -> exitCode == null ? m.format("export.open_folder_missing", folder.toAbsolutePath(), opener)
                : m.format("export.open_folder_failed", folder.toAbsolutePath(), opener, exitCode));
    }

    /** Says in the status bar that this lesson is opening (the window's first frame, before its pane is built). */
    void announceOpening(String lessonId) {
        status.show(m -> m.format("status.opening", catalog.find(lessonId).title(m.language())));
    }

    /** Opens a lesson by id (navigator selection, shortcuts, snapshot mode). */
    public LessonPaneController open(String lessonId) {
        LessonSession session = sessions.computeIfAbsent(lessonId, id -> {
            LessonCatalog.Entry entry = catalog.find(id);
            LessonSession s = new LessonSession(entry, entry.factory().apply(environment));
            s.stateProperty().addListener((o, a, st) -> showRunState(s));
            return s;
        });
        List<classlab.core.classroom.SavedRuns.Found> saved = toRestore.remove(lessonId);
        if (saved != null) {
            session.restore(runsDir, saved);
            markRestored(saved.stream().map(classlab.core.classroom.SavedRuns.Found::file).toList());
        }
        boolean another = pane == null || pane.session() != session;
        if (settings != null) settings.rememberLesson(lessonId);
        showPane(session);
        nav.select(lessonId);
        if (another) status.clear();
        for (LessonSession other : sessions.values()) {
            // The switch happens at once; a run of the lesson left behind keeps training there, and the status bar says so.
            if (other != session && other.isRunning()) {
                status.show(m -> m.format("status.run_elsewhere", other.entry().title(m.language())));
            }
        }
        return pane;
    }

    private void showPane(LessonSession session) {
        if (pane != null && pane.session() == session && lessonHost.getChildren().contains(pane.root())) return;
        if (pane != null) pane.detach();
        LessonStrings strings = LessonStrings.load(session.entry().id(), messages.language());
        FXMLLoader loader = new FXMLLoader(Resources.url("/fxml/lesson/lesson_pane.fxml"));
        LessonPaneController controller = new LessonPaneController(session, messages, strings, theme,
                new LessonPaneController.Services(exports, status::show, openFolder, layers));
        loader.setControllerFactory(type -> controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the lesson pane", e);
        }
        pane = controller;
        lessonHost.getChildren().setAll(controller.root());
        // The notes start hidden (they hold the answers): their Markdown is laid out when they are shown.
        String id = session.entry().id(), language = messages.language();
        Theme shown = theme;
        pendingNotes = () -> {
            String notes = Resources.text("/lessons/" + id + "/instructor." + language + ".md");
            MarkdownView view = new MarkdownView(notes, shown.fontSize() * 0.95, shown.textColour());
            view.setPadding(new javafx.geometry.Insets(8));
            notesScroll.setContent(view);
        };
        notesScroll.setContent(null);
        if (notesToggle.isSelected()) buildNotes();
        showRunState(session);
    }

    /** Builds the open lesson's instructor notes, if not done yet (the notes panel is being shown). */
    private void buildNotes() {
        Runnable build = pendingNotes;
        pendingNotes = null;
        if (build != null) build.run();
    }

    /** Builds the open lesson's notes in the current language and theme; null once built. */
    private Runnable pendingNotes;

    /**
     * Rebuilds the open pane from its session (another language or theme, parameters changed from
     * outside the form) on the tab and at the scroll position it showed.
     */
    public void rebuildPane() {
        if (pane == null) return;
        LessonPaneController.Place place = pane.place();
        rebuildPaneAtExperiment();
        pane.show(place);
    }

    /**
     * Builds the open lesson's pane again on the tab of the session's selected experiment: its settings
     * and experiment were set from outside the pane (a snapshot's {@code --experiment}, a replayed
     * recording), so the place on screen before them does not belong to the run.
     */
    void rebuildPaneAtExperiment() {
        if (pane == null) return;
        LessonSession current = pane.session();
        String tool = pane.classroom().openTool();
        pane.detach();
        pane = null;
        showPane(current);
        pane.classroom().open(tool);   // the Runs panel (or another tool) stays open
    }

    /** The open lesson pane, or null. */
    public LessonPaneController currentPane() { return pane; }

    /** Whether the instructor notes (with the answers) are on screen. */
    public boolean notesShown() { return panels.notesShown(); }

    /** Whether the open lesson's instructor notes have been built (they are, once shown). */
    boolean notesBuilt() { return notesScroll.getContent() != null; }

    private void showRunState(LessonSession session) {
        TrainingEngine.State state = session.stateProperty().get();
        if (pane != null && pane.session() == session) {
            boolean replay = state == TrainingEngine.State.RUNNING && session.showsReplayProperty().get();
            status.showRunState(messages.get("state." + (replay ? "REPLAYING" : state.name())));
            if (state == TrainingEngine.State.RUNNING) status.clear();
        } else if (state == TrainingEngine.State.FINISHED || state == TrainingEngine.State.STOPPED
                || state == TrainingEngine.State.FAILED) {
            // A run left training in another lesson has ended: said here, the window stays where the teacher is.
            // (By its state: the trainer thread that announced it may still be alive, so isRunning() can still be true.)
            status.show(m -> m.format("status.run_elsewhere_ended", session.entry().title(m.language()),
                    m.get("state." + state.name())));
        }
    }

    /** Where the window's language, theme and lesson are remembered for the next start, or null (snapshots, tests). */
    private WindowSettings settings;

    /** Remembers the language, the theme and the lesson in {@code settings} from now on (null: nowhere). */
    void rememberIn(WindowSettings settings) { this.settings = settings; }

    private void setLanguage(String lang) {
        if (settings != null) settings.rememberLanguage(lang);
        messages = new Messages(lang);
        status.setMessages(messages);
        relabel();
        nav.rebuild();
        if (pane != null) {
            rebuildPane();
            nav.select(pane.session().entry().id());
        }
    }

    private void setTheme(Theme t) {
        if (settings != null) settings.rememberTheme(t);
        // Switched to on a narrow window, the presentation theme folds the lesson list as at start-up (trial: at
        // 1280 px the list stayed open and the chart about 600 px wide); leaving it shows a list it folded.
        if (lessonListFolded(t, root.getWidth()) && navigatorToggle.isSelected()) {
            navigatorToggle.setSelected(false);
            lessonListFoldedByTheme = true;
        } else if (t != Theme.PRESENTATION && lessonListFoldedByTheme) {
            navigatorToggle.setSelected(true);
            lessonListFoldedByTheme = false;
        }
        layers.getStyleClass().remove(theme.styleClass());
        theme = t;
        layers.getStyleClass().add(theme.styleClass());
        rebuildPane();
    }

    private void relabel() {
        stage.setTitle(messages.get("app.title"));
        appTitle.setText(messages.get("app.title"));
        languageLabel.setText(messages.get("toolbar.language"));
        themeLabel.setText(messages.get("toolbar.theme"));
        notesToggle.setText(messages.get("toolbar.notes"));
        navigatorToggle.setText(messages.get("toolbar.navigator"));
        // No menu bar: the lesson keys are named where the lessons are.
        navigatorToggle.setTooltip(new javafx.scene.control.Tooltip(messages.get("toolbar.navigator.tip")));
        navigatorTitle.setTooltip(new javafx.scene.control.Tooltip(messages.get("toolbar.navigator.tip")));
        spotlightButton.setText(messages.get("toolbar.spotlight"));
        fullScreenButton.setText(messages.get("toolbar.fullscreen"));
        navigatorTitle.setText(messages.get("navigator.title"));
        notesTitle.setText(messages.get("notes.title"));
        themeChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Theme t) { return t == null ? "" : messages.get("theme." + t.name().toLowerCase()); }
            @Override public Theme fromString(String s) { return null; }
        });
    }

    /** Download progress from the downloading thread; shown by the 1 Hz status tick. */
    public void downloadProgress(String file, long done, long total) {
        if (status != null) status.downloadProgress(file, done, total);
    }

    /** Whether the catalogue has a lesson of this id. */
    boolean hasLesson(String lessonId) {
        return catalog.entries().stream().anyMatch(e -> e.id().equals(lessonId));
    }

    /** The first lesson of the catalogue, or null if there is none. */
    public String firstLessonId() {
        return catalog.entries().isEmpty() ? null : catalog.entries().get(0).id();
    }

    @FXML
    public void toggleFullScreen() { stage.setFullScreen(!stage.isFullScreen()); }

    @FXML
    public void toggleSpotlight() { withPane(LessonPaneController::toggleSpotlight); }

    /** Sets the folder that "Save and quit" writes unsaved runs to (the app gives {@code ~/ClassLab/runs}). */
    public void setRunsDir(Path dir) {
        runsDir = dir;
        classlab.ui.classroom.ClassroomTools.setRunsFolder(dir);
    }

    /** Runs saved on an earlier quit that belong to lessons not opened yet: given to each lesson when it opens. */
    private final Map<String, List<classlab.core.classroom.SavedRuns.Found>> toRestore = new java.util.HashMap<>();

    /**
     * Puts the runs that "Save and quit" wrote into {@link #setRunsDir the runs folder} back into their
     * lessons' run lists ({@link classlab.core.classroom.SavedRuns}): the folder is read on a background
     * thread, so the window is not held up; open lessons get their runs at once, the others when they
     * are opened, and the status bar says how many came back into how many lessons (and names files it
     * could not read). Each file is marked once its lesson has its run ({@link #markRestored}), so a run
     * comes back at one start only; a lesson not opened gets its runs at a later start. FX thread; call
     * once, after the window is shown.
     */
    public void restoreSavedRuns() {
        Path dir = runsDir;
        Thread reader = new Thread(() -> {
            try {
                classlab.core.classroom.SavedRuns.Scan scan = classlab.core.classroom.SavedRuns.scan(dir);
                if (!scan.runs().isEmpty() || !scan.unreadable().isEmpty()) javafx.application.Platform.runLater(() -> restored(dir, scan));
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                javafx.application.Platform.runLater(() -> status.show(m -> m.format("status.runs_restore_failed", dir, reason)));
            }
        }, "classlab-restore-runs");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Marks run files as put back ({@link classlab.core.classroom.SavedRuns#markRestored}) on a background
     * thread; when that fails the status bar says the runs will come back at the next start too.
     */
    private void markRestored(List<Path> files) {
        if (files.isEmpty()) return;
        Thread marker = new Thread(() -> {
            try {
                classlab.core.classroom.SavedRuns.markRestored(files);
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                javafx.application.Platform.runLater(() -> status.show(m -> m.format("status.runs_restore_unmarked", reason)));
            }
        }, "classlab-mark-restored");
        marker.setDaemon(true);
        marker.start();
    }

    private void restored(Path dir, classlab.core.classroom.SavedRuns.Scan scan) {
        if (shutDown.get()) return;
        Map<String, List<classlab.core.classroom.SavedRuns.Found>> byLesson = new LinkedHashMap<>();
        List<String> unreadable = new java.util.ArrayList<>(scan.unreadable());
        java.util.Set<String> known = new java.util.HashSet<>(catalog.entries().stream().map(LessonCatalog.Entry::id).toList());
        for (classlab.core.classroom.SavedRuns.Found f : scan.runs()) {
            if (known.contains(f.run().lesson())) byLesson.computeIfAbsent(f.run().lesson(), k -> new java.util.ArrayList<>()).add(f);
            else unreadable.add(dir.relativize(f.file()).toString());
        }
        int total = 0;
        List<Path> handedOver = new java.util.ArrayList<>(unreadable.stream().map(dir::resolve).toList());
        for (Map.Entry<String, List<classlab.core.classroom.SavedRuns.Found>> e : byLesson.entrySet()) {
            LessonSession open = sessions.get(e.getKey());
            if (open != null) {
                open.restore(dir, e.getValue());
                e.getValue().forEach(f -> handedOver.add(f.file()));
            } else {
                toRestore.put(e.getKey(), e.getValue());
            }
            total += e.getValue().size();
        }
        markRestored(handedOver);
        int count = total;
        status.show(m -> {
            String text = count == 0 ? "" : m.format("status.runs_restored", count, byLesson.size());
            if (!unreadable.isEmpty()) {
                text += (text.isEmpty() ? "" : " ") + m.format("status.runs_unreadable", unreadable.size(), String.join(", ", unreadable));
            }
            return text;
        });
    }

    /**
     * The user asked to quit (title-bar close, Ctrl+Q). With nothing to lose the window closes at
     * once; while a run trains or runs are unsaved a dialog names them and offers "Save and quit"
     * (the run in progress is stopped, kept as a stopped run, and every unsaved run is written as a
     * {@code .classlab-run.json} file into a timestamped folder under {@link #setRunsDir the runs
     * folder}), "Quit without saving" and "Keep working". FX thread.
     */
    public void requestQuit() {
        if (shutDown.get() || quitQuestion != null && quitQuestion.isShowing()) return;   // asked already
        List<String> running = quitRunning();
        if (running.isEmpty() && quitUnsaved().isEmpty()) {
            quit();
            return;
        }
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType(messages.get("quit.save"),
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(messages.get("quit.discard"),
                javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.ButtonType cancel = new javafx.scene.control.ButtonType(messages.get("quit.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Label body = new Label(quitText());
        body.setId("quitText");
        javafx.scene.control.Alert ask = classlab.ui.fx.Questions.ask(stage, theme, messages.get("quit.title"), quitHeader(), body,
                save, discard, cancel);
        ask.getDialogPane().setId("quitDialog");
        ((Button) ask.getDialogPane().lookupButton(save)).setId("quitSave");
        ((Button) ask.getDialogPane().lookupButton(discard)).setId("quitDiscard");
        ((Button) ask.getDialogPane().lookupButton(cancel)).setId("quitCancel");
        // The run trains on behind the dialog: say where it is now, not where it was when asked.
        javafx.animation.Timeline live = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(500), e -> {
                    body.setText(quitText());
                    ask.setHeaderText(quitHeader());
                }));
        live.setCycleCount(javafx.animation.Animation.INDEFINITE);
        live.play();
        quitQuestion = ask;
        ask.setOnHidden(e -> {
            live.stop();
            if (ask.getResult() == save) saveAndQuit();
            else if (ask.getResult() == discard) quit();
        });
        ask.show();
    }

    /** The quit dialog's header: a run trains, only paused runs (not "still training": a trial read that of a paused run), or runs not saved. */
    private String quitHeader() {
        boolean training = false, paused = false;
        for (LessonSession s : sessions.values()) {
            if (!s.isRunning()) continue;
            if (s.stateProperty().get() == TrainingEngine.State.PAUSED) paused = true;
            else training = true;
        }
        return messages.get(training ? "quit.header.running" : paused ? "quit.header.paused" : "quit.header.unsaved");
    }

    /** The quit dialog's text: the runs in training and where they are now, the unsaved runs, where "Save" writes. */
    private String quitText() {
        List<String> lines = new java.util.ArrayList<>(quitRunning());
        lines.addAll(quitUnsaved());
        lines.add("");
        lines.add(messages.format("quit.where", runsDir));
        return String.join("\n", lines);
    }

    /** One line per lesson whose run trains or is paused: "Pattern: run #2 (Full batch) is training: configuration 2/3 · epoch 11/25 ...". */
    private List<String> quitRunning() {
        List<String> running = new java.util.ArrayList<>();
        for (LessonSession s : sessions.values()) {
            if (!s.isRunning()) continue;
            LessonStrings strings = quitStrings.computeIfAbsent(s.entry().id() + "/" + messages.language(),
                    k -> LessonStrings.load(s.entry().id(), messages.language()));
            var r = s.history().running();
            String name = r != null ? r.experiment() : s.selectedExperiment();
            // a replay is named as the recorded run ("#2 (file 23:08)"), a trained run by its number
            String run = r != null ? LessonStrings.resolve(strings, r.label()) : "#" + (s.history().runs().size() + 1);
            boolean paused = s.stateProperty().get() == TrainingEngine.State.PAUSED;
            running.add(messages.format(paused ? "quit.paused" : "quit.running", s.entry().title(messages.language()),
                    run, strings.apply("experiment." + name),
                    classlab.ui.lesson.ProgressText.format(s.engine().progress(), name, s.progressUnit(), strings, messages, false)));
        }
        return running;
    }

    /** Each lesson's strings for the quit dialog's lines, read once (the dialog rewrites them every 500 ms). */
    private final Map<String, LessonStrings> quitStrings = new java.util.HashMap<>();

    /** One line per lesson with runs not saved: "Pattern: 2 unsaved runs (#1, #2)". */
    private List<String> quitUnsaved() {
        List<String> unsaved = new java.util.ArrayList<>();
        for (LessonSession s : sessions.values()) {
            List<classlab.core.classroom.RunRecord> runs = s.unsavedRuns();
            if (runs.isEmpty()) continue;
            String numbers = String.join(", ", runs.stream().map(r -> "#" + r.number()).toList());
            unsaved.add(messages.format("quit.unsaved", s.entry().title(messages.language()), runs.size(), numbers));
        }
        return unsaved;
    }

    /** The open "quit?" dialog, so a second close or Ctrl+Q does not stack another. */
    private javafx.scene.control.Alert quitQuestion;

    /** Stops every run, waits for them to be recorded, writes the unsaved runs, then quits (or stays open if writing fails). */
    private void saveAndQuit() {
        root.setDisable(true);
        Path dir = runsDir.resolve(java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss")));
        status.show(m -> m.format("quit.saving", dir));
        for (LessonSession s : sessions.values()) s.stop();
        List<LessonSession> all = List.copyOf(sessions.values());
        Thread saver = new Thread(() -> {
            int written;
            try {
                written = writeUnsaved(all, dir, 30_000);
            } catch (IOException | RuntimeException | InterruptedException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                javafx.application.Platform.runLater(() -> {
                    root.setDisable(false);
                    status.show(m -> m.format("quit.save_failed", dir, reason));
                });
                return;
            }
            int count = written;
            javafx.application.Platform.runLater(() -> {
                System.out.println(messages.format("quit.saved", count, dir));
                quit();
            });
        }, "classlab-save-on-quit");
        saver.setDaemon(true);
        saver.start();
    }

    /**
     * Waits up to {@code waitMillis} per session for its run to end and be recorded, then writes each
     * session's unsaved runs into {@code dir} (created when there is one) and marks them saved.
     * @return how many runs were written
     */
    private static int writeUnsaved(List<LessonSession> all, Path dir, long waitMillis) throws IOException, InterruptedException {
        int written = 0;
        for (LessonSession s : all) {
            s.engine().await(waitMillis, TimeUnit.MILLISECONDS);
            for (classlab.core.classroom.RunRecord r : s.unsavedRuns()) {
                java.nio.file.Files.createDirectories(dir);
                classlab.core.classroom.RunFiles.write(r, dir.resolve(r.lesson() + "-" + r.experiment() + "-run" + r.number()
                        + classlab.core.classroom.RunFiles.EXTENSION));
                s.markSaved(r.number());
                written++;
            }
        }
        return written;
    }

    /**
     * The process is ending without the user's say (SIGTERM: the window destroyed from outside, a
     * logout, {@code kill}): stops every run and writes the unsaved ones as "Save and quit" does, into
     * a timestamped folder under the runs folder, so nothing trained is lost (trial 5, item 14: the
     * runs were gone). Nothing is written once the user has quit through the window: their choice
     * stands. Called from a shutdown hook; any thread. Prints where the runs went.
     *
     * @param waitMillis how long to wait, per lesson, for a stopped run to be recorded (the launcher
     *                   kills its child {@code Launcher.CHILD_GRACE} after asking it to end)
     * @return how many runs were written
     */
    public int saveOnTermination(long waitMillis) throws IOException, InterruptedException {
        if (shutDown.get() || runsDir == null) return 0;
        List<LessonSession> all = List.copyOf(sessions.values());
        for (LessonSession s : all) s.stop();
        Path dir = runsDir.resolve(java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss")));
        int written = writeUnsaved(all, dir, waitMillis);
        if (written > 0) System.out.println(messages.format("quit.saved", written, dir));
        return written;
    }

    /** Stops the runs and closes every window of the app (the app ends with its last window). */
    private void quit() {
        shutdown();
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w instanceof Stage s) s.close();
        }
    }

    /**
     * Window closing (once, however often called): asks every run to stop, then waits off the FX
     * thread for each trainer to finish its iteration and for queued exports to be written.
     */
    public void shutdown() {
        if (!shutDown.compareAndSet(false, true)) return;
        if (pane != null) pane.detach();
        status.stop();
        for (LessonSession s : sessions.values()) s.stop();
        List<LessonSession> all = List.copyOf(sessions.values());
        Thread closer = new Thread(() -> {
            for (LessonSession s : all) s.dispose(5, TimeUnit.SECONDS);
            exports.close();
        }, "classlab-shutdown");
        closer.start();
    }
}
