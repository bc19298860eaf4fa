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

    /** The classes left out of the macro averages (absent from labels and predictions), as "3, 4". */
    public String classesLeftOut() {
        StringJoiner j = new StringJoiner(", ");
        for (int c = 0; c < numClasses(); c++) if (!present.contains(c)) j.add(Integer.toString(c));
        return j.toString();
    }

    /**
     * Whether class {@code c}'s {@code metric} ({@code "precision"}, {@code "recall"} or {@code "f1"}) is
     * defined: precision needs a prediction of {@code c}, recall a true example of it, and F1 both
     * (scikit-learn 1.2 warns "Precision and F-score are ill-defined" / "Recall and F-score are ill-defined").
     *
     * @throws IllegalArgumentException for another metric name
     */
    public boolean isDefined(String metric, int c) {
        boolean predicted = matrix.predictedCount(c) > 0;
        boolean hasExamples = support[c] > 0;
        switch (metric) {
            case "precision": return predicted;
            case "recall": return hasExamples;
            case "f1": return predicted && hasExamples;
            default: throw new IllegalArgumentException("metric must be precision, recall or f1, got " + metric);
        }
    }

    /**
     * Category labels for per-class charts and tables: {@code names[c]}, or "names[c] (no test example)"
     * (deferred message {@code note.metric.no_test_example_label}) for a class without a true example,
     * whose recall (and F1) bar is then a 0/0 shown as {@code zero_division}, not a measured value. The
     * marks depend on the true labels only, so reports of several models on one test set agree on them.
     *
     * @param names class names, one per class
     * @throws IllegalArgumentException if {@code names} does not have one entry per class
     */
    public List<String> classLabels(String[] names) {
        if (names.length != numClasses()) {
            throw new IllegalArgumentException(names.length + " class names for " + numClasses() + " classes");
        }
        List<String> labels = new ArrayList<>(names.length);
        for (int c = 0; c < names.length; c++) {
            labels.add(support[c] > 0 ? names[c] : UserException.message("note.metric.no_test_example_label", names[c]));
        }
        return labels;
    }

    /**
     * What the user should be told about undefined values, as deferred messages (keys
     * {@code note.metric.*} of the common strings), each class named once under the rule that
     * applies to it, as scikit-learn 1.2 does with {@code labels=None}: a class of
     * {@link #labelsPresent()} never predicted (precision 0/0) or without a true example (recall 0/0)
     * takes the {@code zero_division} value and counts in the averages; a class in neither the labels
     * nor the predictions has no value at all and is left out of the macro averages.
     */
    public List<String> notes() {
        StringJoiner neverPredicted = new StringJoiner(", ");
        StringJoiner noExamples = new StringJoiner(", ");
        for (int c : present) {
            if (matrix.predictedCount(c) == 0) neverPredicted.add(Integer.toString(c));
            if (support[c] == 0) noExamples.add(Integer.toString(c));
        }
        List<String> notes = new ArrayList<>();
        String leftOut = classesLeftOut();
        String zd = zeroDivision == 0 ? "0" : "1";
        if (neverPredicted.length() > 0) notes.add(UserException.message("note.metric.precision_undefined", neverPredicted, zd));
        if (noExamples.length() > 0) notes.add(UserException.message("note.metric.recall_undefined", noExamples, zd));
        if (!leftOut.isEmpty()) notes.add(UserException.message("note.metric.left_out", leftOut, zd));
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
