package classlab.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support with macro and support-weighted averages, as
 * scikit-learn's {@code classification_report} / {@code precision_recall_fscore_support}.
 *
 * <p>Ill-defined values (precision of a class that is never predicted, recall of a class with no
 * examples) are 0, scikit-learn's default
 * {@code zero_division="warn"} result, and are listed in {@link #zeroDivisionWarnings()} so the
 * UI can say so instead of silently showing 0.
 */
public final class ClassificationReport {
    private final ConfusionMatrix matrix;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final long[] support;
    private final List<String> warnings;

    private ClassificationReport(ConfusionMatrix matrix) {
        this.matrix = matrix;
        int k = matrix.numClasses();
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new long[k];
        List<String> w = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            long tp = matrix.count(c, c);
            long predicted = matrix.predictedCount(c);
            support[c] = matrix.support(c);
            if (predicted == 0) {
                w.add("precision of class " + c + " is ill-defined (class never predicted); set to 0");
            } else {
                precision[c] = (double) tp / predicted;
            }
            if (support[c] == 0) {
                w.add("recall of class " + c + " is ill-defined (no true examples); set to 0");
            } else {
                recall[c] = (double) tp / support[c];
            }
            // scikit-learn 1.2: F = 2PR / (P + R), and 0 when P + R = 0 (no extra warning)
            double sum = precision[c] + recall[c];
            f1[c] = sum == 0 ? 0.0 : 2.0 * precision[c] * recall[c] / sum;
        }
        warnings = Collections.unmodifiableList(w);
    }

    /** Report for the given labels and predictions over {@code numClasses} classes. */
    public static ClassificationReport of(int[] labels, int[] predictions, int numClasses) {
        return new ClassificationReport(ConfusionMatrix.of(labels, predictions, numClasses));
    }

    /** Report for an existing confusion matrix. */
    public static ClassificationReport of(ConfusionMatrix matrix) {
        return new ClassificationReport(matrix);
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

    public double precisionMacro() { return mean(precision); }

    public double recallMacro() { return mean(recall); }

    public double f1Macro() { return mean(f1); }

    public double precisionWeighted() { return weightedMean(precision); }

    public double recallWeighted() { return weightedMean(recall); }

    public double f1Weighted() { return weightedMean(f1); }

    /** Human-readable notes on every value that was set to 0 by a zero division; empty if none. */
    public List<String> zeroDivisionWarnings() { return warnings; }

    public boolean hasZeroDivision() { return !warnings.isEmpty(); }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.length == 0 ? 0.0 : sum / values.length;
    }

    private double weightedMean(double[] values) {
        double sum = 0;
        long total = 0;
        for (int c = 0; c < values.length; c++) {
            sum += values[c] * support[c];
            total += support[c];
        }
        return total == 0 ? 0.0 : sum / total;
    }
}
