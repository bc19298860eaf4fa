package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The scratch lesson's optimizer race driven by the Step button: ten clicks, ten steps, six paths drawn. */
class ScratchRaceUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @Test
    void stepTheRaceTenStepsAndSeeSixPaths() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "scratch");
        LessonSession session = app.controller().currentPane().session();
        assertEquals("race", session.selectedExperiment(), "the race is the lesson's default experiment");
        interact(() -> assertEquals(null, session.setParam("race_delay_ms", "0")));   // Step moves one step with or without the pause
        LineFigure race = (LineFigure) session.model().figures("race").stream().filter(f -> f.id().equals("race")).findFirst().orElseThrow();
        Button stepButton = lookup("#stepButton").queryButton();
        for (int step = 1; step <= 10; step++) {
            interact(stepButton::fire);   // the button's own action, without moving the robot's mouse ten times
            int points = step + 1;   // the start point and one per step
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> race.allSeries().size() == 6
                    && race.allSeries().stream().allMatch(s -> s.size() == points)
                    && session.stateProperty().get() == TrainingEngine.State.PAUSED);
        }
        Thread.sleep(300);
        assertTrue(race.allSeries().stream().allMatch(s -> s.size() == 11), "paused runs do not move on their own");
        // the race is the tab's picture: a tile of its own, as wide as the table under it (it had a column of a grid)
        javafx.scene.layout.Region raceTile = lookup("#figure-race").query(), tableTile = lookup("#figure-race_positions").query();
        assertEquals(tableTile.getWidth(), raceTile.getWidth(), 2.0, "race tile width");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> app.controller().currentPane().refreshFigures());
        assertTrue(app.controller().currentPane().figureViews().stream().filter(v -> v.figure() == race)
                .allMatch(v -> !v.refreshIfChanged()), "the race view has drawn the ten steps");
        assertEquals(2, app.controller().currentPane().figureViews().stream().filter(v -> v.figure() == session.iterationLoss()).count(),
                "the live mini-batch loss shows in the two MNIST sections only, not beside the race or the gradient check");
        // The race counts optimizer steps, not epochs: the progress line and the run list say so.
        String progress = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(progress.contains("step 10/30") && !progress.contains("epoch"), progress);
        clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.STOPPED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.history().runs().size() == 1);
        interact(() -> app.controller().currentPane().refreshFigures());
        String stopped = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(stopped.startsWith("stopped at: ") && stopped.contains("step 10/30"), stopped);
        interact(() -> app.controller().currentPane().classroom().open("runs"));
        WaitForAsyncUtils.waitForFxEvents();
        String listed = lookup("#run-1").queryAs(javafx.scene.control.CheckBox.class).getText();
        assertTrue(listed.endsWith("stopped at step 10/30"), listed);
    }
}
