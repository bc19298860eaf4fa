package classlab.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One-vs-rest ROC analysis of a K-class classifier: one {@link RocCurve} per class (class c
 * positive, every other class negative, scored by the predicted probability of c), and the
 * averages of scikit-learn's {@code roc_auc_score(y, probs, multi_class='ovr', average=...)}:
 * {@code 'macro'} (plain mean of the per-class AUCs) and {@code 'weighted'} (weighted by the
 * number of true examples per class).
 *
 * <p>A class without examples (or a data set made of one class only) has an undefined AUC
 * (NaN); the averages then are NaN too, where scikit-learn would raise an error.
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

    /** Classes whose AUC is undefined (no true example, or nothing else in the data), as "3, 4"; empty if none. */
    public String undefinedClasses() {
        java.util.StringJoiner j = new java.util.StringJoiner(", ");
        for (int c = 0; c < curves.size(); c++) if (Double.isNaN(curves.get(c).auc())) j.add(Integer.toString(c));
        return j.toString();
    }

    /**
     * The deferred message ({@code note.metric.auc_undefined}) naming the classes without an AUC and
     * why, or null when every AUC is defined. scikit-learn raises an error in this case; here the
     * curves of those classes are not drawn, the averages are NaN, and the note says so.
     */
    public String note() {
        String classes = undefinedClasses();
        return classes.isEmpty() ? null : classlab.core.UserException.message("note.metric.auc_undefined", classes);
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
