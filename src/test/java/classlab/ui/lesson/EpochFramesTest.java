package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.classroom.RunHistory;
import classlab.core.classroom.RunRecord;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trial report 3, item 19: after a run on one tab, the epoch charts of the lesson's other tabs lost
 * the frame of their planned epochs (imbalance's comparison read 1..5 instead of 0..5 after a run of
 * exercise 2). A lesson of two tabs, no DL4J: a replay on tab b leaves tab a's x axis at 0..3.
 */
class EpochFramesTest {
    static final class TwoTabs extends LessonModel {
        final LineFigure a = figure("a", new LineFigure("acc_a", "t", "axis.epoch", "y"));
        final LineFigure b = figure("b", new LineFigure("acc_b", "t", "axis.epoch", "y"));
        /** A demo over epochs on tab a whose range the lesson sets (schedules' "Learning-rate schedules compared"). */
        final LineFigure demo = figure("a", new LineFigure("demo_a", "t", "axis.epoch", "y"));

        TwoTabs() { super(null); }

        @Override public String id() { return "twotabs"; }
        @Override public List<ParamSpec> params() { return List.of(ParamSpec.integer("epochs", 3, 1, 10)); }
        @Override public List<Experiment> experiments() { return List.of(new Experiment("ea", "a", true), new Experiment("eb", "b", false)); }

        @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) {
            LineFigure f = experiment.equals("ea") ? a : b;
            int epochs = values.getInt("epochs");
            for (int e = 1; e <= epochs; e++) {
                control.checkpoint();
                f.series("series.x").add(e, e);
                control.log(experiment, e, "acc", e);
            }
            return new ExperimentResult(experiment, epochs, Map.of("acc", (double) epochs));
        }
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRunOnOneTabKeepsTheOtherTabsEpochFrame() throws Exception {
        TwoTabs lesson = new TwoTabs();
        MetricLog log = new MetricLog();
        RunHistory recorder = new RunHistory(lesson, log);
        recorder.begin("eb", lesson.defaults(), Instant.parse("2026-12-01T01:00:00Z"));
        lesson.run("eb", lesson.defaults(), RunControl.unattended(log));
        RunRecord recording = recorder.end("FINISHED", null);
        recorder.begin("eb", lesson.defaults().with("epochs", "2"), Instant.parse("2026-12-01T01:01:00Z"));
        lesson.run("eb", lesson.defaults().with("epochs", "2"), RunControl.unattended(log));
        RunRecord twoEpochs = recorder.end("FINISHED", null);

        LessonSession session = new LessonSession(new LessonCatalog.Entry("twotabs", "test", Map.of(), Map.of(), e -> lesson), lesson);
        try {
            WaitForAsyncUtils.asyncFx(session::pinEpochAxes).get();
            assertEquals(Double.valueOf(3), lesson.a.xMax(), "before a run: the planned 0..3");
            WaitForAsyncUtils.asyncFx(() -> session.replay(recording, 30)).get();
            assertEquals(Double.valueOf(3), lesson.a.xMax(), "tab a keeps its frame while tab b runs");
            assertEquals(0.0, lesson.a.xMin());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session.isRunning());
            assertEquals("", session.problemProperty().get(), "a recording with the form's settings changes nothing to tell");

            // Trial 4, item 13: opening a recording puts its settings in the form, and says so.
            WaitForAsyncUtils.asyncFx(() -> session.replay(twoEpochs, 30)).get();
            assertEquals(2, session.values().getInt("epochs"));
            assertEquals(2, session.valuesProperty().get().getInt("epochs"), "every form shows them");
            assertEquals("The form now holds the recording's settings (Epochs 2): the next Run (F5) uses them."
                    + " \"Notebook defaults\" brings the notebook's back.",
                    classlab.core.lesson.LessonStrings.resolve(classlab.core.lesson.LessonStrings.load(null, "en"), session.problemProperty().get()));
            assertEquals(true, session.problemIsNote(), "told as information, not as a failure");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session.isRunning());

            // Trial 4, item 9: a demo's own epochs (60) are kept, not pinned to the training's 149.
            assertEquals(Double.valueOf(3), lesson.demo.xMax(), "no range of its own yet: the planned frame");
            lesson.demo.xRange(0.0, 8.0);
            WaitForAsyncUtils.asyncFx(session::pinEpochAxes).get();
            assertEquals(Double.valueOf(8), lesson.demo.xMax(), "the lesson's range stays");
            assertEquals(Double.valueOf(3), lesson.a.xMax());
        } finally {
            session.dispose(5, TimeUnit.SECONDS);
        }
    }
}
