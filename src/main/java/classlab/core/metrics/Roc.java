package classlab.core.metrics;

import classlab.core.UserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * One-vs-rest ROC analysis of a K-class classifier: one {@link RocCurve} per class (class c
 * positive, every other class negative, scored by the predicted probability of c), and the
 * averages of scikit-learn's {@code roc_auc_score(y, probs, multi_class='ovr', average=...)}:
 * {@code 'macro'} (plain mean of the per-class AUCs) and {@code 'weighted'} (weighted by the
 * number of true examples per class).
 *
 * <p>A class without examples (or a data set made of one class only) has an undefined AUC
 * (NaN, {@link #isDefined}); the averages then are NaN too, where scikit-learn raises an error
 * ("Only one class present in y_true"); {@link #notes()} says which class and why.
 */
public final class Roc {
    private final List<RocCurve> curves;
    private final long[] support;

    private Roc(List<RocCurve> curves, long[] support) {
        this.curves = curves;
        this.support = support;
    }

    /**
     * @param labels true class per example, in {@code 0..K-1}
     * @param probs  predicted class probabilities (or any scores), one row of K values per example
     */
    public static Roc oneVsRest(int[] labels, double[][] probs) {
        if (labels.length != probs.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + probs.length + " score rows");
        }
        if (probs.length == 0) {
            throw new IllegalArgumentException("ROC analysis needs at least one example");
        }
        int k = probs[0].length;
        long[] support = new long[k];
        for (int i = 0; i < labels.length; i++) {
            if (probs[i].length != k) {
                throw new IllegalArgumentException("score row " + i + " has " + probs[i].length + " values, expected " + k);
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside 0.." + (k - 1));
            }
            support[labels[i]]++;
        }
        List<RocCurve> curves = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            boolean[] positive = new boolean[labels.length];
            double[] scores = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = labels[i] == c;
                scores[i] = probs[i][c];
            }
            curves.add(RocCurve.of(positive, scores));
        }
        return new Roc(Collections.unmodifiableList(curves), support);
    }

    public int numClasses() { return curves.size(); }

    /** The one-vs-rest curve of class {@code c}. */
    public RocCurve curve(int c) { return curves.get(c); }

    public List<RocCurve> curves() { return curves; }

    /** AUC of class {@code c} against the rest. */
    public double auc(int c) { return curves.get(c).auc(); }

    /** Number of true examples of class {@code c}. */
    public long support(int c) { return support[c]; }

    /**
     * Whether the AUC of class {@code c} is defined: the test labels hold both an example of
     * {@code c} and one of another class. scikit-learn's {@code roc_auc_score} raises
     * "Only one class present in y_true" otherwise; here the AUC is NaN.
     */
    public boolean isDefined(int c) { return aucDefined(support[c], total()); }

    /** Whether every per-class AUC, and so the macro and weighted averages, is defined. */
    public boolean averagesDefined() { return averagesDefined(support); }

    /**
     * Whether the macro and weighted AUC of the given test labels over {@code numClasses} classes are
     * defined (every class present, and not alone): known before any prediction, from the labels only.
     */
    public static boolean averagesDefined(int[] labels, int numClasses) {
        long[] counts = new long[numClasses];
        for (int label : labels) counts[label]++;
        return averagesDefined(counts);
    }

    private static boolean averagesDefined(long[] counts) {
        long n = 0;
        for (long s : counts) n += s;
        for (long s : counts) if (!aucDefined(s, n)) return false;
        return true;
    }

    private static boolean aucDefined(long classSupport, long n) { return classSupport > 0 && classSupport < n; }

    private long total() {
        long n = 0;
        for (long s : support) n += s;
        return n;
    }

    /**
     * What the user should be told about undefined AUCs, as deferred messages (empty when all are
     * defined): {@code note.metric.auc_undefined} names the classes without a test example (the averages
     * are then undefined too), {@code note.metric.auc_single_class} the class that is alone in the test set.
     */
    public List<String> notes() {
        StringJoiner absent = new StringJoiner(", ");
        StringJoiner alone = new StringJoiner(", ");
        for (int c = 0; c < curves.size(); c++) {
            if (support[c] == 0) absent.add(Integer.toString(c));
            else if (!isDefined(c)) alone.add(Integer.toString(c));
        }
        List<String> notes = new ArrayList<>();
        if (absent.length() > 0) notes.add(UserException.message("note.metric.auc_undefined", absent));
        if (alone.length() > 0) notes.add(UserException.message("note.metric.auc_single_class", alone));
        return notes;
    }

    /** Mean of the per-class AUCs ({@code average='macro'}). */
    public double macroAuc() {
        double sum = 0;
        for (RocCurve curve : curves) sum += curve.auc();
        return sum / curves.size();
    }

    /** Per-class AUCs weighted by class support ({@code average='weighted'}). */
    public double weightedAuc() {
        double sum = 0;
        long total = 0;
        for (int c = 0; c < curves.size(); c++) {
            sum += curves.get(c).auc() * support[c];
            total += support[c];
        }
        return sum / total;
    }
}
