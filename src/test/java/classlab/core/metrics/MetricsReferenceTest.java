package classlab.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static classlab.core.metrics.ReferenceJson.assertRelClose;
import static classlab.core.metrics.ReferenceJson.doubles;
import static classlab.core.metrics.ReferenceJson.ints;
import static classlab.core.metrics.ReferenceJson.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Metrics against scikit-learn 1.2 numbers in metrics.json (400 samples, 5 classes). */
class MetricsReferenceTest {
    private static final double REL = 1e-6;
    private static JsonNode ref;
    private static int[] labels;
    private static double[][] probs;

    @BeforeAll
    static void load() {
        ref = ReferenceJson.load("metrics.json");
        labels = ints(ref.get("labels"));
        probs = matrix(ref.get("probs"));
    }

    @Test
    void softmaxOfLogitsGivesReferenceProbabilities() {
        double[][] p = Predictions.softmax(matrix(ref.get("logits")));
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < p[i].length; c++) {
                assertRelClose(probs[i][c], p[i][c], REL, "prob[" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void argmaxGivesReferencePredictions() {
        assertArrayEquals(ints(ref.get("pred")), Predictions.argmax(probs));
    }

    @Test
    void confusionMatrixAndAccuracy() {
        ConfusionMatrix cm = ConfusionMatrix.of(labels, Predictions.argmax(probs), 5);
        JsonNode expected = ref.get("confusion_matrix");
        for (int t = 0; t < 5; t++) {
            for (int p = 0; p < 5; p++) {
                assertEquals(expected.get(t).get(p).asLong(), cm.count(t, p), "cell [" + t + "][" + p + "]");
            }
        }
        assertRelClose(ref.get("accuracy").asDouble(), cm.accuracy(), REL, "accuracy");
        assertEquals(400, cm.total());
    }

    @Test
    void perClassAndMacroScores() {
        ClassificationReport report = ClassificationReport.of(labels, Predictions.argmax(probs), 5);
        double[] precision = doubles(ref.get("precision_per_class"));
        double[] recall = doubles(ref.get("recall_per_class"));
        double[] f1 = doubles(ref.get("f1_per_class"));
        for (int c = 0; c < 5; c++) {
            assertRelClose(precision[c], report.precision(c), REL, "precision " + c);
            assertRelClose(recall[c], report.recall(c), REL, "recall " + c);
            assertRelClose(f1[c], report.f1(c), REL, "f1 " + c);
        }
        assertRelClose(ref.get("f1_macro").asDouble(), report.f1Macro(), REL, "f1_macro");
        assertRelClose(ref.get("recall_macro").asDouble(), report.recallMacro(), REL, "recall_macro");
        assertRelClose(ref.get("accuracy").asDouble(), report.accuracy(), REL, "accuracy");
        assertFalse(report.hasZeroDivision());
    }

    @Test
    void everyRocPointAndAuc() {
        Roc roc = Roc.oneVsRest(labels, probs);
        for (JsonNode curveRef : ref.get("roc_ovr")) {
            int c = curveRef.get("class").asInt();
            RocCurve curve = roc.curve(c);
            double[] fpr = doubles(curveRef.get("fpr"));
            double[] tpr = doubles(curveRef.get("tpr"));
            assertEquals(fpr.length, curve.numPoints(), "number of ROC points of class " + c);
            for (int i = 0; i < fpr.length; i++) {
                assertRelClose(fpr[i], curve.falsePositiveRates()[i], REL, "fpr[" + i + "] of class " + c);
                assertRelClose(tpr[i], curve.truePositiveRates()[i], REL, "tpr[" + i + "] of class " + c);
            }
            if (curveRef.has("thresholds")) {
                double[] thr = doubles(curveRef.get("thresholds"));
                for (int i = 0; i < thr.length; i++) {
                    assertRelClose(thr[i], curve.thresholds()[i], REL, "threshold[" + i + "] of class " + c);
                }
            }
            assertRelClose(curveRef.get("auc").asDouble(), roc.auc(c), REL, "auc of class " + c);
        }
        assertRelClose(ref.get("auc_macro").asDouble(), roc.macroAuc(), REL, "auc_macro");
        assertRelClose(ref.get("auc_weighted").asDouble(), roc.weightedAuc(), REL, "auc_weighted");
    }

    @Test
    void rocThresholdsFollowScikitLearn12() {
        // metrics.json has no thresholds, so check the documented rule on the reference data:
        // first threshold = max score + 1, then the kept scores in descending order.
        RocCurve curve = Roc.oneVsRest(labels, probs).curve(0);
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : probs) max = Math.max(max, row[0]);
        double[] thr = curve.thresholds();
        assertEquals(max + 1, thr[0]);
        assertEquals(max, thr[1]);
        for (int i = 2; i < thr.length; i++) {
            assertEquals(true, thr[i] < thr[i - 1], "thresholds decrease at " + i);
        }
    }
}
