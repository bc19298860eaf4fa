package classlab.core.metrics;

import classlab.core.UserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * Per-class precision, recall, F1 and support with macro and support-weighted averages, by
 * scikit-learn 1.2's rules ({@code precision_recall_fscore_support}, {@code labels=None}).
 *
 * <ul>
 *   <li>Precision of a class that is never predicted and recall of a class with no true example
 *       are undefined; they take the {@code zero_division} value (0 by default, scikit-learn's
 *       {@code "warn"}; or 1) and are listed in {@link #undefined()}.</li>
 *   <li>F1 = 2PR / (P + R) from those values, and 0 when P + R = 0.</li>
 *   <li>Macro averages are over the classes that occur in the true labels or the predictions
 *       ({@link #labelsPresent()}); a class absent from both is left out, as scikit-learn's
 *       {@code unique_labels(y_true, y_pred)} does.</li>
 *   <li>Weighted averages weight each class by its support; with no support at all they are
 *       the {@code zero_division} value (precision, F1 0 if anything was predicted).</li>
 * </ul>
 */
public final class ClassificationReport {
    /** Why a value is undefined. */
    public enum Reason {
        /** The class is never predicted: precision = 0/0. */
        NEVER_PREDICTED,
        /** The class has no true example: recall = 0/0. */
        NO_TRUE_EXAMPLES
    }

    /** One undefined per-class value: metric {@code "precision"} or {@code "recall"}. */
    public record Undefined(String metric, int classIndex, Reason reason) {}

    private final ConfusionMatrix matrix;
    private final double zeroDivision;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;
    private final List<Integer> present;
    private final List<Undefined> undefined;

    private ClassificationReport(ConfusionMatrix matrix, double zeroDivision) {
        if (zeroDivision != 0 && zeroDivision != 1) {
            throw new IllegalArgumentException("zero_division must be 0 or 1, got " + zeroDivision);
        }
        this.matrix = matrix;
        this.zeroDivision = zeroDivision;
        int k = matrix.numClasses();
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new long[k];
        List<Integer> labels = new ArrayList<>();
        List<Undefined> u = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            long tp = matrix.count(c, c);
            long predicted = matrix.predictedCount(c);
            support[c] = matrix.support(c);
            if (predicted > 0 || support[c] > 0) labels.add(c);
            if (predicted == 0) {
                precision[c] = zeroDivision;
                u.add(new Undefined("precision", c, Reason.NEVER_PREDICTED));
            } else {
                precision[c] = (double) tp / predicted;
            }
            if (support[c] == 0) {
                recall[c] = zeroDivision;
                u.add(new Undefined("recall", c, Reason.NO_TRUE_EXAMPLES));
            } else {
                recall[c] = (double) tp / support[c];
            }
            double sum = precision[c] + recall[c];
            f1[c] = sum == 0 ? 0.0 : 2.0 * precision[c] * recall[c] / sum;
        }
        present = Collections.unmodifiableList(labels);
        undefined = Collections.unmodifiableList(u);
    }

    /** Report for the given labels and predictions over {@code numClasses} classes, {@code zero_division=0}. */
    public static ClassificationReport of(int[] labels, int[] predictions, int numClasses) {
        return of(ConfusionMatrix.of(labels, predictions, numClasses));
    }

    /** Report for an existing confusion matrix, {@code zero_division=0} (scikit-learn's "warn" values). */
    public static ClassificationReport of(ConfusionMatrix matrix) {
        return new ClassificationReport(matrix, 0.0);
    }

    /**
     * @param zeroDivision 0 or 1: the value of an undefined precision or recall (scikit-learn's {@code zero_division})
     */
    public static ClassificationReport of(ConfusionMatrix matrix, double zeroDivision) {
        return new ClassificationReport(matrix, zeroDivision);
    }

    public ConfusionMatrix confusionMatrix() { return matrix; }

    public int numClasses() { return precision.length; }

    public double precision(int c) { return precision[c]; }

    public double recall(int c) { return recall[c]; }

    public double f1(int c) { return f1[c]; }

    public long support(int c) { return support[c]; }

    public double[] precisionPerClass() { return precision.clone(); }

    public double[] recallPerClass() { return recall.clone(); }

    public double[] f1PerClass() { return f1.clone(); }

    public double accuracy() { return matrix.accuracy(); }

    /** Classes in the true labels or the predictions: the ones the macro averages include. */
    public List<Integer> labelsPresent() { return present; }

    public double precisionMacro() { return macro(precision); }

    public double recallMacro() { return macro(recall); }

    public double f1Macro() { return macro(f1); }

    public double precisionWeighted() { return weighted(precision, true); }

    public double recallWeighted() { return weighted(recall, false); }

    public double f1Weighted() { return weighted(f1, true); }

    /** Every undefined per-class value, in class order; empty when all are defined. */
    public List<Undefined> undefined() { return undefined; }

    /** Whether any precision or recall was undefined. */
    public boolean hasZeroDivision() { return !undefined.isEmpty(); }

    /** The classes whose {@code reason} made a value undefined, as "5, 7" (empty string if none). */
    public String classesWith(Reason reason) {
        StringJoiner j = new StringJoiner(", ");
        for (Undefined u : undefined) if (u.reason() == reason) j.add(Integer.toString(u.classIndex()));
        return j.toString();
    }

    /** The classes left out of the macro averages (absent from labels and predictions), as "3, 4". */
    public String classesLeftOut() {
        StringJoiner j = new StringJoiner(", ");
        for (int c = 0; c < numClasses(); c++) if (!present.contains(c)) j.add(Integer.toString(c));
        return j.toString();
    }

    /**
     * What the user should be told about undefined values, as deferred messages (keys
     * {@code note.metric.*} of the common strings): which classes, why, and what value they got.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        String neverPredicted = classesWith(Reason.NEVER_PREDICTED);
        String noExamples = classesWith(Reason.NO_TRUE_EXAMPLES);
        String leftOut = classesLeftOut();
        String zd = zeroDivision == 0 ? "0" : "1";
        if (!neverPredicted.isEmpty()) notes.add(UserException.message("note.metric.precision_undefined", neverPredicted, zd));
        if (!noExamples.isEmpty()) notes.add(UserException.message("note.metric.recall_undefined", noExamples, zd));
        if (!leftOut.isEmpty()) notes.add(UserException.message("note.metric.left_out", leftOut));
        return notes;
    }

    private double macro(double[] values) {
        if (present.isEmpty()) return zeroDivision;
        double sum = 0;
        for (int c : present) sum += values[c];
        return sum / present.size();
    }

    /** {@code zeroWhenPredicted}: precision and F1 are 0 (not zero_division) when there is no support but some prediction. */
    private double weighted(double[] values, boolean zeroWhenPredicted) {
        double sum = 0;
        long total = 0;
        for (int c = 0; c < values.length; c++) {
            sum += values[c] * support[c];
            total += support[c];
        }
        if (total > 0) return sum / total;
        return zeroWhenPredicted && matrix.total() > 0 ? 0.0 : zeroDivision;
    }
}
