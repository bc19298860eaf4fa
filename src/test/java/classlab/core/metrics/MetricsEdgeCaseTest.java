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
        assertEquals(1, r.zeroDivisionWarnings().size());
        assertTrue(r.zeroDivisionWarnings().get(0).contains("class 2"));
        assertEquals((0.8 * 2 + 1.0 * 1 + 0.0 * 1) / 4, r.f1Weighted(), 1e-15);
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
