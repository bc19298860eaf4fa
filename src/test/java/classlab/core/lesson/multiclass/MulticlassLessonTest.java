package classlab.core.lesson.multiclass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.TrainingEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MulticlassLessonTest {
    private final MulticlassLesson lesson = new MulticlassLesson(TestEnvironments.mnistMini());
    private final MetricLog log = new MetricLog();

    private ExperimentResult run(String experiment, ParamValues values) throws Exception {
        long t0 = System.nanoTime();
        ExperimentResult r = lesson.run(experiment, values, RunControl.unattended(log));
        System.out.printf("multiclass/%s: %.1f s, %s%n", experiment, (System.nanoTime() - t0) / 1e9, r.finalMetrics());
        return r;
    }

    @SuppressWarnings("unchecked")
    private <F extends Figure> F fig(String id) {
        return (F) lesson.allFigures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static double number(ResultTable t, String row) {
        return ((Number) t.row(row).get(1)).doubleValue();
    }

    @Test
    void bceOnSigmoidEqualsBceWithLogitsAndSoftmaxSumsToOne() throws Exception {
        for (String z : List.of("-10", "-3.7", "0", "0.3", "2.5", "10")) {
            for (String y : List.of("0", "1")) {
                lesson.updateDemos(lesson.defaults().with("z", z).with("y", y).with("z1", z).with("z2", "-9.5").with("z3", "4"));
                ResultTable check = fig("bce_check");
                assertEquals(number(check, "bce"), number(check, "bce_with_logits"), 1e-6, "z=" + z + " y=" + y);
                assertEquals(1.0, number(check, "softmax_sum"), 1e-12);
                BarFigure softmax = fig("softmax");
                double sum = 0;
                for (String c : softmax.categories()) sum += softmax.value("series.softmax_probability", c);
                assertEquals(1.0, sum, 1e-12);
            }
        }
    }

    @Test
    void playgroundMatchesHandComputedValues() throws Exception {
        lesson.updateDemos(lesson.defaults());  // z = 0.3, y = 1, logits (2, 1, 0.1)
        ResultTable check = fig("bce_check");
        assertEquals(1 / (1 + Math.exp(-0.3)), number(check, "sigmoid"), 1e-12);
        assertEquals(Math.log(1 + Math.exp(-0.3)), number(check, "bce"), 1e-12);   // -log σ(0.3)
        BarFigure softmax = fig("softmax");
        double denominator = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
        assertEquals(Math.exp(2) / denominator, softmax.value("series.softmax_probability", "category.dog"), 1e-12);
        LineFigure sigmoid = fig("sigmoid");
        assertEquals(2, sigmoid.allSeries().size());
        assertEquals(1, sigmoid.markers().size());
        lesson.updateDemos(lesson.defaults().with("z", "-2"));  // redraw replaces, never accumulates
        assertEquals(1, sigmoid.markers().size());
        assertEquals(-2.0, sigmoid.markers().get(0).x());
    }

    @Test
    void lossTablesMarkTheChosenRow() throws Exception {
        lesson.updateDemos(lesson.defaults().with("task", "multiclass").with("output", "logit"));
        ResultTable pytorch = fig("pytorch_losses");
        assertEquals(4, pytorch.rows().size());
        assertEquals("CrossEntropyLoss", pytorch.row("multiclass_logit").get(2));
        assertEquals(MulticlassLesson.SELECTED, pytorch.row("multiclass_logit").get(3));
        assertEquals("", pytorch.row("binary_prob").get(3));
        lesson.updateDemos(lesson.defaults().with("task", "binary").with("output", "logit"));
        assertEquals(MulticlassLesson.SELECTED, pytorch.row("binary_logit").get(3));
        assertEquals("", pytorch.row("multiclass_logit").get(3));
        ResultTable concept = fig("concept_losses");
        assertEquals(MulticlassLesson.SELECTED, concept.row("binary").get(4));
        ResultTable oneHot = fig("one_hot");
        assertEquals("[0, 1, 0]", oneHot.row("category.cat").get(2));
    }

    @Test
    void threeClassReaches95PercentTestAccuracyWithNotebookDefaults() throws Exception {
        ExperimentResult r = run(MulticlassLesson.THREE_CLASS, lesson.defaults());
        assertEquals(100, r.epochs());
        assertTrue(r.finalMetrics().get("test_accuracy") >= 0.95, r.finalMetrics().toString());
        LineFigure acc = fig("three_class_accuracy");
        assertEquals(100, acc.series("series.test_accuracy").size());
        GridFigure cm = fig("three_class_confusion");
        assertEquals(2, cm.panels().size());
        GridFigure.Panel test = cm.panels().get(1);
        double total = 0, diagonal = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) total += test.values()[i][j];
            diagonal += test.values()[i][i];
        }
        assertEquals(r.finalMetrics().get("test_accuracy"), diagonal / total, 1e-12);

        run(MulticlassLesson.THREE_CLASS, lesson.defaults().with("epochs", "3"));  // re-run replaces the curves
        assertEquals(3, acc.series("series.test_accuracy").size());
        assertEquals(2, acc.allSeries().size());
    }

    @Test
    void sigmoidBceAndLogitBceCurvesCoincide() throws Exception {
        ExperimentResult r = run(MulticlassLesson.BINARY_LOGITS, lesson.defaults());
        assertEquals(10, r.epochs());
        LineFigure acc = fig("binary_logits_accuracy");
        double[] sigmoid = acc.series("series.sigmoid_bce").snapshot()[1];
        double[] logit = acc.series("series.logit_bce").snapshot()[1];
        assertEquals(10, logit.length);
        for (int e = 0; e < 10; e++) assertEquals(sigmoid[e], logit[e], 2e-3, "epoch " + (e + 1));
        assertTrue(r.finalMetrics().get("train_accuracy") > 0.9, r.finalMetrics().toString());
        LineFigure loss = fig("binary_logits_loss");
        double[] ls = loss.series("series.sigmoid_bce").snapshot()[1];
        double[] ll = loss.series("series.logit_bce").snapshot()[1];
        assertEquals(ls[0], ll[0], 1e-5);  // same initial weights, same loss value
    }

    @Test
    void absurdLearningRateMakesTheEngineFailWithTheDivergenceMessage() throws Exception {
        // Softmax saturates, so Adam with lr up to 1e15 stays finite; 1e20 overflows float32 to NaN.
        ParamValues absurd = lesson.defaults().with("lr", "1e20").with("epochs", "20");
        TrainingEngine engine = TrainingEngine.forDl4j();
        engine.start(control -> lesson.run(MulticlassLesson.THREE_CLASS, absurd, control), false);
        assertTrue(engine.await(120, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.FAILED, engine.state());
        assertTrue(engine.failureMessage().startsWith("Training diverged"), engine.failureMessage());
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        ParamValues d = lesson.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.with("z1", "11")).getMessage().startsWith("z1:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.with("y", "2")).getMessage().startsWith("y:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.with("task", "ternary")).getMessage().startsWith("task:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.with("epochs", "-1")).getMessage().startsWith("epochs:"));
        assertThrows(IllegalArgumentException.class, () -> lesson.run("four_class", d, RunControl.unattended(log)));
    }

    @Test
    void everyLabelExistsInKoreanAndEnglish() throws Exception {
        lesson.updateDemos(lesson.defaults());
        run(MulticlassLesson.BINARY_LOGITS, lesson.defaults().with("binary_epochs", "1"));
        run(MulticlassLesson.THREE_CLASS, lesson.defaults().with("epochs", "1"));
        assertTrue(classlab.core.lesson.LessonStringsCoverage.usedKeys(lesson).contains("category.rabbit"));
        assertEquals(List.of(), classlab.core.lesson.LessonStringsCoverage.missing(lesson));
    }
}
