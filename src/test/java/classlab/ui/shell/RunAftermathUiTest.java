package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a stopped run leaves on screen, and what Reset takes away (new-user trial, items 1, 6, 10). */
class RunAftermathUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    /**
     * imbalance, all three strategies, stopped in the first epoch of the second one: the progress
     * line and the run's record name that configuration, the live curves are named after their
     * strategies, and Reset clears the live chart, the progress line and the bar.
     */
    @Test
    void aStopNamesTheConfigurationInTrainingAndResetClearsEverything() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "imbalance");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            assertEquals(null, session.setParam("epochs", "2"));
            assertEquals(null, session.setParam("test_size", "200"));
        });
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment("strategies")));
        // Hold the run at the second network's first mini-batch, then stop it there.
        session.engine().addIterationListener((iteration, network, loss) -> {
            if (network == 2) session.engine().pause();
        });
        // One step from idle: the epoch charts span the planned 2 epochs from the first mini-batch (trial item 12).
        clickOn("#stepButton");
        LineFigure accuracy = (LineFigure) session.model().figures(session.model().experiment("strategies").section()).stream()
                .filter(f -> f instanceof LineFigure l && "axis.epoch".equals(l.xLabelKey())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.engine().progress().iteration() >= 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Double.valueOf(2).equals(accuracy.xMax()));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.PAUSED
                && session.iterationLoss().allSeries().size() == 2);
        clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.STOPPED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> progressText().startsWith("stopped at"));

        TrainingEngine.Progress at = session.history().last().endedAt();
        assertEquals(2, at.configuration(), "the run's record: " + at);
        String line = progressText();
        assertTrue(line.contains("Weighted loss") && line.contains("configuration 2 of 3") && line.contains("epoch 0/2"), line);
        LineFigure live = session.iterationLoss();
        assertEquals(java.util.List.of("series.plain", "series.weighted_loss"),
                live.allSeries().stream().map(LineFigure.Series::name).toList(), "live curves named as the other charts name them");

        clickOn("#resetButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.IDLE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> progressText().isEmpty());
        assertFalse(live.hasData(), "the live loss chart is cleared");
        assertEquals(0.0, lookup("#progressBar").queryAs(ProgressBar.class).getProgress(), "the bar is empty again");
        assertEquals(1, session.history().runs().size(), "the Runs list keeps the run");
    }

    /** Ctrl+L words the status bar (left message and backend) in the new language and leaves the Runs panel open. */
    @Test
    void ctrlLSwitchesTheStatusBarAndKeepsTheRunsPanel(@TempDir Path exports) throws Exception {
        System.setProperty("classlab.exportDir", exports.toString());
        app = AppUnderTest.start("ko", Theme.LIGHT, ShellUiTest.mnistMini(), "multiclass");
        classlab.core.train.Backend.whenReady().get(120, TimeUnit.SECONDS);
        interact(() -> app.controller().currentPane().onExportAll());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.controller().currentPane().lastExportFolder() != null);
        clickOn("#tool-runs");
        WaitForAsyncUtils.waitForFxEvents();
        boolean formShown = lookup("#formToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected();
        StatusBar bar = lookup("#statusBar").queryAs(StatusBar.class);
        Label backend = lookup("#backendLabel").queryAs(Label.class);
        assertTrue(bar.getText().startsWith("파일 ") && backend.getText().contains("스레드"), bar.getText() + " | " + backend.getText());

        push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("en", lookup("#languageChoice").queryAs(javafx.scene.control.ChoiceBox.class).getValue());
        assertTrue(bar.getText().startsWith("Exported ") && backend.getText().contains("thread"), bar.getText() + " | " + backend.getText());
        assertEquals("runs", app.controller().currentPane().classroom().openTool(), "the Runs panel stays open");
        assertTrue(lookup("#classroomDrawer").query().isVisible());
        // trial 4, item 12: the rebuilt pane still knows the export, so "Open folder" stays enabled
        assertFalse(lookup("#openFolderButton").query().isDisabled(), "Open folder after a language switch");
        // ... and the form is shown or folded as before the switch, not folded by the new pane's width of 0
        assertEquals(formShown, lookup("#formToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "form toggle");

        push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.getText().startsWith("파일 ") && backend.getText().contains("스레드"), bar.getText() + " | " + backend.getText());
    }

    private String progressText() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> lookup("#progressLabel").queryAs(Label.class).getText()).get();
    }

    /**
     * A Step after a finished run starts a new run paused after its first mini-batch: the epoch charts hold
     * no curve of it yet (its first epoch has not ended) and draw the finished run faded, as an earlier run
     * (a trial read full curves there as the new run's).
     */
    @Test
    void aStepAfterAFinishedRunShowsTheFinishedRunFadedAndNoNewCurveYet() throws Exception {
        LessonSession session = finishedBinaryLogitsRun();
        LineFigure loss = (LineFigure) session.model().figures("binary_logits").stream()
                .filter(f -> f.id().equals("binary_logits_loss")).findFirst().orElseThrow();
        // the two equal curves: the later one dashed with smaller points, so both colours show (trial: one hid the other).
        // The chart takes the figure's last points on a later pulse than the one that reports FINISHED: wait for them.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !drawnSeries("series.logit_bce", 10).isEmpty()).get());
        interact(() -> {
            for (var series : drawnSeries("series.logit_bce", 10)) {
                assertTrue(series.getNode().getStyleClass().contains("coincident-series"), "dashed");
                assertTrue(series.getData().stream().allMatch(d -> d.getNode().getStyleClass().contains("coincident-symbol")), "smaller points");
            }
        });
        clickOn("#stepButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.PAUSED
                && session.engine().progress().iteration() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(loss.allSeries().stream().allMatch(x -> x.size() == 0), "no epoch of the new run yet");
        assertEquals(java.util.List.of(10, 10), loss.previousSeries().stream().map(LineFigure.Series::size).toList(), "the finished run, as an earlier run");
        java.util.List<String> drawn = new java.util.ArrayList<>();
        interact(() -> {
            for (javafx.scene.Node n : lookup(".chart").queryAll()) {
                if (!(n instanceof javafx.scene.chart.LineChart<?, ?> c) || n.getScene() == null) continue;
                for (var series : c.getData()) {
                    if (!series.getName().startsWith("series.previous_run")) continue;
                    drawn.add(series.getName());
                    assertTrue(series.getNode() != null && series.getNode().getOpacity() < 1, series.getName() + " is drawn faded");
                }
            }
        });
        assertFalse(drawn.isEmpty(), "the finished run is drawn");
        clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session.isRunning());
    }

    /**
     * A chart's own PNG and CSV buttons write into one folder per run (trial: a chart's PNG and CSV were in two
     * folders), a second PNG of the chart beside the first, not over it; Export all makes a folder of its own.
     */
    @Test
    void aChartsExportsOfOneRunShareAFolder(@TempDir Path exports) throws Exception {
        System.setProperty("classlab.exportDir", exports.toString());
        LessonSession session = finishedBinaryLogitsRun();
        Node tile = lookup("#figure-binary_logits_loss").query();
        javafx.scene.control.Button png = from(tile).lookup((javafx.scene.control.Button b) -> "PNG".equals(b.getText())).query();
        javafx.scene.control.Button csv = from(tile).lookup((javafx.scene.control.Button b) -> "CSV".equals(b.getText())).query();
        interact(png::fire);
        interact(csv::fire);
        interact(png::fire);
        Path lesson = exports.resolve("multiclass");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> filesUnder(lesson).size() == 3);
        List<Path> files = filesUnder(lesson);
        assertEquals(1, files.stream().map(Path::getParent).distinct().count(), "one folder: " + files);
        assertEquals(List.of("binary_logits_loss-2.png", "binary_logits_loss.csv", "binary_logits_loss.png"),
                files.stream().map(f -> f.getFileName().toString()).sorted().toList());
        interact(() -> app.controller().currentPane().onExportAll());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> filesUnder(lesson).stream().map(Path::getParent).distinct().count() == 2);
    }

    /** Starts the window on multiclass and runs tab A's logit net (binary_logits, 10 epochs) to its end. */
    private LessonSession finishedBinaryLogitsRun() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "multiclass");
        LessonSession session = app.controller().currentPane().session();
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment("binary_logits")));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        return session;
    }

    /** The finished files in {@code dir} and its folders. */
    private static List<Path> filesUnder(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) return List.of();
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            // a file still being written is "NAME.part" until it is complete
            return walk.filter(f -> java.nio.file.Files.isRegularFile(f) && !f.toString().endsWith(".part")).toList();
        }
    }

    /** "Open folder" where no opener runs (trial: nothing happened but a line on the terminal): the status bar names the folder, its path is on the clipboard. */
    @Test
    void openFolderWhereNothingCanOpenItNamesTheFolderAndCopiesItsPath(@TempDir Path exports) throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "multiclass");
        interact(() -> app.controller().folderNotOpened(exports, "xdg-open", null));
        StatusBar bar = lookup("#statusBar").queryAs(StatusBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getText() != null && bar.getText().startsWith("Could not open the folder here"));
        assertTrue(bar.getText().contains("(xdg-open is not installed)") && bar.getText().contains(exports.toString()), bar.getText());
        assertEquals(exports.toString(), WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get());
        // in Korean, all in Korean but the command's name (trial: "(no xdg-open to run)" inside the Korean sentence)
        push(KeyCode.CONTROL, KeyCode.L);
        interact(() -> app.controller().folderNotOpened(exports, "xdg-open", 4));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bar.getText() != null && bar.getText().startsWith("폴더를 열지 못했습니다"));
        assertTrue(bar.getText().contains("(xdg-open이(가) 코드 4로 끝남)"), bar.getText());
    }

    /** The shown charts' series of this name with this many points; call on the FX thread. */
    private List<XYChart.Series<?, ?>> drawnSeries(String name, int points) {
        List<XYChart.Series<?, ?>> found = new ArrayList<>();
        for (Node n : lookup(".chart").queryAll()) {
            if (!(n instanceof LineChart<?, ?> c) || n.getScene() == null) continue;
            for (var series : c.getData()) {
                if (series.getName().equals(name) && series.getData().size() == points) found.add(series);
            }
        }
        return found;
    }

    /**
     * Export all after a run of one tab: that tab's figures are stamped with the run's experiment, the other
     * tab's demo figures (drawn from the form, not by the run) are not (trial: roc-smoothing's label-smoothing
     * targets said "5-class model: one-vs-rest ROC").
     */
    @Test
    void exportStampsOnlyTheRunsOwnFiguresWithItsExperiment(@TempDir Path exports) throws Exception {
        System.setProperty("classlab.exportDir", exports.toString());
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "roc-smoothing");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            assertEquals(null, session.setParam("epochs", "1"));
            assertEquals(null, session.setParam("train_size", "600"));
            session.selectExperiment("roc");
        });
        interact(session::run);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        interact(() -> app.controller().currentPane().onExportAll());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.controller().currentPane().lastExportFolder() != null);
        Path folder = app.controller().currentPane().lastExportFolder();
        String experiment = "5-class model: one-vs-rest ROC";
        String roc = java.nio.file.Files.readAllLines(folder.resolve("roc_curves.csv")).get(0);
        String targets = java.nio.file.Files.readAllLines(folder.resolve("smoothing_targets.csv")).get(0);
        assertTrue(roc.contains(experiment), roc);
        assertFalse(targets.contains(experiment), targets);
        assertTrue(targets.startsWith("# Multiclass ROC"), "still names the lesson: " + targets);
    }
}
