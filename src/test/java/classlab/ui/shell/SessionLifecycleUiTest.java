package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.classroom.RunFiles;
import classlab.core.classroom.RunRecord;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Quitting and switching lessons while a run trains (trial report 2, items 1 and 2). */
class SessionLifecycleUiTest extends FxRobot {
    @TempDir Path runsDir;
    private ClassLabApp app;
    /** The build's runs folder for tests (pom.xml), put back after each test: never the user's ~/ClassLab/runs. */
    private final String testRunsDir = System.getProperty("classlab.runsDir");

    @AfterEach
    void stop() throws Exception {
        if (testRunsDir != null) System.setProperty("classlab.runsDir", testRunsDir);
        System.clearProperty("classlab.exportDir");
        AppUnderTest.close(app);
    }

    /**
     * One finished run and one in training: Ctrl+Q (and the title-bar close) asks first, naming the
     * run in training and the unsaved run; "Keep working" keeps training; "Save and quit" stops the
     * run, keeps it as stopped and writes both runs as recordings, then closes the window.
     */
    @Test
    void quittingDuringARunAsksAndSaveAndQuitKeepsEveryRun() throws Exception {
        System.setProperty("classlab.runsDir", runsDir.toString());
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> session.setParam("epochs", "1"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.history().runs().size() == 1);
        interact(() -> session.setParam("epochs", "5000"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.engine().progress().iteration() >= 2);

        push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        String text = lookup("#quitText").queryAs(Label.class).getText();
        assertTrue(text.contains("run #2") && text.contains("is training") && text.contains("#1"), text);
        // it says what "Save and quit" leads to: the runs come back once (trial 7, item 22 said "open them again" only)
        assertTrue(text.contains("come back in their lessons' Runs lists once, at the next start"), text);
        // the text wraps at 40em (13 px type here) instead of widening the dialog past a 1280 px projector (trial 4, item 7)
        double dialogWidth = lookup("#quitDialog").query().getScene().getWindow().getWidth();
        assertTrue(dialogWidth <= 40 * 13 + 120, "quit dialog " + dialogWidth + " px wide");
        // the run trains on behind the dialog, and the dialog follows it (trial 3, item 12: it showed where it was when asked)
        assertTrue(text.contains("epoch ") && text.contains("iteration "), text);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(
                () -> lookup("#quitText").queryAs(Label.class).getText()).get().equals(text));
        assertEquals("A run is still training.", lookup("#quitDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        clickOn("#quitCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(session.isRunning(), "Keep working: the run goes on");
        // a paused run is said to be paused, not training (trial: "A run is still training" over a paused run)
        clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.PAUSED);
        push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        String paused = lookup("#quitText").queryAs(Label.class).getText();
        assertTrue(paused.contains("run #2") && paused.contains("is paused") && !paused.contains("is training"), paused);
        assertEquals("A run is paused, not finished.", lookup("#quitDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        clickOn("#quitCancel");
        clickOn("#runButton");   // Resume
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.RUNNING);

        Window window = lookup("#navigator").query().getScene().getWindow();
        interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.isShowing(), "the close waits for an answer");
        push(KeyCode.CONTROL, KeyCode.Q);   // asked already: no second dialog
        assertEquals(1, lookup("#quitDialog").queryAll().size());
        clickOn("#quitSave");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.isShowing());
        assertEquals(TrainingEngine.State.STOPPED, session.engine().state());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runsDir)) {
            files = walk.filter(p -> p.toString().endsWith(RunFiles.EXTENSION)).sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        RunRecord first = RunFiles.read(files.get(0));
        RunRecord second = RunFiles.read(files.get(1));
        assertEquals("FINISHED", first.outcome());
        assertEquals("STOPPED", second.outcome(), "the run in training is kept as stopped");
        assertFalse(second.curves().isEmpty(), "with the curves it drew");

        // The next start puts both back into the lesson's Runs list, named as they were, from their files.
        AppUnderTest.close(app);
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession again = app.controller().currentPane().session();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> again.history().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<RunRecord> restored = again.history().runs();
        assertEquals(List.of("#1 (file " + restored.get(0).source().time() + ")", "#2 (file " + restored.get(1).source().time() + ")"),
                restored.stream().map(r -> classlab.core.lesson.LessonStrings.resolve(
                        classlab.core.lesson.LessonStrings.load("pattern", "en"), r.label())).toList());
        assertEquals(first.curves().size(), restored.get(0).curves().size());
        assertTrue(again.unsavedRuns().isEmpty(), "restored runs are files already: quitting does not ask about them");
        String bar = lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText();
        assertTrue(bar.contains("2 runs saved on quitting are back in Runs (1 lesson), this once"), bar);
        clickOn("#tool-runs");
        String listed = lookup("#" + classlab.ui.classroom.RunListView.id("run-", restored.get(1))).queryAs(javafx.scene.control.CheckBox.class).getText();
        assertTrue(listed.startsWith("#2 (file ") && listed.contains("saved on quit"), listed);
        // A run trained now is numbered after the restored runs (#3), so no two runs in Runs share a number.
        interact(() -> again.setParam("epochs", "1"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> again.history().runs().size() == 3 && !again.isRunning());
        assertEquals("#3", again.history().last().label());
        // "Remove" takes a restored run out for good: its file moves to discarded/, the next start leaves it out.
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#" + classlab.ui.classroom.RunListView.id("discard-", restored.get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.history().runs().size() == 2);
        assertFalse(Files.exists(files.get(0)), "moved away");
        // The runs came back once: the next start leaves out the run kept too (trial 7, item 2: every start put
        // back every quit's runs), and its file stays. A run saved at a later quit still comes back.
        AppUnderTest.close(app);
        Path later = runsDir.resolve("later-quit").resolve("pattern-later" + RunFiles.EXTENSION);
        RunFiles.write(first, later);
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession third = app.controller().currentPane().session();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !third.history().runs().isEmpty());
        Thread.sleep(300);   // nothing more arrives
        assertEquals(List.of("FINISHED"), third.history().runs().stream().map(RunRecord::outcome).toList(), "only the later quit's run");
        assertTrue(Files.exists(files.get(1)), "the run put back once stays on disk");
    }

    /**
     * Trial 5, item 14: the process ended from outside (SIGTERM: the window destroyed, a logout) writes
     * the unsaved runs, as "Save and quit" does, instead of losing them; once written they are saved,
     * and after the user has quit through the window nothing more is written.
     */
    @Test
    void endingFromOutsideSavesTheUnsavedRuns() throws Exception {
        System.setProperty("classlab.runsDir", runsDir.toString());
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> session.setParam("epochs", "1"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.history().runs().size() == 1 && !session.isRunning());
        assertEquals(1, app.controller().saveOnTermination(5_000));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runsDir)) {
            files = walk.filter(p -> p.toString().endsWith(RunFiles.EXTENSION)).toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertEquals("FINISHED", RunFiles.read(files.get(0)).outcome());
        assertTrue(session.unsavedRuns().isEmpty(), "written, so saved");
        assertEquals(0, app.controller().saveOnTermination(5_000), "nothing left to write");
        interact(() -> session.setParam("epochs", "1"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.history().runs().size() == 2 && !session.isRunning());
        interact(() -> app.controller().shutdown());   // as after the user quit through the window
        assertEquals(0, app.controller().saveOnTermination(5_000), "the user's own quit stands");
    }

    /**
     * Ctrl+PgDn/PgUp change the lesson even with the experiment tabs focused (items 5, 22): an idle
     * switch clears the last export's message; during a run the switch happens at once, the run
     * keeps training in its lesson and the status bar says so, and says when it has ended (item 2).
     */
    @Test
    void ctrlPageKeysSwitchLessonsAtOnceAlsoDuringARun() throws Exception {
        System.setProperty("classlab.exportDir", runsDir.toString());
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        List<classlab.core.lesson.LessonCatalog.Entry> entries = classlab.core.lesson.LessonCatalog.load().entries();
        String first = "pattern";
        String next = entries.get((entries.indexOf(classlab.core.lesson.LessonCatalog.load().find(first)) + 1) % entries.size()).id();
        LessonSession session = app.controller().currentPane().session();
        org.controlsfx.control.StatusBar bar = lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> classlab.core.train.Backend.whenReady().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> app.controller().currentPane().onExportAll());   // before any run: "nothing to export yet"
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(bar.getText().contains("Nothing"), bar.getText());

        String keys = lookup("#navigatorToggle").queryAs(javafx.scene.control.ToggleButton.class).getTooltip().getText();
        assertTrue(keys.contains("Ctrl+PgUp / Ctrl+PgDn") && keys.contains("Ctrl+Q"), "the keys are named: " + keys);
        javafx.scene.control.TabPane tabs = lookup("#sections").queryAs(javafx.scene.control.TabPane.class);
        int tab = tabs.getSelectionModel().getSelectedIndex();
        interact(tabs::requestFocus);
        push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        awaitLesson(next);
        assertEquals(tab, tabs.getSelectionModel().getSelectedIndex(), "not the next tab");
        assertEquals("", bar.getText(), "the export message belongs to the other lesson");
        // Task 5 of the polish brief: a hidden section tab joins the scene (CSS, layout) only when it is chosen.
        javafx.scene.control.TabPane shown = lookup("#sections").queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.control.Tab hidden = shown.getTabs().stream()
                .filter(t -> t.getUserData() != null && t != shown.getSelectionModel().getSelectedItem()).findFirst().orElseThrow();
        assertEquals(null, hidden.getContent(), "not built into the scene before it is chosen");
        interact(() -> shown.getSelectionModel().select(hidden));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hidden.getContent() != null && hidden.getContent().getScene() != null, "there once chosen");
        interact(() -> shown.getSelectionModel().select(tab));
        push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        awaitLesson(first);

        interact(() -> session.setParam("epochs", "5000"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.engine().progress().iteration() >= 2);
        push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        awaitLesson(next);
        assertTrue(session.isRunning(), "the run keeps training in its lesson");
        String title = classlab.core.lesson.LessonCatalog.load().find(first).title("en");
        assertTrue(bar.getText().contains(title) && bar.getText().contains("keeps training"), bar.getText());
        interact(session::stop);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.getText().contains("has ended"));
        assertTrue(bar.getText().contains(title) && bar.getText().contains("Stopped"), bar.getText());
        assertEquals(next, app.controller().currentPane().session().entry().id(), "the window stays where the teacher is");
    }

    /**
     * Reset stops the run and clears the charts, the runs staying listed: with no run busy it resets at once; with
     * a paused run it asks first, naming it; Enter (and "Keep the run") leaves it paused, "Reset" ends it as a stopped run.
     */
    @Test
    void resetAsksBeforeEndingAPausedRun() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> session.setParam("epochs", "1"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.history().runs().size() == 1);
        clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#resetDialog").queryAll().isEmpty(), "no run busy: no question");
        assertEquals(1, session.history().runs().size(), "the finished run stays listed");

        interact(() -> session.setParam("epochs", "5000"));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.engine().progress().iteration() >= 2);
        clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.PAUSED);
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        String text = lookup("#resetText").queryAs(Label.class).getText();
        assertTrue(text.contains("Run #2") && text.contains("is paused: it is kept as a stopped run and cannot be resumed"), text);
        assertEquals("Reset stops the run and clears this lesson's charts; its runs stay in the Runs list.",
                lookup("#resetDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText());
        push(KeyCode.ENTER);   // the default answer keeps the run
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#resetDialog").queryAll().isEmpty());
        assertEquals(TrainingEngine.State.PAUSED, session.stateProperty().get());

        clickOn("#resetButton");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> app.controller().currentPane().onReset());   // asked already (the shortcut from the window): no second question
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, lookup("#resetDialog").queryAll().size());
        clickOn("#resetConfirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.IDLE);
        assertEquals(List.of("FINISHED", "STOPPED"), session.history().runs().stream().map(RunRecord::outcome).toList());
    }

    /** Waits until the lesson is open (a chosen lesson is built right after its "Opening …" note is drawn). */
    private void awaitLesson(String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> id.equals(app.controller().currentPane().session().entry().id()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
