package classlab.core.lesson.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImbalanceLessonTest {
    private final ImbalanceLesson lesson = new ImbalanceLesson(TestEnvironments.mnistMini());

    private <F extends Figure> F fig(String id, Class<F> type) {
        for (Figure f : lesson.allFigures()) if (f.id().equals(id)) return type.cast(f);
        throw new AssertionError("no figure " + id);
    }

    private ParamValues quick() {
        return lesson.defaults().with("epochs", "3").with("train_size", "3000").with("test_size", "500");
    }

    @Test
    void classCountsAndWeightsFollowTheSliders() throws Exception {
        lesson.updateDemos(lesson.defaults());
        BarFigure counts = fig("class_counts", BarFigure.class);
        assertEquals(10, counts.categories().size());
        double total = 0;
        for (int c = 0; c < 10; c++) {
            String d = Integer.toString(c);
            double balanced = counts.value("series.balanced", d);
            double imbalanced = counts.value("series.imbalanced", d);
            if (c >= 5) assertEquals(0.1 * balanced, imbalanced, 1.0, "class " + c + " keeps 10 %");
            else assertEquals(balanced, imbalanced, 0.0, "class " + c + " keeps everything");
            total += imbalanced;
        }
        // w_c = N / (K n_c): every class carries the same total weight N / K
        ResultTable weights = fig("class_weights", ResultTable.class);
        for (List<Object> row : weights.rows()) {
            assertEquals(total / 10, (Double) row.get(1) * (Double) row.get(2), 1e-9);
        }
        assertTrue((Double) weights.row("9").get(2) > 5 * (Double) weights.row("0").get(2));

        lesson.updateDemos(lesson.defaults().with("minority_percent", "50").with("minority_classes", "0, 1"));
        assertEquals(0.5 * counts.value("series.balanced", "0"), counts.value("series.imbalanced", "0"), 1.0);
        assertEquals(counts.value("series.balanced", "9"), counts.value("series.imbalanced", "9"), 0.0);
    }

    /**
     * The notebook's setting (6,000 images, classes 5-9 at 10 %, seed 42) for 10 of its 25 epochs, to keep
     * the suite short: both strategies beat the plain model's macro F1 by a wide margin here (measured
     * 0.92 / 0.91 vs 0.76). At 25 epochs the plain model has caught up: measured weighted loss 0.925,
     * sampler 0.914, plain 0.918, so the sampler-vs-plain order at the last epoch is not a stable fact.
     */
    @Test
    void weightedLossAndSamplerBeatPlainMacroF1() throws Exception {
        long start = System.nanoTime();
        ExperimentResult r = lesson.run("strategies", lesson.defaults().with("epochs", "10"), RunControl.unattended(new MetricLog()));
        System.out.printf("L4 strategies (3 x 10 epochs): %.1f s, metrics %s%n", (System.nanoTime() - start) / 1e9, r.finalMetrics());
        Map<String, Double> m = r.finalMetrics();
        assertTrue(m.get("macro_f1_weighted_loss") > m.get("macro_f1_plain"), m.toString());
        assertTrue(m.get("macro_f1_sampler") > m.get("macro_f1_plain"), m.toString());
        LineFigure f1 = fig("macro_f1", LineFigure.class);
        assertEquals(3, f1.allSeries().size());
        for (LineFigure.Series s : f1.allSeries()) assertEquals(10, s.size());
        assertEquals(3, fig("per_class_f1", BarFigure.class).groups().size());
        // the paradox row carries this run's numbers
        String statement = (String) fig("accuracy_paradox", ResultTable.class).row("plain").get(0);
        assertTrue(statement.contains(String.format(Locale.ROOT, "%.3f", m.get("test_accuracy_plain"))), statement);
        assertTrue(statement.contains(String.format(Locale.ROOT, "%.3f", m.get("macro_recall_minority_plain"))), statement);
        // each row's sentence is chosen from its own numbers (ImbalanceParadoxTest: which sentence when)
        for (String strategy : List.of("plain", "weighted_loss", "sampler")) {
            String said = (String) fig("accuracy_paradox", ResultTable.class).row(strategy).get(0);
            String key = ImbalanceLesson.paradoxKey(m.get("test_accuracy_" + strategy), m.get("macro_recall_minority_" + strategy));
            assertEquals(key, said.substring(0, said.indexOf('|')), said);
        }
        List<Object> plain = fig("results", ResultTable.class).row("plain");
        assertTrue((Double) plain.get(3) < (Double) plain.get(4), "plain: minority recall below majority recall " + plain);
    }

    /** New-user trial: the 5 % exercise's form showed the other experiments' 10 % share, so which share trained was unclear. */
    @Test
    void eachFormShowsOnlyTheMinorityShareItsRunsUse() {
        List<String> exercise = lesson.params().stream().filter(p -> p.shownIn("exercise2")).map(p -> p.key()).toList();
        List<String> strategies = lesson.params().stream().filter(p -> p.shownIn("experiment")).map(p -> p.key()).toList();
        assertTrue(exercise.contains("exercise_percent") && !exercise.contains("minority_percent"), exercise.toString());
        assertTrue(strategies.contains("minority_percent") && !strategies.contains("exercise_percent"), strategies.toString());
    }

    @Test
    void exercise2ReportsPerClassPrecisionRecallAndMinorityMacroRecall() throws Exception {
        ExperimentResult r = lesson.run("exercise2", quick(), RunControl.unattended(new MetricLog()));
        ResultTable perClass = fig("ex2_per_class", ResultTable.class);
        assertEquals(10, perClass.rows().size());
        double weightedMinority = 0, samplerMinority = 0;
        for (int c = 5; c < 10; c++) {
            weightedMinority += (Double) perClass.row(Integer.toString(c)).get(2) / 5;
            samplerMinority += (Double) perClass.row(Integer.toString(c)).get(4) / 5;
        }
        assertEquals(weightedMinority, r.finalMetrics().get("macro_recall_minority_weighted_loss"), 1e-12);
        assertEquals(samplerMinority, r.finalMetrics().get("macro_recall_minority_sampler"), 1e-12);
        assertEquals(3, fig("ex2_minority_recall", LineFigure.class).allSeries().get(0).size());
        String verdict = (String) fig("ex2_summary", ResultTable.class).row("verdict").get(0);
        assertTrue(verdict.contains(String.format(Locale.ROOT, "%.3f", Math.max(weightedMinority, samplerMinority))), verdict);
    }

    @Test
    void rerunReplacesItsSeries() throws Exception {
        lesson.run("sampler", quick(), RunControl.unattended(new MetricLog()));
        ExperimentResult r = lesson.run("sampler", quick(), RunControl.unattended(new MetricLog()));
        LineFigure acc = fig("test_accuracy", LineFigure.class);
        assertEquals(1, acc.allSeries().size());
        assertEquals(3, acc.allSeries().get(0).size());
        for (String k : List.of("test_accuracy", "train_accuracy", "train_loss", "macro_f1", "macro_recall_minority")) {
            assertTrue(r.finalMetrics().containsKey(k), k);
        }
    }

    /**
     * Issue 12 kind 5: a barely trained model (one epoch at lr 1e-6) predicts only some classes; the
     * run says which precisions are undefined and that they count as 0 (scikit-learn's
     * zero_division), and macro F1 is the mean over the ten classes present.
     */
    @Test
    void undefinedPrecisionIsNamedInTheRunsNotes() throws Exception {
        java.util.List<String> notes = new java.util.ArrayList<>();
        ParamValues v = lesson.defaults().with("epochs", "1").with("lr", "1e-6").with("train_size", "1000").with("test_size", "200");
        ExperimentResult r = lesson.run("plain", v, RunControl.unattended(new MetricLog(), notes::add));
        assertEquals(1, notes.size(), notes.toString());
        // said for the model it concerns: "Plain (no handling): Undefined metric: ..."
        assertTrue(notes.get(0).startsWith("note.metric.of_model|series.plain|") && notes.get(0).contains("note.metric.precision_undefined|"),
                notes.toString());
        String en = classlab.core.lesson.LessonStrings.resolve(classlab.core.lesson.LessonStrings.load(null, "en"), notes.get(0));
        assertTrue(en.contains("never predicted class") && en.contains("zero_division=0"), en);
        assertTrue(r.finalMetrics().get("macro_f1") < 0.5, r.finalMetrics().toString());
    }

    /**
     * Minority recall with minority classes absent from the test set follows scikit-learn 1.2.1's
     * explicit-labels rule: {@code recall_score([5,5,6,0], [5,0,6,0], labels=[5,6,7,8,9], average='macro',
     * zero_division=0)} = 0.3 (7, 8, 9 count as 0), and the run says so.
     */
    @Test
    void minorityRecallCountsAbsentMinorityClassesAsZeroAndSaysSo() {
        boolean[] minority = new boolean[10];
        for (int c = 5; c < 10; c++) minority[c] = true;
        classlab.core.metrics.ClassificationReport r =
                classlab.core.metrics.ClassificationReport.of(new int[]{5, 5, 6, 0}, new int[]{5, 0, 6, 0}, 10);
        assertEquals(0.3, ImbalanceLesson.meanRecall(r, minority, true), 1e-12);
        int[] testCounts = {1, 0, 0, 0, 0, 2, 1, 0, 0, 0};
        String note = ImbalanceLesson.minorityRecallNote(testCounts, minority);
        assertEquals(classlab.core.UserException.message("note.metric.minority_recall_zeros", "5, 6, 7, 8, 9", "7, 8, 9"), note);
        String ko = LessonStrings.resolve(LessonStrings.load("imbalance", "ko"), note);
        assertTrue(ko.contains("7, 8, 9") && ko.contains("zero_division=0"), ko);
        assertEquals(null, ImbalanceLesson.minorityRecallNote(new int[]{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, minority));
    }

    /** A learning rate far too large is named as such after the first epoch, as in the other trained lessons (RunHealth). */
    @Test
    void runThatBlowsUpIsToldOnce() throws Exception {
        java.util.List<String> notes = new java.util.ArrayList<>();
        ParamValues v = lesson.defaults().with("epochs", "2").with("lr", "1000").with("train_size", "500").with("test_size", "200");
        lesson.run("plain", v, RunControl.unattended(new MetricLog(), notes::add));
        List<String> verdicts = notes.stream().filter(n -> n.startsWith("run.")).toList();
        assertEquals(1, verdicts.size(), notes.toString());
        assertTrue(verdicts.get(0).startsWith("run.exploded|1|"), verdicts.toString());
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lesson.defaults().with("minority_classes", "5, 10"));
        assertTrue(e.getMessage().contains("minority_classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lesson.defaults().with("minority_percent", "0"));
        assertTrue(e.getMessage().contains("minority_percent"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lesson.run("plain", lesson.defaults().with("test_size", "5000"), RunControl.unattended(new MetricLog())));
        assertTrue(e.getMessage().contains("test_size") && e.getMessage().contains("2000"), e.getMessage());
    }

    @Test
    void everyKeyHasBothTranslations() {
        for (String lang : LessonStrings.LANGUAGES) {
            LessonStrings s = LessonStrings.load(ImbalanceLesson.ID, lang);
            for (String section : lesson.sections()) assertTrue(s.has("section." + section), lang + " section." + section);
            for (var e : lesson.experiments()) assertTrue(s.has("experiment." + e.name()), lang + " experiment." + e.name());
            for (var p : lesson.params()) assertTrue(s.has("param." + p.key()), lang + " param." + p.key());
            for (Figure f : lesson.allFigures()) assertTrue(s.has(f.titleKey()), lang + " " + f.titleKey());
        }
    }

    /** Trial report 3, item 15: Weighted Loss was orange on the comparison tab and blue on exercise 2. */
    @Test
    void eachStrategyHasOneColourOnBothTabs() {
        LineFigure exercise = fig("ex2_minority_recall", LineFigure.class);
        exercise.series("series.weighted_loss");   // exercise 2 run first, as a teacher may
        exercise.series("series.sampler");
        LineFigure accuracy = fig("test_accuracy", LineFigure.class);
        for (String s : List.of("series.plain", "series.weighted_loss", "series.sampler")) accuracy.series(s);
        for (String s : List.of("series.weighted_loss", "series.sampler")) {
            assertEquals(accuracy.colorSlot(s), exercise.colorSlot(s), s);
            assertEquals(accuracy.colorSlot(s), fig("macro_f1", LineFigure.class).colorSlot(s), s);
        }
        assertEquals(0, accuracy.colorSlot("series.plain"));
    }
}
