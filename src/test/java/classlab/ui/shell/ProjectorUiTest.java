package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonPaneController;
import classlab.ui.lesson.LessonSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Classroom use on a projector: layout at 1920×1080, notes hidden, step, progress, tabs, export, spotlight, quick demo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectorUiTest extends FxRobot {
    @TempDir static Path exportDir;
    private ClassLabApp app;

    /** One window for every check (each start costs seconds): opened in Korean on the projector theme. */
    @BeforeAll
    void startOnce() throws Exception {
        System.setProperty("classlab.exportDir", exportDir.toString());
        app = AppUnderTest.start("ko", Theme.PRESENTATION, ShellUiTest.mnistMini(), "regularization");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void stopOnce() throws Exception {
        AppUnderTest.close(app);
    }

    /** Opens {@code lesson} in {@code lang} and the theme (the window stays). */
    private MainWindowController start(String lang, Theme theme, String lesson) {
        MainWindowController shell = app.controller();
        interact(() -> {
            lookup("#languageChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue(lang);
            lookup("#themeChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue(theme);
            shell.open(lesson);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return shell;
    }

    private Stage stage() { return (Stage) lookup("#lessonHost").query().getScene().getWindow(); }

    /** Widths of the chart tiles of the selected section tab. */
    private List<Double> chartWidths() {
        WaitForAsyncUtils.waitForFxEvents();
        Node tab = lookup("#sections").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getContent();
        return from(tab).lookup(".figure-tile").queryAll().stream()
                .filter(n -> !n.getId().startsWith("figure-results") && n.getParent().getStyleClass().contains("figure-grid"))
                .map(n -> n.getLayoutBounds().getWidth()).toList();
    }

    private boolean horizontalScrollBarShown() {
        return from(lookup("#lessonHost").<Node>query()).lookup(".scroll-bar").queryAll().stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && shown(b) && b.getVisibleAmount() < b.getMax() - b.getMin());
    }

    /** Visible with all its ancestors (a hidden drawer's scrollbars do not count). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getLayoutBounds().getWidth() > 0;
    }

    @Test
    void projectorLayoutGivesChartsTheWidthAndHidesTheAnswers() throws Exception {
        MainWindowController shell = start("ko", Theme.PRESENTATION, "regularization");
        assertTrue(stage().isMaximized(), "the window opens maximised");
        assertFalse(shell.notesShown(), "instructor notes (with the answers) start hidden");
        interact(() -> {
            stage().setMaximized(false);
            stage().setWidth(1920);
            stage().setHeight(1080);
        });
        interact(() -> lookup("#sections").queryAs(TabPane.class).getSelectionModel().select(3));
        List<Double> widths = chartWidths();
        assertFalse(widths.isEmpty());
        for (double w : widths) assertTrue(w >= 960, "every chart at least half of a 1920 px screen: " + widths);
        assertFalse(horizontalScrollBarShown(), "no horizontal scrollbar");

        assertFalse(shell.notesBuilt(), "hidden notes are not built at each lesson switch");
        interact(() -> lookup("#notesToggle").queryAs(ToggleButton.class).setSelected(true));
        assertTrue(shell.notesBuilt(), "shown, they are there");
        double withNotes = chartWidths().get(0);
        interact(() -> lookup("#notesToggle").queryAs(ToggleButton.class).setSelected(false));
        interact(() -> lookup("#navigatorToggle").queryAs(ToggleButton.class).setSelected(false));
        interact(() -> lookup("#formToggle").queryAs(ToggleButton.class).setSelected(false));
        double alone = chartWidths().get(0);
        assertTrue(alone > withNotes + 500, "hiding notes, lesson list and form widens charts: " + withNotes + " -> " + alone);

        interact(() -> {
            stage().setWidth(1280);
            stage().setHeight(800);
        });
        for (double w : chartWidths()) assertTrue(w >= 640, "1280×800 projector: charts at least half the width: " + w);
        assertFalse(horizontalScrollBarShown());
        interact(() -> {
            lookup("#navigatorToggle").queryAs(ToggleButton.class).setSelected(true);
            stage().setMaximized(true);
        });
    }

    /**
     * Switched to on a 1280 px window, the presentation theme folds the lesson list as a start on such a
     * screen does, and the light theme shows it again (trial: the list stayed, the chart about 600 px wide).
     */
    @Test
    void thePresentationThemeSwitchedToAt1280FoldsTheLessonList() throws Exception {
        start("ko", Theme.LIGHT, "regularization");
        ToggleButton list = lookup("#navigatorToggle").queryAs(ToggleButton.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Theme> themes = lookup("#themeChoice").queryAs(javafx.scene.control.ChoiceBox.class);
        interact(() -> {
            stage().setMaximized(false);
            stage().setWidth(1280);
            stage().setHeight(800);
            list.setSelected(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> themes.setValue(Theme.PRESENTATION));
        assertFalse(list.isSelected(), "folded on the projector");
        interact(() -> themes.setValue(Theme.LIGHT));
        assertTrue(list.isSelected(), "shown again with the light theme");
        interact(() -> {
            themes.setValue(Theme.PRESENTATION);
            list.setSelected(true);
            stage().setMaximized(true);
        });
    }

    /**
     * Trial 2 item 6: at 1280×800 with the lesson list and the form shown, opening Runs squeezed the
     * charts to about 260 px. Now the form folds away while the drawer is open (its button goes off),
     * comes back when the drawer closes, and showing the form closes the drawer.
     */
    @Test
    void at1280TheRunsDrawerAndTheFormTakeTurnsSoChartsStayReadable() throws Exception {
        start("ko", Theme.PRESENTATION, "imbalance");
        interact(() -> {
            stage().setMaximized(false);
            stage().setWidth(1280);
            stage().setHeight(800);
            lookup("#navigatorToggle").queryAs(ToggleButton.class).setSelected(true);
            lookup("#formToggle").queryAs(ToggleButton.class).setSelected(true);
        });
        ToggleButton form = lookup("#formToggle").queryAs(ToggleButton.class);
        ToggleButton runs = lookup("#tool-runs").queryAs(ToggleButton.class);
        interact(() -> runs.setSelected(true));
        assertFalse(form.isSelected(), "the form folded away for the drawer");
        for (double w : chartWidths()) assertTrue(w >= 560, "charts beside the Runs drawer at 1280 px (were 260): " + w);
        // ... and as tall as the section's viewport allows: the legend under the chart is in sight, not cut off
        javafx.scene.control.ScrollPane charts = from(lookup("#sections").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getContent())
                .lookup(".live-charts").queryAs(javafx.scene.control.ScrollPane.class);
        Node tile = from(charts).lookup("#figure-test_accuracy").query();
        double viewport = charts.getViewportBounds().getHeight();
        assertTrue(tile.getLayoutBounds().getHeight() <= viewport, "tile " + tile.getLayoutBounds().getHeight() + " within viewport " + viewport);
        interact(() -> runs.setSelected(false));
        assertTrue(form.isSelected(), "the form is back when the drawer closes");
        interact(() -> runs.setSelected(true));
        interact(() -> form.setSelected(true));
        assertFalse(runs.isSelected(), "showing the form closed the drawer");
        interact(() -> stage().setMaximized(true));
    }

    /** Trial 2 item 19: before a run the epoch charts span the planned epochs (imbalance: 25), and follow the form. */
    @Test
    void beforeARunEpochChartsSpanThePlannedEpochs() throws Exception {
        start("ko", Theme.PRESENTATION, "imbalance");
        LessonSession session = app.controller().currentPane().session();
        interact(session::reset);
        classlab.core.figure.LineFigure accuracy = (classlab.core.figure.LineFigure) session.model().figures("experiment").stream()
                .filter(f -> f.id().equals("test_accuracy")).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Double.valueOf(25).equals(accuracy.xMax()));
        assertEquals(0.0, accuracy.xMin());
        interact(() -> assertNull(session.setParam("epochs", "7")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Double.valueOf(7).equals(accuracy.xMax()));
        interact(session::resetParams);
    }

    @Test
    void at1280x800NoTextIsCutWithoutAnEllipsisAndNoCaptionsOverlap() throws Exception {
        start("ko", Theme.PRESENTATION, "regularization");
        interact(() -> {
            stage().setMaximized(false);
            stage().setWidth(1280);
            stage().setHeight(800);
        });
        TabPane tabs = lookup("#sections").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "dropout".equals(t.getUserData())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        // The dropout masks' captions: wrapped, none over another.
        classlab.ui.widget.GridFigureView masks = (classlab.ui.widget.GridFigureView) app.controller().currentPane().figureViews().stream()
                .filter(v -> v.figure().id().equals("dropout_masks")).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            interact(() -> app.controller().currentPane().refreshFigures());
            return WaitForAsyncUtils.asyncFx(masks::captionBoxes).get().size() >= 5;
        });
        List<javafx.geometry.BoundingBox> boxes = WaitForAsyncUtils.asyncFx(masks::captionBoxes).get();
        for (int i = 0; i < boxes.size(); i++) for (int j = i + 1; j < boxes.size(); j++) {
            assertFalse(boxes.get(i).intersects(boxes.get(j)), "mask captions overlap: " + boxes.get(i) + ", " + boxes.get(j));
        }
        // The lesson list: titles that do not fit on one line wrap (no horizontal scrollbar, no "…", no text cut at the edge).
        javafx.scene.control.TreeView<?> navigator = lookup("#navigator").queryAs(javafx.scene.control.TreeView.class);
        assertFalse(from(navigator).lookup(".scroll-bar").queryAll().stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()), "no horizontal scrollbar in the lesson list");
        int wrapped = 0;
        for (Node n : from(navigator).lookup(".tree-cell").queryAll()) {
            javafx.scene.control.TreeCell<?> cell = (javafx.scene.control.TreeCell<?>) n;
            if (cell.getText() == null || !cell.isVisible()) continue;
            String shown = ((javafx.scene.text.Text) cell.lookup(".text")).getText();
            assertEquals(cell.getText(), shown, "a lesson title cut in the list");
            assertTrue(cell.getLayoutBounds().getWidth() <= navigator.getWidth(), cell.getText() + " wider than the list");
            if (cell.getHeight() > 1.8 * cell.getFont().getSize() * 1.4) wrapped++;
        }
        assertTrue(wrapped > 0, "at this width some Korean titles are long enough to need a second line");
        // The Runs drawer's replay row ("Open recording…" and "2 epochs/s" were cut in English) and the
        // status bar (a long export message, trial 3 item 19): nothing cut.
        interact(() -> lookup("#languageChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue("en"));
        clickOn("#tool-runs");
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.Labeled> replay = Stream.concat(Stream.of(lookup("#replayOpen").queryAs(javafx.scene.control.Labeled.class)),
                from(lookup("#replaySpeed").<Node>query()).lookup(".list-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                        .filter(c -> c.getText() != null && !c.getText().isEmpty())).toList();
        assertEquals(2, replay.size(), "the open button and the speed's cell");
        for (javafx.scene.control.Labeled l : replay) {
            assertEquals(l.getText(), ((javafx.scene.text.Text) l.lookup(".text")).getText(), "cut in the Runs drawer");
        }
        clickOn("#tool-runs");
        interact(() -> lookup("#languageChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue("ko"));
        interact(() -> app.controller().currentPane().onExportAll());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.controller().currentPane().lastExportFolder() != null);
        WaitForAsyncUtils.waitForFxEvents();
        org.controlsfx.control.StatusBar bar = lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        String message = bar.getText();
        assertTrue(message.contains(app.controller().currentPane().lastExportFolder().toString()), message);
        String shownMessage = String.join("", from(bar).lookup(".status-label .text").queryAll().stream()
                .map(t -> ((javafx.scene.text.Text) t).getText()).toList());
        assertEquals(message, shownMessage, "the export message with its folder, whole");
        // the backend too (trial use: "CPU (oneDNN AVX2, OPENBLAS, 스…" at 1280 px), its whole description in the tooltip
        classlab.core.train.Backend.Info backend = classlab.core.train.Backend.whenReady().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(StatusLine.describe(backend, new classlab.ui.fx.Messages("ko")),
                lookup("#backendLabel").queryAs(Label.class).getTooltip().getText());
        for (String id : new String[] {"#memoryLabel", "#runLabel", "#backendLabel"}) {
            Label l = lookup(id).queryAs(Label.class);
            // read on the FX thread: the memory figure changes every second
            String[] texts = WaitForAsyncUtils.asyncFx(() -> new String[] {l.getText(), ((javafx.scene.text.Text) l.lookup(".text")).getText()}).get();
            assertEquals(texts[0], texts[1], id + " squeezed");
        }
        // Tables: column names wrap instead of being cut.
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "experiment".equals(t.getUserData())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Node tab = tabs.getSelectionModel().getSelectedItem().getContent();
        List<Node> headers = from(tab).lookup(".column-header .label").queryAll().stream().toList();
        assertFalse(headers.isEmpty());
        for (Node n : headers) {
            Label header = (Label) n;
            String shown = ((javafx.scene.text.Text) header.lookup(".text")).getText();
            assertFalse(shown.endsWith("..."), "header '" + header.getText() + "' cut to '" + shown + "'");
        }
        interact(() -> stage().setMaximized(true));
    }

    /**
     * The progress line at its longest (four configurations, a five-digit iteration count, the time
     * left; a stopped replay) is shown whole at 1280×800, wrapped where needed, in both languages and
     * both themes: no ellipsis, not clipped, inside the window.
     */
    @Test
    void at1280x800TheProgressLineIsReadableWhole() throws Exception {
        TrainingEngine.Progress live = new TrainingEngine.Progress("both", 2, 4, 17, 30, 12345, 0.5, 600_000_000_000L);
        classlab.core.classroom.RunRecord stoppedReplay = new classlab.core.classroom.RunRecord(1, "regularization", "all_four",
                "experiment", java.util.Map.of(), java.util.Map.of(), List.of(), 42L, java.time.Instant.now(), "STOPPED",
                java.util.Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new classlab.core.classroom.RunRecord.Source(12, java.time.Instant.now(), true), live);
        for (Theme theme : List.of(Theme.PRESENTATION, Theme.LIGHT)) {
            for (String lang : List.of("ko", "en")) {
                MainWindowController shell = start(lang, theme, "regularization");
                interact(() -> {
                    stage().setMaximized(false);
                    stage().setWidth(1280);
                    stage().setHeight(800);
                });
                WaitForAsyncUtils.waitForFxEvents();
                classlab.ui.lesson.RunBarModel bar = shell.currentPane().runState();
                for (boolean running : new boolean[] {true, false}) {
                    String[] text = new String[2];
                    double[] extent = new double[4];
                    interact(() -> {
                        bar.showState(running ? TrainingEngine.State.RUNNING : TrainingEngine.State.STOPPED);
                        bar.showProgress(live, "all_four", "epoch", running ? null : stoppedReplay, true);
                        javafx.scene.Parent root = stage().getScene().getRoot();
                        root.applyCss();
                        root.layout();
                        Label label = lookup("#progressLabel").queryAs(Label.class);
                        javafx.scene.text.Text shown = (javafx.scene.text.Text) label.lookup(".text");
                        text[0] = label.getText();
                        text[1] = shown.getText();
                        extent[0] = label.localToScene(label.getLayoutBounds()).getMaxX();
                        extent[1] = stage().getScene().getWidth();
                        extent[2] = shown.getLayoutBounds().getHeight();
                        extent[3] = label.getHeight();
                        bar.showState(shell.currentPane().session().stateProperty().get());
                    });
                    String where = lang + ", " + theme + (running ? ", running" : ", stopped replay") + ": ";
                    assertTrue(text[0].contains("12345"), where + text[0]);
                    assertEquals(text[0], text[1], where + "the line is shown whole");
                    assertTrue(extent[0] <= extent[1] + 0.5, where + "the line ends inside the window: " + extent[0] + " > " + extent[1]);
                    assertTrue(extent[2] <= extent[3] + 0.5, where + "no line of it is clipped: text " + extent[2] + " px high in a label of " + extent[3]);
                }
            }
        }
        interact(() -> stage().setMaximized(true));
    }

    @Test
    void tabChoosesTheExperimentAndSpotlightShowsAChart() throws Exception {
        MainWindowController shell = start("en", Theme.LIGHT, "roc-smoothing");
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        TabPane tabs = lookup("#sections").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "smoothing".equals(t.getUserData())).findFirst().orElseThrow()));
        assertEquals("label_smoothing", choice.getValue().name(), "the label-smoothing tab runs label smoothing");
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "roc".equals(t.getUserData())).findFirst().orElseThrow()));
        assertEquals("roc", choice.getValue().name());

        press(KeyCode.F9).release(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(shell.currentPane().spotlitFigure(), "F9 shows a chart over the window");
        assertTrue(lookup("#spotlight").tryQuery().isPresent());
        String first = shell.currentPane().spotlitFigure().id();
        press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(first, shell.currentPane().spotlitFigure().id(), "→ shows the next chart");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(shell.currentPane().spotlitFigure(), "Esc closes the spotlight");

        LessonSession session = shell.currentPane().session();
        interact(() -> lookup("#quickDemoToggle").queryAs(ToggleButton.class).setSelected(true));
        assertEquals(4, session.values().getInt("epochs"), "quick demo: 20 epochs become 4");
        assertEquals(5, session.values().getInt("ls_epochs"), "and every other epoch count too");
        interact(() -> lookup("#quickDemoToggle").queryAs(ToggleButton.class).setSelected(false));
        assertEquals(20, session.values().getInt("epochs"));
        assertEquals(25, session.values().getInt("ls_epochs"));
    }

    @Test
    void stepMovesTheIterationCounterAndTheMiniBatchChart() throws Exception {
        MainWindowController shell = start("en", Theme.LIGHT, "pattern");
        LessonSession session = shell.currentPane().session();
        Label progress = lookup("#progressLabel").queryAs(Label.class);
        for (int i = 1; i <= 2; i++) {
            press(KeyCode.F7).release(KeyCode.F7);
            int step = i;
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.iterationLoss().allSeries().stream()
                    .mapToInt(s -> s.size()).sum() == step && session.stateProperty().get() == TrainingEngine.State.PAUSED);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> progress.getText().contains("iteration " + step));
        }
        interact(() -> shell.currentPane().onStop());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session.isRunning());
    }

    @Test
    void runReportsProgressInUserTermsAndExportsStampedTranslatedFiles() throws Exception {
        MainWindowController shell = start("en", Theme.LIGHT, "batchnorm-gradients");
        LessonPaneController pane = shell.currentPane();
        LessonSession session = pane.session();
        interact(() -> {
            // snapshot --epochs N sets every epoch count of the lesson (it has four), then the run picks its own
            session.setAllEpochs(3);
            for (String k : List.of("epochs", "bn_effect_epochs", "gradient_epochs")) assertEquals(3, session.values().getInt(k), k);
            assertNull(session.setParam("epochs", "2"));
            assertNull(session.setParam("batch_sizes", "64, 128"));
            @SuppressWarnings("unchecked")
            ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
            choice.setValue(session.model().experiment("batch_size"));
        });
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        interact(pane::refreshFigures);
        String text = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(text.contains("configuration 2 of 2") && text.contains("epoch 2/2"), text);
        assertFalse(text.contains("batch_size"), "no internal ids: " + text);
        assertEquals(1.0, lookup("#progressBar").queryAs(ProgressBar.class).getProgress(), 1e-9);

        interact(pane::onExportAll);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.lastExportFolder() != null);
        Path first = pane.lastExportFolder();
        List<Path> csvs;
        try (Stream<Path> files = Files.list(first)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertTrue(csvs.stream().anyMatch(p -> p.getFileName().toString().equals("batch_size_loss.csv")));
        assertFalse(Files.exists(first.resolve("bn_effect_loss.csv")), "experiments never run are not exported");
        for (Path csv : csvs) {
            String content = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(content.startsWith("# " + session.entry().title("en") + " · "), csv + ": stamped");
            assertTrue(content.lines().count() > 2, csv + " has rows");
            for (String raw : new String[] {"column.", "series.", "csv."}) assertFalse(content.contains(raw), csv + " holds " + raw + ":\n" + content);
        }
        assertTrue(Files.readString(first.resolve("batch_size_loss.csv")).lines().findFirst().orElseThrow().contains("Batch sizes 64, 128"),
                "the stamp names the changed settings as the form does (trial 3, item 7)");

        interact(() -> pane.onExportAll());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !first.equals(pane.lastExportFolder()));
        assertEquals(first.getParent(), pane.lastExportFolder().getParent(), "a second export goes to a new folder beside the first");

        javafx.scene.control.Button gif = from(lookup("#figure-batch_size_loss").<Node>query()).lookup(".button")
                .queryAllAs(javafx.scene.control.Button.class).stream().filter(b -> b.getText().equals("GIF")).findFirst().orElseThrow();
        interact(gif::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.lastExportFolder() != null
                && Files.exists(pane.lastExportFolder().resolve("batch_size_loss.gif")));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(pane.lastExportFolder().resolve("batch_size_loss.gif").toFile())) {
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true), "one frame per epoch");
            // trial 2 item 15: 2x the figure size as the PNG export (was 520 px wide)
            assertEquals(2 * Theme.LIGHT.figureWidth(), reader.getWidth(0), 1, "GIF width");
        } finally {
            reader.dispose();
        }
    }

    /**
     * Trial use: the confusion matrix was small on a projector, a 10×10 matrix in one of the section's
     * equal tiles. It now has a tile of its own, as wide as the charts and as tall as the viewport, its
     * column names slanted at 45° rather than upright and its caption on one line. Cells before → after:
     * 1920×1080 light 22 → 73 px, 1280×800 presentation 17 → 20 px (the window's header takes the
     * rest of that screen's height; Spotlight shows the matrix over the whole window), 1920×1080
     * presentation 47 → 49 px. The tile never exceeds the viewport, so the whole matrix is in sight.
     */
    @Test
    void at1280x800TheConfusionMatrixUsesTheSpaceItHas() throws Exception {
        // language, theme, screen width and height, smallest cell in px
        Object[][] screens = {{"ko", Theme.PRESENTATION, 1280, 800, 20.0}, {"en", Theme.LIGHT, 1920, 1080, 60.0}, {"ko", Theme.PRESENTATION, 1920, 1080, 45.0}};
        for (Object[] screen : screens) {
            MainWindowController shell = start((String) screen[0], (Theme) screen[1], "cifar");
            interact(() -> {
                stage().setMaximized(false);
                stage().setWidth((Integer) screen[2]);
                stage().setHeight((Integer) screen[3]);
            });
            LessonPaneController pane = shell.currentPane();
            classlab.core.figure.GridFigure confusion = (classlab.core.figure.GridFigure) pane.session().model().figures("errors").stream()
                    .filter(f -> f.id().equals("confusion")).findFirst().orElseThrow();
            String[] names = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
            double[][] counts = new double[10][10];
            for (int r = 0; r < 10; r++) for (int c = 0; c < 10; c++) counts[r][c] = r == c ? 150 + 7 * r : (r * 31 + c * 17) % 40;
            confusion.setPanels(List.of(new classlab.core.figure.GridFigure.Panel("accuracy 0.620 · 2000 test images", counts, names, names, true)));
            TabPane tabs = lookup("#sections").queryAs(TabPane.class);
            interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "errors".equals(t.getUserData())).findFirst().orElseThrow()));
            interact(pane::refreshFigures);
            WaitForAsyncUtils.waitForFxEvents();
            classlab.ui.widget.GridFigureView view = (classlab.ui.widget.GridFigureView) pane.figureViews().stream()
                    .filter(v -> v.figure() == confusion).findFirst().orElseThrow();
            double[] cell = WaitForAsyncUtils.asyncFx(() -> {
                double[] a = view.cellCenter(0, 0, 0), b = view.cellCenter(0, 1, 1);
                return new double[] {b[0] - a[0], b[1] - a[1]};
            }).get();
            String where = screen[1] + " " + screen[2] + "x" + screen[3];
            assertTrue(cell[0] >= (Double) screen[4] && cell[1] >= (Double) screen[4], where + ": confusion cells " + cell[0] + " x " + cell[1] + " px");
            Node tile = lookup("#figure-confusion").query();
            ScrollPane scroll = (ScrollPane) tabs.getSelectionModel().getSelectedItem().getContent().lookup(".live-charts");
            double tileHeight = tile.getLayoutBounds().getHeight(), viewport = scroll.getViewportBounds().getHeight();
            assertTrue(tileHeight <= viewport, where + ": the matrix fits the viewport: tile " + tileHeight + ", viewport " + viewport);
        }
        interact(() -> stage().setMaximized(true));
    }
}
