package classlab.core.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-checked small cases: zero division, ties, the drop of collinear ROC points. */
class MetricsEdgeCaseTest {

    @Test
    void classNeverPredictedGetsZeroPrecisionAndIsFlagged() {
        // class 2 is never predicted; class 1 has one example, predicted correctly
        ClassificationReport r = ClassificationReport.of(new int[]{0, 0, 1, 2}, new int[]{0, 0, 1, 0}, 3);
        assertEquals(0.0, r.precision(2));
        assertEquals(0.0, r.recall(2));
        assertEquals(0.0, r.f1(2));
        assertEquals(2.0 / 3.0, r.precision(0), 1e-15);
        assertEquals(0.8, r.f1(0), 1e-15);            // P = 2/3, R = 1
        assertTrue(r.hasZeroDivision());
        assertEquals(java.util.List.of(new ClassificationReport.Undefined("precision", 2,
                ClassificationReport.Reason.NEVER_PREDICTED)), r.undefined());
        assertEquals((0.8 * 2 + 1.0 * 1 + 0.0 * 1) / 4, r.f1Weighted(), 1e-15);
    }

    /**
     * Issue 12 kind 5 against scikit-learn 1.2.1: y_true = [0,0,1,1,2,0], y_pred = [0,0,0,0,0,1] over
     * K = 4 (class 2 never predicted, class 3 nowhere). Printed by
     * {@code precision_recall_fscore_support(yt, yp, labels=[0,1,2,3], zero_division=zd)} and the same
     * with {@code average='macro'|'weighted'} (labels=None), for zd = 0 and 1.
     */
    @Test
    void undefinedValuesFollowScikitLearnsZeroDivisionAndLabelRules() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[]{0, 0, 1, 1, 2, 0}, new int[]{0, 0, 0, 0, 0, 1}, 4);
        ClassificationReport zero = ClassificationReport.of(m, 0);
        assertArrayEquals(new double[]{0.4, 0, 0, 0}, zero.precisionPerClass(), 1e-6);
        assertArrayEquals(new double[]{2.0 / 3, 0, 0, 0}, zero.recallPerClass(), 1e-6);
        assertArrayEquals(new double[]{0.5, 0, 0, 0}, zero.f1PerClass(), 1e-6);
        assertEquals(0.133333, zero.precisionMacro(), 1e-6);   // class 3 left out: mean over 0, 1, 2
        assertEquals(0.222222, zero.recallMacro(), 1e-6);
        assertEquals(0.166667, zero.f1Macro(), 1e-6);
        assertEquals(0.2, zero.precisionWeighted(), 1e-6);
        assertEquals(0.333333, zero.recallWeighted(), 1e-6);
        assertEquals(0.25, zero.f1Weighted(), 1e-6);
        assertEquals(java.util.List.of(0, 1, 2), zero.labelsPresent());
        assertEquals(java.util.List.of(
                new ClassificationReport.Undefined("precision", 2, ClassificationReport.Reason.NEVER_PREDICTED),
                new ClassificationReport.Undefined("precision", 3, ClassificationReport.Reason.NEVER_PREDICTED),
                new ClassificationReport.Undefined("recall", 3, ClassificationReport.Reason.NO_TRUE_EXAMPLES)), zero.undefined());
        assertEquals("3", zero.classesLeftOut());

        ClassificationReport one = ClassificationReport.of(m, 1);
        assertArrayEquals(new double[]{0.4, 0, 1, 1}, one.precisionPerClass(), 1e-6);
        assertArrayEquals(new double[]{2.0 / 3, 0, 0, 1}, one.recallPerClass(), 1e-6);
        assertArrayEquals(new double[]{0.5, 0, 0, 1}, one.f1PerClass(), 1e-6);
        assertEquals(0.466667, one.precisionMacro(), 1e-6);
        assertEquals(0.222222, one.recallMacro(), 1e-6);
        assertEquals(0.166667, one.f1Macro(), 1e-6);
        assertEquals(0.366667, one.precisionWeighted(), 1e-6);
    }

    @Test
    void labelOutsideRangeIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[]{0, 3}, new int[]{0, 1}, 3));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void rocWithTiesKeepsOnePointPerDistinctScore() {
        // scores 0.9(+) 0.8(+,-) 0.3(-): cumulative (fp,tp) = (0,1) (1,2) (2,2); all three are corners
        RocCurve c = RocCurve.of(new boolean[]{true, true, false, false}, new double[]{0.9, 0.8, 0.8, 0.3});
        assertArrayEquals(new double[]{0, 0, 0.5, 1}, c.falsePositiveRates());
        assertArrayEquals(new double[]{0, 0.5, 1, 1}, c.truePositiveRates());
        assertArrayEquals(new double[]{1.9, 0.9, 0.8, 0.3}, c.thresholds());
        assertEquals(0.875, c.auc(), 1e-15);
    }

    @Test
    void collinearPointsAreDroppedOnlyWhenAsked() {
        // positives first: (0,1/3) (0,2/3) (0,1) lie on the vertical axis, the middle one is dropped
        boolean[] pos = {true, true, true, false};
        double[] s = {0.9, 0.8, 0.7, 0.1};
        assertEquals(4, RocCurve.of(pos, s, true).numPoints());
        assertEquals(5, RocCurve.of(pos, s, false).numPoints());
        assertEquals(1.0, RocCurve.of(pos, s).auc(), 1e-15);
    }

    @Test
    void softmaxIsStableForLargeLogitsAndConfidenceIsMeanMax() {
        double[][] p = Predictions.softmax(new double[][]{{1000, 1000}, {0, Math.log(3)}});
        assertArrayEquals(new double[]{0.5, 0.5}, p[0], 1e-15);
        assertArrayEquals(new double[]{0.25, 0.75}, p[1], 1e-15);
        assertEquals((0.5 + 0.75) / 2, Predictions.meanMaxProbability(p), 1e-15);
        assertArrayEquals(new int[]{0, 1}, Predictions.argmax(p));
    }
}
