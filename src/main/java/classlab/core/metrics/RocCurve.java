package classlab.core.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A binary ROC curve computed exactly as scikit-learn 1.2's {@code roc_curve} with its defaults
 * ({@code drop_intermediate=True}):
 * <ol>
 *   <li>scores sorted in descending order; one candidate point per distinct score value;</li>
 *   <li>collinear intermediate points dropped (a point is kept when the second difference of the
 *       false- or true-positive counts is non-zero, plus the first and last point);</li>
 *   <li>the point (0, 0) prepended with threshold {@code max score + 1} (scikit-learn 1.2;
 *       from 1.3 on scikit-learn uses +infinity there).</li>
 * </ol>
 * The area under the curve is the trapezoid rule over (fpr, tpr), like {@code sklearn.metrics.auc}.
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final double auc;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
        this.auc = trapezoid(fpr, tpr);
    }

    /** The curve with scikit-learn's default {@code drop_intermediate=true}. */
    public static RocCurve of(boolean[] positive, double[] scores) {
        return of(positive, scores, true);
    }

    /**
     * Computes the curve.
     *
     * @param positive         whether each example belongs to the positive class
     * @param scores           score per example; higher means "more positive"
     * @param dropIntermediate drop points that lie on a straight line between their neighbours
     * @return the curve; if there are no positives (or no negatives) the corresponding rate is
     *         NaN, as in scikit-learn (which also warns), and so is the AUC
     */
    public static RocCurve of(boolean[] positive, double[] scores, boolean dropIntermediate) {
        int n = positive.length;
        if (scores.length != n) {
            throw new IllegalArgumentException(n + " labels but " + scores.length + " scores");
        }
        if (n == 0) {
            throw new IllegalArgumentException("ROC curve needs at least one example");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score at index " + i + " is " + scores[i]);
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        // cumulative true/false positives at the last index of each run of equal scores
        double[] tps = new double[n];
        double[] fps = new double[n];
        double[] thr = new double[n];
        int m = 0;
        long tp = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (positive[i]) tp++;
            boolean lastOfRun = r == n - 1 || scores[order[r + 1]] != scores[i];
            if (lastOfRun) {
                tps[m] = tp;
                fps[m] = r + 1 - tp;
                thr[m] = scores[i];
                m++;
            }
        }
        int[] keep = dropIntermediate && m > 2 ? optimalIndices(fps, tps, m) : IntStream.range(0, m).toArray();

        int size = keep.length + 1;
        double[] fpr = new double[size];
        double[] tpr = new double[size];
        double[] thresholds = new double[size];
        double totalFp = fps[m - 1];
        double totalTp = tps[m - 1];
        thresholds[0] = thr[keep[0]] + 1;
        fpr[0] = totalFp == 0 ? Double.NaN : 0.0;
        tpr[0] = totalTp == 0 ? Double.NaN : 0.0;
        for (int j = 0; j < keep.length; j++) {
            fpr[j + 1] = fps[keep[j]] / totalFp;  // NaN when there are no negatives, like scikit-learn
            tpr[j + 1] = tps[keep[j]] / totalTp;
            thresholds[j + 1] = thr[keep[j]];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Indices where {@code diff(fps, 2)} or {@code diff(tps, 2)} is non-zero, plus both ends. */
    private static int[] optimalIndices(double[] fps, double[] tps, int m) {
        return IntStream.range(0, m).filter(i -> {
            if (i == 0 || i == m - 1) return true;
            double secondFp = fps[i + 1] - 2 * fps[i] + fps[i - 1];
            double secondTp = tps[i + 1] - 2 * tps[i] + tps[i - 1];
            return secondFp != 0 || secondTp != 0;
        }).toArray();
    }

    /** Trapezoid rule, {@code numpy.trapz(y, x)}. */
    static double trapezoid(double[] x, double[] y) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return area;
    }

    public int numPoints() { return fpr.length; }

    public double[] falsePositiveRates() { return fpr.clone(); }

    public double[] truePositiveRates() { return tpr.clone(); }

    /** Score thresholds; point {@code i} predicts positive for scores {@code >= thresholds[i]}. */
    public double[] thresholds() { return thresholds.clone(); }

    /** Area under the curve (trapezoid rule); NaN if the labels have only one class. */
    public double auc() { return auc; }
}
