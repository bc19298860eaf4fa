package classlab.core.metrics;

import classlab.core.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 kind 5 with fixed labels and predictions: which value is undefined, what it is shown as,
 * what the averages include, and what the notes and chart labels say, against scikit-learn 1.2.1.
 */
class UndefinedMetricsTest {

    /**
     * y_true = [0,0,0,1,1,3], y_pred = [0,2,2,1,2,2], K = 5: class 3 is never predicted, class 2 is
     * predicted but has no true example, class 4 is in neither. scikit-learn 1.2.1:
     * {@code precision_recall_fscore_support(yt, yp, average=None)} gives, over labels [0,1,2,3],
     * P = [1, 1, 0, 0], R = [1/3, 0.5, 0, 0], F1 = [0.5, 2/3, 0, 0] with the warnings "Precision and
     * F-score are ill-defined ... no predicted samples" (class 3) and "Recall and F-score are
     * ill-defined ... no true samples" (class 2); {@code average='macro'} gives (0.5, 0.208333, 0.291667)
     * and {@code 'weighted'} (0.833333, 0.333333, 0.472222); {@code accuracy_score} 1/3.
     */
    @Test
    void eachUndefinedClassIsNamedOnceUnderItsOwnRule() {
        ClassificationReport r = ClassificationReport.of(new int[]{0, 0, 0, 1, 1, 3}, new int[]{0, 2, 2, 1, 2, 2}, 5);
        assertArrayEquals(new double[]{1, 1, 0, 0, 0}, r.precisionPerClass(), 1e-12);
        assertArrayEquals(new double[]{1.0 / 3, 0.5, 0, 0, 0}, r.recallPerClass(), 1e-12);
        assertArrayEquals(new double[]{0.5, 2.0 / 3, 0, 0, 0}, r.f1PerClass(), 1e-12);
        assertEquals(0.5, r.precisionMacro(), 1e-6);
        assertEquals(0.208333, r.recallMacro(), 1e-6);
        assertEquals(0.291667, r.f1Macro(), 1e-6);
        assertEquals(0.833333, r.precisionWeighted(), 1e-6);
        assertEquals(0.333333, r.recallWeighted(), 1e-6);
        assertEquals(0.472222, r.f1Weighted(), 1e-6);
        assertEquals(1.0 / 3, r.accuracy(), 1e-12);

        // before: precision "3, 4" and recall "2, 4", while 4 was also said to be left out of the averages
        assertEquals(List.of(
                UserException.message("note.metric.precision_undefined", "3", "0"),
                UserException.message("note.metric.recall_undefined", "2", "0"),
                UserException.message("note.metric.left_out", "4", "0")), r.notes());
        assertFalse(r.isDefined("precision", 3));
        assertTrue(r.isDefined("recall", 3));
        assertFalse(r.isDefined("f1", 3));   // scikit-learn: "Precision and F-score are ill-defined"
        assertFalse(r.isDefined("recall", 2));
        assertTrue(r.isDefined("f1", 0));
        assertEquals(List.of("0", "1", UserException.message("note.metric.no_test_example_label", "2"), "3",
                UserException.message("note.metric.no_test_example_label", "4")),
                r.classLabels(new String[]{"0", "1", "2", "3", "4"}));
    }

    /**
     * A single class left: y_true = [0,0,0,0], y_pred = [2,2,2,2], K = 3. scikit-learn 1.2.1 over labels
     * [0, 2]: P = [0, 0], R = [0, 0], F1 = [0, 0] (both warnings), macro F1 0.0, accuracy 0.0; class 1
     * is in neither and left out.
     */
    @Test
    void aSingleTrueClassLeavesTheOtherClassesUndefined() {
        ClassificationReport r = ClassificationReport.of(new int[]{0, 0, 0, 0}, new int[]{2, 2, 2, 2}, 3);
        assertEquals(List.of(0, 2), r.labelsPresent());
        assertEquals(0.0, r.f1Macro());
        assertEquals(0.0, r.accuracy());
        assertEquals(List.of(
                UserException.message("note.metric.precision_undefined", "0", "0"),
                UserException.message("note.metric.recall_undefined", "2", "0"),
                UserException.message("note.metric.left_out", "1", "0")), r.notes());
    }

    private static final int[] LABELS = {0, 0, 1, 1, 2, 2, 0};
    private static final double[][] PROBS = {
            {.7, .2, .05, .05}, {.4, .4, .1, .1}, {.3, .5, .1, .1}, {.2, .2, .5, .1},
            {.1, .3, .5, .1}, {.25, .25, .25, .25}, {.1, .6, .2, .1}};

    /**
     * Class 3 absent from the test labels. scikit-learn 1.2.1, {@code roc_auc_score(label_binarize(y,
     * classes=range(4))[:, c], probs[:, c])}: 0.708333, 0.45, 0.85 for classes 0–2, and for class 3 it
     * raises "Only one class present in y_true. ROC AUC score is not defined in that case."; so does
     * {@code roc_auc_score(y_bin, probs, average='macro'|'weighted', multi_class='ovr')}.
     */
    @Test
    void anAbsentClassHasNoAucAndNoAverage() {
        Roc roc = Roc.oneVsRest(LABELS, PROBS);
        assertEquals(0.708333, roc.auc(0), 1e-6);
        assertEquals(0.45, roc.auc(1), 1e-12);
        assertEquals(0.85, roc.auc(2), 1e-12);
        assertTrue(Double.isNaN(roc.auc(3)));
        assertFalse(roc.isDefined(3));
        assertTrue(roc.isDefined(2));
        assertFalse(roc.averagesDefined());
        assertFalse(Roc.averagesDefined(LABELS, 4));
        assertTrue(Double.isNaN(roc.macroAuc()));
        assertTrue(Double.isNaN(roc.weightedAuc()));
        assertEquals(List.of(UserException.message("note.metric.auc_undefined", "3")), roc.notes());
    }

    /** One class left (y_true = [1,1,1]): scikit-learn 1.2.1 raises "Only one class present in y_true" for every class. */
    @Test
    void aSingleClassLeftHasNoAucAtAll() {
        Roc roc = Roc.oneVsRest(new int[]{1, 1, 1}, new double[][]{{.2, .5, .3}, {.1, .8, .1}, {.3, .3, .4}});
        for (int c = 0; c < 3; c++) assertFalse(roc.isDefined(c), "class " + c);
        assertTrue(Double.isNaN(roc.macroAuc()));
        assertEquals(List.of(UserException.message("note.metric.auc_undefined", "0, 2"),
                UserException.message("note.metric.auc_single_class", "1")), roc.notes());
        assertTrue(Roc.averagesDefined(new int[]{0, 1, 2}, 3));
    }
}
