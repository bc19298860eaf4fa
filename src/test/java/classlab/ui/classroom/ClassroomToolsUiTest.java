package classlab.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.classroom.RunRecord;
import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import classlab.ui.shell.AppUnderTest;
import classlab.ui.shell.ClassLabApp;
import classlab.ui.shell.StartOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The classroom tools in the real shell under Monocle (regularization lesson, tiny MNIST subsets). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassroomToolsUiTest extends FxRobot {
    private ClassLabApp app;

    @BeforeAll
    void startApp() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, classlab.testsupport.SharedData.mnistMini(), "regularization");
    }

    @AfterAll
    void stopApp() throws Exception {
        AppUnderTest.close(app);
    }

    /** Opens a lesson in a language with tiny settings; the pane is rebuilt to show them. */
    private LessonSession open(String lang, String lesson, String... settings) throws Exception {
        interact(() -> lookup("#languageChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue(lang));
        interact(() -> app.controller().open(lesson));
        LessonSession session = app.controller().currentPane().session();
        for (String kv : settings) {
            String[] parts = kv.split("=", 2);
            interact(() -> assertNull(session.setParam(parts[0], parts[1])));
        }
        interact(() -> app.controller().rebuildPane());
        // A rebuilt pane keeps the tool that was open (Ctrl+L keeps the Runs panel): each test starts with none.
        interact(() -> app.controller().currentPane().classroom().open(null));
        return session;
    }

    private void runExperiment(LessonSession session, String experiment, int runsAfter) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment(experiment)));
        clickOn("#runButton");
        awaitRuns(session, runsAfter);
    }

    private static void awaitRuns(LessonSession session, int runs) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> session.history().runs().size() >= runs && !session.isRunning());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("run " + runs + " did not end: " + session.stateProperty().get() + " " + session.engine().progress()
                    + " " + session.values().text("epochs") + " " + session.problemProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FINISHED", session.history().last().outcome(), session.engine().failureMessage());
    }

    private static <F extends Figure> F figure(LessonSession s, String id, Class<F> type) {
        return type.cast(s.model().allFigures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow());
    }

    @Test @Order(1)
    void reRunningOneConfigurationShowsTheEarlierRunFadedAndAgainRepeatsIt() throws Exception {
        LessonSession session = open("en", "regularization", "epochs=1", "train_size=300", "test_size=100");
        LineFigure loss = figure(session, "train_loss", LineFigure.class);
        ResultTable results = figure(session, "results", ResultTable.class);
        // Predict, then reveal: the student picks an answer before Run.
        clickOn("#tool-questions");
        clickOn("#question-best_test_accuracy-option-1");
        assertEquals(1.0, session.questions().state("best_test_accuracy").prediction());
        runExperiment(session, "all_four", 1);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = lookup("#question-best_test_accuracy-status").queryAs(Label.class);
        assertTrue(status.getText().matches("[✓✗] Predicted Dropout · run #1 gave .+ \\(0\\.\\d+\\)"), status.getText());
        Label answer = lookup("#question-best_test_accuracy-answer").queryAs(Label.class);
        assertTrue(!answer.isVisible(), "the projector shows no answer before the teacher reveals it");
        clickOn("#tool-presenter");
        javafx.stage.Stage presenter = PresenterWindow.current().stage();
        assertTrue(presenter.isShowing());
        // trial 5, item 13: the shortcuts (F5 run, Ctrl+Q quit, …) work with the presenter window in front
        javafx.scene.Scene mainScene = lookup("#tool-presenter").query().getScene();
        for (javafx.scene.input.KeyCombination k : List.of(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5),
                new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCombination.SHORTCUT_DOWN))) {
            assertTrue(mainScene.getAccelerators().get(k) != null
                    && mainScene.getAccelerators().get(k) == presenter.getScene().getAccelerators().get(k), "presenter window: " + k);
        }
        Label presenterAnswer = (Label) presenter.getScene().lookup("#presenter-question-best_test_accuracy-answer");
        assertTrue(presenterAnswer.isVisible() && presenterAnswer.getText().startsWith("Answer: "), "the teacher sees the answer");
        interact(() -> ((javafx.scene.control.ToggleButton) presenter.getScene()
                .lookup("#presenter-question-best_test_accuracy-reveal")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(answer.isVisible(), "revealed on the projector");
        // Esc closes it (trial: no way found to close it without a window manager); the button opens it again, Close closes it
        interact(() -> presenter.getScene().getAccelerators().get(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ESCAPE)).run());
        assertTrue(!presenter.isShowing() && PresenterWindow.current() == null);
        clickOn("#tool-presenter");
        javafx.stage.Stage reopened = PresenterWindow.current().stage();
        interact(() -> ((javafx.scene.control.Button) reopened.getScene().lookup("#presenterClose")).fire());
        assertTrue(!reopened.isShowing() && PresenterWindow.current() == null);

        int dropoutColour = loss.colorSlot("series.dropout");
        runExperiment(session, "dropout", 2);

        assertEquals(List.of("series.dropout"), loss.allSeries().stream().map(LineFigure.Series::name).toList());
        assertEquals(1, results.rows().size(), "the table holds this run's row only");
        assertEquals(4, loss.previousSeries().size(), "run #1's four curves stay, faded");
        assertEquals(dropoutColour, loss.colorSlot("series.dropout"));
        interact(() -> app.controller().currentPane().refreshFigures());
        List<String> legend = lookup("#figure-train_loss .figure-legend-item").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(legend.contains("No regularisation · #1"), "earlier run named in the legend: " + legend);
        assertTrue(legend.contains("Dropout"), "the live run: " + legend);

        clickOn("#tool-runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(lookup("#run-1").tryQuery().orElse(null), "run list shows run #1");
        clickOn("#run-1");   // uncheck: run #1 no longer overlaid
        assertTrue(loss.previousSeries().isEmpty());
        interact(() -> assertNull(session.setParam("seed", "7")));
        // the dropout run again, with its seed 42; fired rather than clicked: the button may sit below the
        // drawer's visible part on a small headless screen, where a robot click lands elsewhere
        interact(() -> lookup("#rerun-2").queryAs(javafx.scene.control.Button.class).fire());
        awaitRuns(session, 3);
        RunRecord first = session.history().run(2), again = session.history().run(3);
        assertEquals("dropout", again.experiment());
        assertEquals(42L, again.seed());
        assertEquals(first.settings(), again.settings());
        assertEquals(first.tableRows(), again.tableRows(), "same settings and seed: the same results");
    }

    @Test @Order(2)
    void afterStopTheTableHoldsNoNumbersOfTheEarlierRun() throws Exception {
        LessonSession session = open("ko", "regularization", "epochs=1", "train_size=300", "test_size=100");
        ResultTable results = figure(session, "results", ResultTable.class);
        int before = session.history().runs().size();
        runExperiment(session, "none", before + 1);
        assertEquals(1, results.rows().size());
        interact(() -> assertNull(session.setParam("epochs", "200")));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> figure(session, "train_loss", LineFigure.class).allSeries().stream()
                .anyMatch(s -> s.size() >= 1));
        // The run list names the run in progress, with its settings and state, before it has ended.
        clickOn("#tool-runs");
        WaitForAsyncUtils.waitForFxEvents();
        String running = lookup("#run-running").queryAs(Label.class).getText();
        assertTrue(running.startsWith("#" + (before + 2) + " · 기본 (정규화 없음) · ") && running.contains("에폭 200")
                && running.endsWith("학습 중…"), running);
        clickOn("#tool-runs");
        clickOn("#stopButton");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.STOPPED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Stop did not end the run as stopped: " + session.stateProperty().get() + " at "
                    + session.engine().progress() + ", problem: " + session.problemProperty().get(), e);
        }
        assertTrue(results.rows().isEmpty(), "stopped before the end: no row, not the earlier run's");
        assertEquals(1, results.toCsv().lines().count(), "Export all writes no stale numbers");
        RunRecord stopped = session.history().last();
        assertEquals("STOPPED", stopped.outcome());
        assertEquals(200, stopped.endedAt().epochs(), "where it was stopped is recorded");
        interact(() -> app.controller().currentPane().refreshFigures());
        assertEquals("중지됨", lookup("#stateLabel").queryAs(Label.class).getText());
        String progress = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("중지 시점: ") && progress.contains("/200") && !progress.contains("남음"),
                "stopped where, no time left after Stop: " + progress);
        clickOn("#tool-runs");
        WaitForAsyncUtils.waitForFxEvents();
        String listed = lookup("#run-" + stopped.number()).queryAs(javafx.scene.control.CheckBox.class).getText();
        assertTrue(listed.endsWith("에폭 " + stopped.endedAt().epoch() + "/200에서 중지됨"), listed);
        clickOn("#tool-runs");
    }

    @Test @Order(5)
    void theCifarFormSaysMnistIsUsedWhenCifar10IsMissing() throws Exception {
        open("ko", "cifar");
        Label note = lookup("#param-note-dataset").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, note::isVisible);
        assertEquals("사용 중: MNIST (내려받기 없이). 선택한 값은 여기서 쓸 수 없습니다", note.getText());
        // English: the same key (LocalizationConsistencyTest checks both bundles hold it); a second pane build costs seconds.
    }

    @Test @Order(3)
    void aDrawnDigitIsClassifiedByTheTrainedNetwork() throws Exception {
        LessonSession session = open("ko", "regularization");
        assertTrue(session.model().digitClassifier().orElseThrow().isTrained(), "trained by the runs before");
        clickOn("#tool-digits");
        DigitPadView pad = lookup("#digitPad").queryAs(DigitPadView.class);
        interact(() -> {   // a "7": a bar and a slanted stroke
            pad.paint(80, 60);
            pad.paint(200, 60);
            pad.paint(130, 230);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pad.shownProbabilities() != null);
        WaitForAsyncUtils.waitForFxEvents();
        double[] p = pad.shownProbabilities();
        assertEquals(10, p.length);
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-4);
        assertTrue(lookup("#digitStatus").queryAs(Label.class).getText().startsWith("신경망의 답: "));
        javafx.scene.image.Image input = lookup("#digitInput").queryAs(javafx.scene.image.ImageView.class).getImage();
        int lit = 0;
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) if (input.getPixelReader().getColor(x, y).getBrightness() > 0.5) lit++;
        assertTrue(lit > 20 && lit < 300, "the preprocessed 28x28 input shows the digit: " + lit + " bright pixels");
        clickOn("#digitClear");
        assertNull(pad.shownProbabilities());
    }

    @Test @Order(4)
    void aSavedRunReplaysWithoutTrainingIntoTheSameFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        LessonSession session = open("en", "regularization");
        ClassroomTools tools = app.controller().currentPane().classroom();
        RunRecord original = session.history().run(1);
        java.nio.file.Path file = dir.resolve("all-four" + classlab.core.classroom.RunFiles.EXTENSION);
        interact(() -> tools.saveRun(original, file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(file));
        int before = session.history().runs().size();
        clickOn("#tool-runs");
        @SuppressWarnings("unchecked")
        ComboBox<Double> speed = lookup("#replaySpeed").queryAs(ComboBox.class);
        interact(() -> speed.setValue(30.0));
        interact(() -> tools.replayFile(file));
        awaitRuns(session, before + 1);
        RunRecord replay = session.history().last();
        assertEquals(original.started(), replay.replayOf());
        assertTrue(replay.number() < 0, "a replay takes no number of the trained runs");
        assertEquals(before + 1, session.history().runs().size());
        assertEquals(Integer.valueOf(original.number()), replay.source().number(), "it keeps the recorded run's number");
        assertEquals(original.tableRows(), replay.tableRows(), "the tables as recorded");
        assertEquals(original.curves().size(), replay.curves().size());
        for (int i = 0; i < original.curves().size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(original.curves().get(i).y(), replay.curves().get(i).y(), 1e-12);
        }
        assertEquals(original.results(), replay.results());
        // A recording has no mini-batch losses: the live chart is not shown empty beside the replayed curves.
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.Node> liveTiles = lookup("#figure-live_batch_loss").queryAll().stream().toList();
        assertTrue(!liveTiles.isEmpty() && liveTiles.stream().noneMatch(javafx.scene.Node::isVisible), "live chart hidden after a replay");
        // A stopped run replays as stopped, at the epoch where it was stopped, in the status and the run list.
        RunRecord stopped = session.history().runs().stream().filter(RunRecord::stopped).findFirst().orElseThrow();
        java.nio.file.Path stoppedFile = dir.resolve("stopped" + classlab.core.classroom.RunFiles.EXTENSION);
        interact(() -> tools.saveRun(stopped, stoppedFile));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(stoppedFile));
        int runs = session.history().runs().size();
        interact(() -> tools.replayFile(stoppedFile));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.history().runs().size() > runs && !session.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        RunRecord replayed = session.history().last();
        assertEquals("STOPPED", replayed.outcome(), "a replay of a stopped run is no finished run");
        assertEquals(stopped.endedAt().epoch(), replayed.endedAt().epoch());
        interact(() -> app.controller().currentPane().refreshFigures());
        assertEquals("Stopped", lookup("#stateLabel").queryAs(Label.class).getText());
        String progress = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("stopped at: ") && progress.contains("epoch " + stopped.endedAt().epoch() + "/200")
                && progress.contains("replay of #" + stopped.number() + " (file ") && !progress.contains("left"), progress);
        String listed = lookup("#" + classlab.ui.classroom.RunListView.id("run-", replayed)).queryAs(javafx.scene.control.CheckBox.class).getText();
        assertTrue(listed.startsWith("#" + stopped.number() + " (file ") && listed.contains("replayed from its file")
                && listed.contains("stopped at epoch " + stopped.endedAt().epoch() + "/200"), listed);
        interact(() -> app.controller().currentPane().onReset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#figure-live_batch_loss").queryAll().stream()
                .allMatch(javafx.scene.Node::isVisible));
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("notes.classlab-run.json"), "{}");
        interact(() -> tools.replayFile(other));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup(".problem").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("is not a ClassLab run")));
    }
}
