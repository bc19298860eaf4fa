package classlab.core.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.StopRequestedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
    private final FakeLesson lesson = new FakeLesson();
    private final MetricLog log = new MetricLog();
    private final RunHistory history = new RunHistory(lesson, log);

    private RunRecord run(String experiment, ParamValues values) {
        history.begin(experiment, values, Instant.parse("2026-11-30T15:00:00Z"));
        history.results(lesson.run(experiment, values, RunControl.unattended(log)).finalMetrics());
        return history.end("FINISHED", null);
    }

    private static List<String> names(List<LineFigure.Series> series) {
        return series.stream().map(LineFigure.Series::name).toList();
    }

    /** Trial 9: the Runs list said tab C's "seed 43052" for every run of multiclass tab A, whose seed (binary_seed) is 0. */
    @Test
    void aRunRecordsTheSeedOfItsTab() {
        classlab.core.lesson.multiclass.MulticlassLesson multiclass =
                new classlab.core.lesson.multiclass.MulticlassLesson(classlab.core.lesson.TestEnvironments.mnistMini());
        RunHistory runs = new RunHistory(multiclass, new MetricLog());
        for (String experiment : List.of("binary_logits", "three_class")) {
            runs.begin(experiment, multiclass.defaults(), Instant.parse("2026-12-02T11:00:00Z"));
            runs.end("STOPPED", null);
        }
        assertEquals(List.of(0L, 43052L), runs.runs().stream().map(RunRecord::seed).toList());
    }

    @Test
    void reRunningOneConfigurationMarksTheOthersAsTheEarlierRunAndKeepsColours() {
        RunRecord first = run("all", lesson.defaults());
        assertEquals(List.of("series.a", "series.b", "series.c"), names(lesson.loss.allSeries()));
        int slotB = lesson.loss.colorSlot("series.b");
        assertEquals(1, slotB);
        assertEquals(3, first.tableRows().size());
        assertEquals(9, first.metrics().size(), "3 configurations × 3 epochs");
        assertEquals(0.1 * 3 / 3, first.results().get("loss"), 1e-12, "final metric of the last configuration");

        run("b", lesson.defaults().with("lr", "0.2"));
        assertEquals(List.of("series.b"), names(lesson.loss.allSeries()), "only this run's curve is live");
        assertEquals(1, lesson.results.rows().size(), "no row of the earlier run stays in the table");
        assertEquals(slotB, lesson.loss.colorSlot("series.b"), "the configuration keeps its colour");
        List<LineFigure.Series> previous = lesson.loss.previousSeries();
        assertEquals(3, previous.size(), "run #1's three curves are overlaid");
        assertTrue(previous.stream().allMatch(LineFigure.Series::previous));
        assertEquals(List.of("series.a", "series.b", "series.c"), previous.stream().map(LineFigure.Series::colorKey).toList());
        // Labelled with the setting in which run #1 differs from the run on screen, as the form names it (trial 3, item 7).
        LessonStrings en = LessonStrings.load(null, "en");
        assertEquals("Loss a · #1 (Learning rate 0.1)", LessonStrings.resolve(k -> k.equals("series.a") ? "Loss a" : en.apply(k), previous.get(0).name()));
        assertEquals("Loss a · #1 (학습률 0.1)", LessonStrings.resolve(k -> k.equals("series.a") ? "Loss a" : LessonStrings.load(null, "ko").apply(k),
                previous.get(0).name()));

        // Trial report 2, item 11: the CSV holds what the figure shows, the faded run #1 too, with a run column.
        List<String> csv = lesson.loss.toCsv().lines().toList();
        assertEquals("series,x,y,run", csv.get(0));
        assertTrue(csv.stream().skip(1).anyMatch(l -> l.startsWith("series.b,") && l.endsWith(",csv.run.current")), csv.toString());
        long earlierRows = csv.stream().filter(l -> l.endsWith(",#1")).count();
        assertEquals(previous.stream().mapToInt(LineFigure.Series::size).sum(), earlierRows, "every faded point, named #1");

        RunRecord second = history.last();
        assertEquals(Map.of("lr", "0.2"), second.changed(), "demo parameters and defaults are not listed");
        assertEquals(42L, second.seed());
        history.setOverlaid(1, false);
        assertTrue(lesson.loss.previousSeries().isEmpty());
        assertEquals("series,x,y", lesson.loss.toCsv().lines().findFirst().orElseThrow(), "no earlier run shown: the usual columns");
        history.setOverlaid(1, true);
        RunRecord third = run("a", lesson.defaults());
        // Run #2 (lr=0.2) was replaced: its curve now shows faded with its changed setting.
        assertTrue(names(lesson.loss.previousSeries()).contains(RunHistory.previousLabel("series.b", second, third.settings())));
        assertEquals("Loss b · #2 (Learning rate 0.2)", LessonStrings.resolve(k -> k.equals("series.b") ? "Loss b" : en.apply(k),
                RunHistory.previousLabel("series.b", second, null)));
        assertTrue(history.isLive(third.number()));
        assertFalse(history.isLive(second.number()));
    }

    /**
     * Trial 5, items 7 and 9: while a run trains, an earlier run's faded curves name the settings in
     * which it differs from the running one as both were in effect. A lesson that replaces a setting
     * (cifar's MNIST fallback, scratch's data size) recorded run #1 with the value in use and compared
     * it with the running run's typed value: two runs with the same settings read
     * "#1 (Data set mnist, Training images 8000)" on every line.
     */
    @Test
    void aRunningRunComparesTheSettingsInEffect() {
        FakeLesson replacing = new FakeLesson() {
            @Override public ParamValues inEffect(ParamValues values) { return values.with("lr", "0.05"); }
        };
        RunHistory h = new RunHistory(replacing, log);
        h.begin("all", replacing.defaults(), Instant.parse("2026-11-30T15:00:00Z"));
        h.results(replacing.run("all", replacing.defaults(), RunControl.unattended(log)).finalMetrics());
        h.end("FINISHED", null);
        h.begin("all", replacing.defaults(), Instant.parse("2026-11-30T15:01:00Z"));
        List<LineFigure.Series> previous = replacing.loss.previousSeries();
        assertEquals(3, previous.size(), "run #1 is overlaid while #2 runs");
        for (LineFigure.Series s : previous) {
            assertEquals(classlab.core.Deferred.of("series.previous_run", s.colorKey(), 1), s.name(), "same settings: no difference named");
        }
    }

    @Test
    void aStoppedRunLeavesOnlyItsOwnResults() {
        run("all", lesson.defaults());
        history.begin("c", lesson.defaults(), Instant.now());
        RunControl stopsAtOnce = new RunControl() {
            @Override public void checkpoint() { throw new StopRequestedException(); }
            @Override public boolean stopRequested() { return true; }
            @Override public void log(String e, int epoch, String m, double v) {}
        };
        try {
            lesson.run("c", lesson.defaults(), stopsAtOnce);
        } catch (StopRequestedException expected) {
            // as the engine would
        }
        RunRecord stopped = history.end("STOPPED", null);
        assertTrue(lesson.results.rows().isEmpty(), "the stopped run finished no configuration: empty table");
        assertTrue(lesson.results.toCsv().lines().count() == 1, "export writes the header only, no stale numbers");
        assertEquals("STOPPED", stopped.outcome());
        assertEquals(3, lesson.loss.previousSeries().size(), "run #1 is still visible, marked");
    }

    @Test
    void settingsOfARunRestoreTheFormForTheSameSeed() {
        RunRecord r = run("b", lesson.defaults().with("seed", "7").with("epochs", "2"));
        ParamValues again = r.settingsOver(lesson.defaults());
        assertEquals(7, again.getInt("seed"));
        assertEquals(2, again.getInt("epochs"));
        assertEquals("seed=7, epochs=2", r.changedText());
        assertEquals("난수 시드 7, 에폭 수 2", LessonStrings.resolve(LessonStrings.load(null, "ko"), r.changedMessage()));
    }

    /** The run list shows a run from the moment it begins (the first run too), before it has a record. */
    @Test
    void aRunIsListedAsRunningFromItsBeginning() {
        assertNull(history.running(), "no run yet");
        Instant start = Instant.parse("2026-11-30T16:00:00Z");
        history.begin("b", lesson.defaults().with("seed", "7"), start);
        RunHistory.Running r = history.running();
        assertEquals(new RunHistory.Running(1, "b", start, 7L, classlab.core.lesson.SettingsText.message(Map.of("seed", "7")), "#1", null), r);
        assertEquals("Random seed 7", LessonStrings.resolve(LessonStrings.load(null, "en"), r.changed()));
        assertTrue(history.runs().isEmpty(), "no record until it ends");
        history.end("STOPPED", null);
        assertNull(history.running());
        assertEquals(1, history.runs().size());
    }

    @Test
    void resetForgetsWhatIsShownButKeepsTheList() {
        run("all", lesson.defaults());
        run("a", lesson.defaults());
        history.reset();
        assertTrue(lesson.loss.previousSeries().isEmpty());
        assertEquals(2, history.runs().size());
        assertNull(history.end("FINISHED", null), "no run had begun");
    }

    /** Trial report 3, item 4: five runs left nine legend lines and a 90 px plot on a projector. */
    @Test
    void onlyTheReplacedRunIsOverlaidUnlessTheTeacherTickedAnother() {
        for (int i = 0; i < 4; i++) run("all", lesson.defaults());
        assertFalse(history.isOverlaid(1), "run #1 was replaced twice: unticked");
        assertFalse(history.isOverlaid(2));
        assertTrue(history.isOverlaid(3), "the run #4 replaced");
        assertEquals(3, lesson.loss.previousSeries().size(), "one earlier run's three curves, not three runs' nine");

        history.setOverlaid(1, true);
        run("all", lesson.defaults());
        assertTrue(history.isOverlaid(1), "ticked by the teacher: kept");
        assertFalse(history.isOverlaid(3));
        assertTrue(history.isOverlaid(4));
        assertEquals(6, lesson.loss.previousSeries().size(), "runs #1 and #4");
    }
}
