package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import classlab.ui.widget.FigureView;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every lesson pane: choose a short experiment in the UI, press Run, and see its charts fill. */
class LessonPanesUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "pattern|full_batch|epochs=5",
        "multiclass|three_class|epochs=3",
        "regularization|none|epochs=1;train_size=500;test_size=200",
        "imbalance|plain|epochs=1",
        "schedules|early_stopping|epochs=2;train_size=1000;test_size=200",
        "roc-smoothing|roc|epochs=1",
        "batchnorm-gradients|batch_size|epochs=2;batch_sizes=32, 128",
    })
    void shortExperimentFillsItsCharts(String lesson, String experiment, String settings) throws Exception {
        app = AppUnderTest.start("ko", Theme.LIGHT, ShellUiTest.mnistMini(), lesson);
        LessonSession session = app.controller().currentPane().session();
        assertEquals(lesson, session.entry().id());
        for (String kv : settings.split(";")) {
            String[] parts = kv.split("=", 2);
            interact(() -> assertEquals(null, session.setParam(parts[0], parts[1])));
        }
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment(experiment)));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            TrainingEngine.State s = session.stateProperty().get();
            return s == TrainingEngine.State.FINISHED || s == TrainingEngine.State.FAILED;
        });
        assertEquals(TrainingEngine.State.FINISHED, session.stateProperty().get(), session.engine().failureMessage());
        // Predict-then-reveal questions of this experiment find their metrics in its results
        // (unless the settings changed its list of configurations).
        for (classlab.core.classroom.Question q : session.questions().questions(experiment)) {
            if (!settings.contains(",")) {
                assertTrue(q.outcome(session.history().last().results()).available(), lesson + " question " + q.id());
            }
        }
        String section = session.model().experiment(experiment).section();
        long filled = session.model().figures(section).stream().filter(Figure::hasData).count();
        assertTrue(filled >= 1, "charts of section " + section + " received data");
        // The pane's own 10 Hz polling (not a redraw forced here) must bring every view of the section
        // up to its figure's final data.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                app.controller().currentPane().figureViews().stream()
                        .filter(v -> session.model().figures(section).contains(v.figure()))
                        .allMatch(FigureView::isUpToDate)).get());
    }
}
