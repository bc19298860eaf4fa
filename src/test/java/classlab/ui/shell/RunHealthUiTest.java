package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A run that goes nowhere says so in the pane, in the pane's language, with the likely cause. */
class RunHealthUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @Test
    void theL1FullBatchModelAtLr1e6IsCalledOutInThePane() throws Exception {
        app = AppUnderTest.start("ko", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            assertEquals(null, session.setParam("epochs", "2"));  // weights pass 1e4 in the first epoch
            assertEquals(null, session.setParam("lr", "1000000"));
        });
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment("full_batch")));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = lookup("#problemLabel").queryAs(Label.class);
        assertTrue(problem.isVisible() && problem.getText().contains("진전이 없습니다") && problem.getText().contains("학습률(lr)"),
                problem.getText());
    }

    /**
     * A re-run clears the last run's notes and says the same a moment later: meanwhile the line keeps its
     * height, so the charts below do not move up and back down (each move repainted the whole pane), nor
     * after a Reset; a run that ends without notes gives the space back. The progress bar keeps its place
     * whatever the state word.
     */
    @Test
    void notesAndStateWordsDoNotMoveTheCharts() throws Exception {
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            assertEquals(null, session.setParam("epochs", "2"));
            assertEquals(null, session.setParam("lr", "1000000"));
            session.selectExperiment("full_batch");
        });
        Node bar = lookup("#progressBar").query();
        List<Double> barX = new ArrayList<>(List.of(bar.getLayoutX()));
        interact(session::run);
        barX.add(WaitForAsyncUtils.asyncFx(bar::getLayoutX).get());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        barX.add(bar.getLayoutX());
        assertTrue(barX.stream().allMatch(x -> x.equals(barX.get(0))), "Ready, Training…, Finished: " + barX);
        Label problem = lookup("#problemLabel").queryAs(Label.class);
        Node sections = lookup("#sections").query();
        assertTrue(problem.isVisible(), "the first run's note");
        double chartsTop = sections.getLayoutY();

        interact(() -> {
            session.run();
            assertFalse(problem.isVisible(), "a new run clears the last run's notes");
            assertTrue(problem.isManaged(), "but keeps their line's height while it trains");
        });
        List<Double> tops = new ArrayList<>();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            tops.add(WaitForAsyncUtils.asyncFx(sections::getLayoutY).get());
            return session.stateProperty().get() == TrainingEngine.State.FINISHED;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problem.isVisible(), "the re-run's own note");
        assertTrue(tops.stream().allMatch(top -> top == chartsTop), "the charts stayed where they were: " + tops + " vs " + chartsTop);

        clickOn("#resetButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !problem.isVisible() && session.stateProperty().get() == TrainingEngine.State.IDLE);
        sleep(300);   // three of the pump's ticks
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chartsTop, sections.getLayoutY(), "a Reset keeps the line's height for the next Run's notes; managed=" + problem.isManaged() + " height=" + problem.getHeight() + " state=" + session.stateProperty().get() + " engine=" + session.engine().state());

        interact(() -> assertEquals(null, session.setParam("lr", "0.01")));   // a run that makes progress: no note
        interact(session::run);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !problem.isManaged());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(problem.isVisible(), problem.getText());
        assertTrue(sections.getLayoutY() < chartsTop, "a run without notes gives the line's space back");
    }
}
