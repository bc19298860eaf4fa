package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.util.concurrent.TimeUnit;
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
}
