package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.TrainingEngine.Progress;
import classlab.ui.fx.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of classroom mode: progress wording, epoch scaling, export folders. */
class ClassroomPartsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void progressSpeaksInUserTermsInBothLanguages() {
        Progress p = new Progress("none", 2, 4, 17, 30, 412, 0.5, 60 * SECOND);
        String en = ProgressText.format(p, "all_four", "epoch", LessonStrings.load("regularization", "en"), new Messages("en"), true);
        assertTrue(en.startsWith("No regularisation — configuration 2 of 4 · epoch 17/30 · iteration 412 · about "), en);
        // done = (1 + 17/30) / 4 = 0.392 of the work in 60 s → 93 s left
        assertTrue(en.endsWith("1:33 left"), en);
        String ko = ProgressText.format(p, "all_four", "epoch", LessonStrings.load("regularization", "ko"), new Messages("ko"), true);
        assertTrue(ko.contains("구성 2/4") && ko.contains("에폭 17/30") && !ko.contains("none"), ko);
        assertTrue(!ProgressText.format(p, "all_four", "epoch", LessonStrings.load("regularization", "en"), new Messages("en"), false).contains("left"),
                "no time left once the run has ended");
        assertEquals("", ProgressText.format(Progress.NONE, "all_four", "epoch", LessonStrings.load("regularization", "en"), new Messages("en"), true));
        // scratch's optimizer race counts steps (30 by default), in both languages
        Progress race = new Progress("race", 1, 1, 30, 30, 0, Double.NaN, SECOND);
        assertEquals("step", new classlab.core.lesson.scratch.ScratchLesson(classlab.core.lesson.TestEnvironments.mnistMini()).experiment("race").unit());
        assertTrue(ProgressText.format(race, "race", "step", LessonStrings.load("scratch", "en"), new Messages("en"), false)
                .endsWith(" · step 30/30"));
        assertTrue(ProgressText.format(race, "race", "step", LessonStrings.load("scratch", "ko"), new Messages("ko"), false)
                .endsWith(" · 걸음 30/30"));
    }

    /** The live mini-batch loss names each network after its configuration, the way the progress line does. */
    @Test
    void liveLossCurvesAreNamedAfterTheirConfiguration() {
        LessonStrings reg = LessonStrings.load("regularization", "en");
        assertEquals("series.dropout", ProgressText.configurationKey("dropout", "all_four", reg));
        LessonStrings bn = LessonStrings.load("batchnorm-gradients", "en");
        assertEquals("series.bn", ProgressText.configurationKey("bn_effect · bn", "bn_effect", bn));
        assertEquals(null, ProgressText.configurationKey("all_four", "all_four", reg), "one network: stays 'train loss'");
        assertEquals(null, ProgressText.configurationKey("batch_size · 64", "batch_size", bn), "no name for it: stays numbered");
        assertEquals("ε=0.1", ProgressText.configurationKey("label_smoothing ε=0.1", "label_smoothing",
                LessonStrings.load("roc-smoothing", "en")), "as the label-smoothing charts name it");
        assertEquals("cell.cnn_v1", ProgressText.configurationKey("cnn_v1", "baselines", LessonStrings.load("cifar", "en")),
                "the name cifar gives its training curve's colour (CifarLesson.train)");

        classlab.core.figure.LineFigure live = new classlab.core.figure.LineFigure("live", "t", "x", "y");
        live.series("series.train_loss").add(1, 2.0);
        live.series("series.train_loss_network|2").add(2, 1.5);
        int colour = live.colorSlot("series.train_loss_network|2");
        live.renameSeries("series.train_loss_network|2", "series.dropout");
        assertEquals(List.of("series.train_loss", "series.dropout"), live.allSeries().stream().map(s -> s.name()).toList());
        assertEquals(1.5, live.series("series.dropout").lastY());
        assertEquals(colour, live.colorSlot("series.dropout"), "the curve keeps its colour");
        assertEquals(2, live.colorSlot("series.train_loss_network|3"), "the next curve takes the next colour");
    }

    @Test
    void labelsDropTheExperimentIdAndTranslateTheRest() {
        LessonStrings en = LessonStrings.load("batchnorm-gradients", "en");
        assertEquals("With BatchNorm", ProgressText.label("bn_effect · bn", "bn_effect", en));
        assertEquals("BN, B=32", ProgressText.label("series.bn_at_batch|32", "bn_batch_sizes", en));
        assertEquals("CNN_V1", ProgressText.label("cnn_v1", "baselines", LessonStrings.load("cifar", "en")), "no model id on screen");
        // imbalance's exercise 2 names its configurations "exercise2_<strategy>": shown (and the live legend named) as the strategy
        assertEquals("WeightedSampler", ProgressText.label("exercise2_sampler", "exercise2", LessonStrings.load("imbalance", "ko")));
        assertEquals("series.weighted_loss", ProgressText.configurationKey("exercise2_weighted_loss", "exercise2",
                LessonStrings.load("imbalance", "en")));
        // regularization's dropout sweep trains "dropout_p0.7": named "p=0.7" as the sweep's curves are
        assertEquals("p=0.7", ProgressText.label("dropout_p0.7", "dropout_sweep", LessonStrings.load("regularization", "ko")));
        assertEquals("p=0.7", ProgressText.configurationKey("dropout_p0.7", "dropout_sweep", LessonStrings.load("regularization", "en")));
    }

    @Test
    void epochScalingTouchesOnlyTrainingEpochCountsAndKeepsRanges() {
        ParamValues v = ParamValues.defaults(List.of(ParamSpec.integer("epochs", 30, 1, 500),
                ParamSpec.integer("ls_epochs", 3, 2, 500), ParamSpec.integer("demo_epochs", 60, 2, 500).asDemo(),
                ParamSpec.integer("batch_size", 64, 1, 1024)));
        ParamValues quick = v.withEpochs(n -> (n + 4) / 5);
        assertEquals(6, quick.getInt("epochs"));
        assertEquals(2, quick.getInt("ls_epochs"), "clamped to the parameter's minimum");
        assertEquals(60, quick.getInt("demo_epochs"), "a demo's curve length is not training");
        assertEquals(64, quick.getInt("batch_size"));
        assertEquals(500, v.withEpochs(n -> 9999).getInt("epochs"));
    }

    @Test
    void formValuesKeepRefusedFieldsAndUndoQuickDemoOnlyOnEpochs() {
        FormValues form = new FormValues(ParamValues.defaults(List.of(ParamSpec.integer("epochs", 30, 1, 500),
                ParamSpec.integer("batch_size", 64, 1, 1024), ParamSpec.integer("k", 3, 1, 9).asDemo())));
        assertEquals(null, form.set("batch_size", "32", e -> "refused"));
        assertEquals("refused", form.set("epochs", "0", e -> "refused"));
        assertTrue(form.isInvalid("epochs"));
        assertEquals("refused", form.firstProblem(), "a run is refused while a field holds a refused value");
        assertEquals(30, form.values().getInt("epochs"), "the last accepted value stays");
        assertEquals(null, form.set("epochs", "30", e -> "refused"));
        assertEquals(null, form.firstProblem());
        form.setQuickDemo(true);
        assertEquals(6, form.values().getInt("epochs"));
        assertEquals(null, form.set("batch_size", "16", e -> "refused"));
        form.setQuickDemo(false);
        assertEquals(30, form.values().getInt("epochs"), "quick demo off: the epochs come back");
        assertEquals(16, form.values().getInt("batch_size"), "and a setting changed meanwhile stays");
        assertTrue(form.isDemo("k") && !form.isDemo("epochs"));
    }

    /** Trial report 4, item 1: quick demo writes the epochs, so a refused epoch value typed before no longer refuses the run. */
    @Test
    void quickDemoReplacesARefusedEpochCount() {
        FormValues form = new FormValues(ParamValues.defaults(List.of(ParamSpec.integer("epochs", 100, 1, 5000),
                ParamSpec.integer("batch_size", 64, 1, 1024))));
        assertEquals("refused", form.set("epochs", "abc", e -> "refused"));
        assertEquals("refused", form.set("batch_size", "0", e -> "refused"));
        form.setQuickDemo(true);
        assertFalse(form.isInvalid("epochs"), "the field now shows the quick-demo epochs");
        assertEquals(20, form.values().getInt("epochs"));
        assertTrue(form.isInvalid("batch_size"), "a refused value quick demo did not write still refuses the run");
        assertEquals(null, form.set("batch_size", "32", e -> "refused"));
        assertEquals(null, form.firstProblem(), "the run starts");
        assertEquals("refused", form.set("epochs", "-1", e -> "refused"));
        form.setQuickDemo(false);
        assertEquals(null, form.firstProblem(), "quick demo off writes the epochs back too");
        assertEquals(100, form.values().getInt("epochs"));
        assertEquals("refused", form.set("epochs", "x", e -> "refused"));
        form.setAllEpochs(3);
        assertEquals(null, form.firstProblem(), "--epochs writes every epoch count");
    }

    /** Trial report 2, item 14: a recording playing back is announced as a replay, in both languages. */
    @Test
    void aReplayReadsAsReplayingNotTraining() {
        for (String lang : new String[] {"en", "ko"}) {
            Messages m = new Messages(lang);
            RunBarModel bar = new RunBarModel(m, LessonStrings.load("pattern", lang));
            bar.showState(classlab.core.train.TrainingEngine.State.RUNNING, true);
            assertEquals(m.get("state.REPLAYING"), bar.stateTextProperty().get());
            assertNotEquals(m.get("state.RUNNING"), bar.stateTextProperty().get());
            bar.showState(classlab.core.train.TrainingEngine.State.RUNNING, false);
            assertEquals(m.get("state.RUNNING"), bar.stateTextProperty().get());
        }
        assertEquals("Replaying…", new Messages("en").get("state.REPLAYING"));
        assertEquals("재생 중…", new Messages("ko").get("state.REPLAYING"));
    }

    /** Trial report 2, item 7: "Again" on a quick-demo run keeps quick demo on, so turning it off brings 30 back. */
    @Test
    void quickDemoSurvivesRunningAQuickDemoRunAgain() {
        ParamValues defaults = ParamValues.defaults(List.of(ParamSpec.integer("epochs", 30, 1, 500),
                ParamSpec.integer("batch_size", 64, 1, 1024)));
        FormValues form = new FormValues(defaults);
        form.setQuickDemo(true);
        ParamValues quickRun = form.values();
        form.replaceAll(quickRun.with("batch_size", "32"));   // Again: the run's settings come back
        assertTrue(form.quickDemo(), "the toggle stays lit with the quick-demo epochs in the form");
        assertEquals(6, form.values().getInt("epochs"));
        form.setQuickDemo(false);
        assertEquals(30, form.values().getInt("epochs"), "the notebook's epochs come back");
        assertEquals(32, form.values().getInt("batch_size"));
        form.setQuickDemo(true);
        form.replaceAll(defaults);
        assertFalse(form.quickDemo(), "notebook defaults: quick demo off");
        assertEquals(30, form.values().getInt("epochs"));
    }

    @Test
    void everyExportGetsItsOwnFolder(@TempDir Path root) throws Exception {
        try (ExportService service = new ExportService(root)) {
            LocalDateTime t = LocalDateTime.of(2026, 11, 30, 15, 40, 5);
            Path first = service.newFolder("pattern", t);
            assertEquals(root.resolve("pattern").resolve("2026-11-30_15-40-05"), first);
            ExportService.Outcome done = service.submit(first, List.of(() -> Files.writeString(first.resolve("a.csv"), "x"),
                    () -> { throw new java.io.IOException("disk full"); })).get();
            assertEquals(List.of(first.resolve("a.csv")), done.written());
            assertEquals(List.of("disk full"), done.failures(), "one failing file does not stop the others");
            Path second = service.newFolder("pattern", t);
            assertNotEquals(first, second, "same second, new folder");
            assertFalse(Files.exists(second));
        }
    }
}
