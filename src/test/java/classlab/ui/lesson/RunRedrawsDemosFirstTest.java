package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.Nd4jAccess;
import classlab.core.train.RunControl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run clears its section's figures, demos included, and redraws the demos itself on the training
 * thread before it trains. Queued on the demo worker instead, the redraw took the ND4J lock at the
 * run's first checkpoint and the training waited for the whole redraw (scratch's race lost 0.9 s of
 * 3 s; bench/app-vs-run lock-wait-ms).
 */
class RunRedrawsDemosFirstTest {
    static final class Recording extends LessonModel {
        final List<String> calls = new CopyOnWriteArrayList<>();

        Recording() { super(null); }

        @Override public String id() { return "recording"; }
        @Override public List<ParamSpec> params() { return List.of(ParamSpec.integer("epochs", 2, 1, 10)); }
        @Override public List<Experiment> experiments() { return List.of(new Experiment("e", "a", true)); }

        @Override public void updateDemos(ParamValues values) {
            calls.add("demos on " + Thread.currentThread().getName() + (Nd4jAccess.heldByCurrentThread() ? " holding ND4J" : ""));
        }

        @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) {
            control.checkpoint();
            calls.add("run on " + Thread.currentThread().getName());
            return new ExperimentResult(experiment, 1, Map.of());
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRunRedrawsTheDemosOnItsOwnThreadBeforeTraining() throws Exception {
        Recording lesson = new Recording();
        LessonSession session = new LessonSession(new LessonCatalog.Entry("recording", "test", Map.of(), Map.of(), e -> lesson), lesson);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lesson.calls.isEmpty());   // the pane's first redraw
            WaitForAsyncUtils.asyncFx(session::run).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lesson.calls.size() == 3 && !session.isRunning());
            assertEquals(List.of("demos on classlab-demo holding ND4J", "demos on classlab-trainer holding ND4J", "run on classlab-trainer"),
                    lesson.calls);
        } finally {
            session.dispose(5, TimeUnit.SECONDS);
        }
    }
}
