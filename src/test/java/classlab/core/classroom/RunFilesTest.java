package classlab.core.classroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir Path dir;

    private static RunRecord recordedRun(FakeLesson lesson, MetricLog log) {
        RunHistory history = new RunHistory(lesson, log);
        history.begin("all", lesson.defaults().with("lr", "0.3"), Instant.parse("2026-11-30T15:00:00Z"));
        history.results(lesson.run("all", lesson.defaults().with("lr", "0.3"), RunControl.unattended(log)).finalMetrics());
        lesson.results.putRow("note", "message.note", Double.NaN);   // a non-finite cell survives as NaN
        return history.end("FINISHED", null);
    }

    @Test
    void aSavedRunReadsBackEqual() throws Exception {
        RunRecord run = recordedRun(new FakeLesson(), new MetricLog());
        Path file = dir.resolve("run" + RunFiles.EXTENSION);
        RunFiles.write(run, file);
        RunRecord back = RunFiles.read(file);
        assertEquals(run.settings(), back.settings());
        assertEquals(run.changed(), back.changed());
        assertEquals(run.training(), back.training());
        assertEquals(run.results(), back.results());
        assertEquals(run.metrics(), back.metrics());
        assertEquals(run.started(), back.started());
        assertEquals(42L, back.seed());
        assertEquals(run.curves().size(), back.curves().size());
        for (int i = 0; i < run.curves().size(); i++) {
            assertEquals(run.curves().get(i).series(), back.curves().get(i).series());
            assertArrayEquals(run.curves().get(i).y(), back.curves().get(i).y(), 0);
        }
        assertEquals(run.tableRows().get(0), back.tableRows().get(0));
        assertTrue(Double.isNaN((Double) back.tableRows().get(3).cells().get(1)));
    }

    /** Trial report 4, item 11: saved runs #1-#3 restored, the session's next run is #4, not a second #1. */
    @Test
    void runsOfTheSessionAreNumberedAfterTheRestoredOnes() throws Exception {
        FakeLesson lesson = new FakeLesson();
        MetricLog log = new MetricLog();
        RunHistory earlier = new RunHistory(lesson, log);
        List<RunRecord> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            earlier.begin("b", lesson.defaults(), Instant.parse("2026-11-30T15:0" + i + ":00Z"));
            Path file = dir.resolve("run" + i + RunFiles.EXTENSION);
            RunFiles.write(earlier.end("FINISHED", null), file);
            saved.add(RunFiles.read(file));
        }
        RunHistory history = new RunHistory(lesson, log);
        history.restore(saved);
        assertEquals(List.of("#1 ", "#2 ", "#3 "), history.runs().stream().map(r -> r.source().numberText()).toList());
        history.begin("b", lesson.defaults(), Instant.parse("2026-11-30T16:00:00Z"));
        assertEquals("#4", history.running().label());
        RunRecord next = history.end("FINISHED", null);
        assertEquals("#4", next.label());
        assertEquals(4, history.runs().stream().map(RunRecord::label).distinct().count(), "no two entries of the list read alike");
    }

    @Test
    void replayFillsTheFiguresEpochByEpochAndEndsWithTheTables() throws Exception {
        RunRecord run = recordedRun(new FakeLesson(), new MetricLog());
        FakeLesson fresh = new FakeLesson();
        MetricLog log = new MetricLog();
        List<Integer> pointsPerTick = new ArrayList<>();
        RunControl counting = new RunControl() {
            @Override public void checkpoint() {
                pointsPerTick.add(fresh.loss.allSeries().stream().mapToInt(LineFigure.Series::size).sum());
            }
            @Override public boolean stopRequested() { return false; }
            @Override public void log(String e, int epoch, String m, double v) { log.add(e, epoch, m, v); }
        };
        RunReplay.play(fresh, run, counting, 1000);
        assertEquals(List.of(0, 3, 6), pointsPerTick, "three curves grow one epoch per tick");
        assertEquals(run.curves().get(2).y()[2], fresh.loss.series("series.c").lastY());
        assertEquals(4, fresh.results.rows().size(), "tables appear at the end");
        assertEquals(run.metrics().size(), log.rows().size());
    }

    @Test
    void otherFilesAreRefusedWithTheirName() throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFiles.read(notJson));
        assertTrue(e.getMessage().startsWith("notes.txt is not a ClassLab run"), e.getMessage());
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"format\": \"classlab-run\", \"version\": 99}");
        e = assertThrows(IllegalArgumentException.class, () -> RunFiles.read(newer));
        assertTrue(e.getMessage().contains("newer ClassLab"), e.getMessage());
        RunRecord run = recordedRun(new FakeLesson(), new MetricLog());
        e = assertThrows(IllegalArgumentException.class, () -> RunReplay.play(new RegularizationLessonStandIn(), run, null, 1));
        assertTrue(e.getMessage().contains("lesson \"fake\", not of \"other\""), e.getMessage());
    }

    /** A lesson with another id. */
    private static final class RegularizationLessonStandIn extends classlab.core.lesson.LessonModel {
        RegularizationLessonStandIn() { super(null); }
        @Override public String id() { return "other"; }
        @Override public List<classlab.core.lesson.ParamSpec> params() { return List.of(); }
        @Override public List<classlab.core.lesson.Experiment> experiments() { return List.of(); }
        @Override public classlab.core.lesson.ExperimentResult run(String e, classlab.core.lesson.ParamValues v, RunControl c) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aStoppedRunKeepsWhereItStoppedAndItsReplayEndsStoppedThere() throws Exception {
        FakeLesson lesson = new FakeLesson();
        MetricLog log = new MetricLog();
        RunHistory history = new RunHistory(lesson, log);
        history.begin("all", lesson.defaults(), Instant.parse("2026-11-30T15:00:00Z"));
        RunRecord stopped = history.end("STOPPED", new classlab.core.train.TrainingEngine.Progress("none", 2, 4, 7, 30, 412, 0.5, 9_000_000_000L));
        assertEquals(new classlab.core.train.TrainingEngine.Progress("none", 2, 4, 7, 30, 412, Double.NaN, 0), stopped.endedAt(),
                "the position is kept, not the loss or the time");
        Path file = dir.resolve("stopped" + RunFiles.EXTENSION);
        RunFiles.write(stopped, file);
        RunRecord back = RunFiles.read(file);
        assertEquals(stopped.endedAt(), back.endedAt());
        assertTrue(back.stopped());

        history.begin("all", lesson.defaults(), Instant.now(), back);
        RunRecord replay = history.end("FINISHED", new classlab.core.train.TrainingEngine.Progress("all", 1, 1, 7, 7, 0, Double.NaN, 0));
        assertEquals("STOPPED", replay.outcome(), "played to its end, a replay ends as the recording did");
        assertEquals(stopped.endedAt(), replay.endedAt());
        assertEquals(stopped.started(), replay.replayOf());
        history.begin("all", lesson.defaults(), Instant.now(), back);
        RunRecord cut = history.end("STOPPED", new classlab.core.train.TrainingEngine.Progress("all", 1, 1, 3, 7, 0, Double.NaN, 0));
        assertEquals(3, cut.endedAt().epoch(), "a replay stopped by the user is stopped where the replay was");
    }

    /**
     * A replay takes no number of the trained runs: it is named as the recorded run from a file, the
     * same in the run's label, the legend of its faded curves and the CSV's run column; saved again, it
     * is the recording again.
     */
    @Test
    void aReplayIsNamedAsTheRecordedRunFromAFileEverywhere() throws Exception {
        FakeLesson lesson = new FakeLesson();
        MetricLog log = new MetricLog();
        Path file = dir.resolve("run" + RunFiles.EXTENSION);
        RunRecord recorded = recordedRun(lesson, log);
        RunFiles.write(recorded, file);
        RunRecord back = RunFiles.read(file);
        assertEquals(new RunRecord.Source(1, recorded.started(), false), back.source());

        RunHistory session = new RunHistory(lesson, log);   // the next session opens the file
        session.begin("all", back.settingsOver(lesson.defaults()), Instant.now(), back);
        RunReplay.play(lesson, back, RunControl.unattended(log), 1000);
        RunRecord replay = session.end("FINISHED", null);
        assertEquals(-1, replay.number());
        assertEquals(new RunRecord.Source(1, recorded.started(), true), replay.source());
        LessonStrings en = LessonStrings.load(null, "en");
        String time = replay.source().time();
        assertEquals("#1 (file " + time + ")", LessonStrings.resolve(en, replay.label()));

        session.begin("all", lesson.defaults(), Instant.now());
        lesson.run("all", lesson.defaults(), RunControl.unattended(log));
        RunRecord trained = session.end("FINISHED", null);
        assertEquals("#1", trained.label(), "the first run trained in this session is #1");
        List<LineFigure.Series> faded = lesson.loss.previousSeries();
        assertEquals(3, faded.size(), "the replay is now drawn faded");
        assertEquals("Loss a · #1 (file " + time + ") (Learning rate 0.3)",
                LessonStrings.resolve(k -> k.equals("series.a") ? "Loss a" : en.apply(k), faded.get(0).name()));
        assertTrue(lesson.loss.toCsv().lines().anyMatch(l -> l.endsWith("," + replay.label())), lesson.loss.toCsv());

        Path again = dir.resolve("again" + RunFiles.EXTENSION);
        RunFiles.write(replay, again);
        assertEquals(back.source(), RunFiles.read(again).source(), "saved again, the replay is the recording: same number and start");
    }

    /** The runs folder: runs of every quit's sub-folder come back oldest first; a discarded or unreadable one does not. */
    @Test
    void savedRunsAreFoundExceptDiscardedOnesAndUnreadableFilesAreNamed() throws Exception {
        assertTrue(SavedRuns.scan(dir.resolve("absent")).runs().isEmpty(), "no runs folder yet: nothing");
        RunRecord older = recordedRun(new FakeLesson(), new MetricLog());
        Path first = dir.resolve("2026-11-30_15-10-00").resolve("fake-all-run1" + RunFiles.EXTENSION);
        Path second = dir.resolve("2026-11-30_16-00-00").resolve("fake-all-run2" + RunFiles.EXTENSION);
        RunFiles.write(older, second);
        FakeLesson lesson = new FakeLesson();
        RunHistory history = new RunHistory(lesson, new MetricLog());
        history.begin("b", lesson.defaults(), Instant.parse("2026-11-30T16:00:00Z"));
        RunFiles.write(history.end("FINISHED", null), first);
        Files.writeString(dir.resolve("2026-11-30_16-00-00").resolve("broken" + RunFiles.EXTENSION), "{");

        SavedRuns.Scan scan = SavedRuns.scan(dir);
        assertEquals(List.of(second, first), scan.runs().stream().map(SavedRuns.Found::file).toList(), "oldest run first");
        assertEquals(List.of(Path.of("2026-11-30_16-00-00", "broken" + RunFiles.EXTENSION).toString()), scan.unreadable());

        Path moved = SavedRuns.discard(dir, second);
        assertEquals(dir.resolve(SavedRuns.DISCARDED).resolve("2026-11-30_16-00-00").resolve(second.getFileName()), moved);
        assertEquals(List.of(first), SavedRuns.scan(dir).runs().stream().map(SavedRuns.Found::file).toList(), "not restored again");
    }

    /** A run saved at a quit comes back at one start only: once marked as restored, the next scan leaves it out, and its file stays. */
    @Test
    void savedRunsComeBackOnceAndTheirFilesStay() throws Exception {
        Path quit = dir.resolve("2026-12-02_01-25-53");
        Path first = quit.resolve("fake-all-run4" + RunFiles.EXTENSION);
        Path second = quit.resolve("fake-all-run5" + RunFiles.EXTENSION);
        RunFiles.write(recordedRun(new FakeLesson(), new MetricLog()), first);
        RunFiles.write(recordedRun(new FakeLesson(), new MetricLog()), second);
        Files.writeString(quit.resolve("broken" + RunFiles.EXTENSION), "{");

        SavedRuns.Scan start = SavedRuns.scan(dir);
        assertEquals(List.of(first, second), start.runs().stream().map(SavedRuns.Found::file).sorted().toList(), "the first start finds both");
        assertEquals(1, start.unreadable().size());
        List<Path> restored = new ArrayList<>(start.runs().stream().map(SavedRuns.Found::file).toList());
        start.unreadable().forEach(name -> restored.add(dir.resolve(name)));
        SavedRuns.markRestored(restored);

        SavedRuns.Scan next = SavedRuns.scan(dir);
        assertTrue(next.runs().isEmpty() && next.unreadable().isEmpty(), "the next start restores nothing: "
                + next.runs().stream().map(SavedRuns.Found::file).toList() + " " + next.unreadable());
        assertTrue(Files.isRegularFile(first) && Files.isRegularFile(second), "nothing is deleted");
        assertEquals(SavedRuns.DISCARDED, SavedRuns.discard(dir, first).getParent().getParent().getFileName().toString(),
                "a run put back once can still be removed");

        Path later = quit.resolve("fake-all-run6" + RunFiles.EXTENSION);
        RunFiles.write(recordedRun(new FakeLesson(), new MetricLog()), later);
        assertEquals(List.of(later), SavedRuns.scan(dir).runs().stream().map(SavedRuns.Found::file).toList(),
                "a file added to a marked folder afterwards still comes back once");
    }
}
