package classlab.core.metrics;

/**
 * Counts of (true class, predicted class) pairs: {@code count(t, p)} is the number of examples
 * of class {@code t} predicted as {@code p} (rows = true class, columns = prediction), the same
 * layout as scikit-learn's {@code confusion_matrix}.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /**
     * Tallies labels against predictions.
     *
     * @param labels      true class per example, in {@code 0..numClasses-1}
     * @param predictions predicted class per example, same length as {@code labels}
     * @param numClasses  number of classes K (classes that never occur still get a row and column)
     */
    public static ConfusionMatrix of(int[] labels, int[] predictions, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
        }
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
        }
        long[][] counts = new long[numClasses][numClasses];
        for (int i = 0; i < labels.length; i++) {
            checkClass("label", i, labels[i], numClasses);
            checkClass("prediction", i, predictions[i], numClasses);
            counts[labels[i]][predictions[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    private static void checkClass(String what, int index, int value, int numClasses) {
        if (value < 0 || value >= numClasses) {
            throw new IllegalArgumentException(what + " " + value + " at index " + index
                    + " is outside 0.." + (numClasses - 1));
        }
    }

    public int numClasses() { return counts.length; }

    /** Examples of true class {@code trueClass} predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) { return counts[trueClass][predictedClass]; }

    /** A copy of the whole matrix, {@code [true][predicted]}. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        return copy;
    }

    /** Total number of examples. */
    public long total() {
        long sum = 0;
        for (long[] row : counts) for (long c : row) sum += c;
        return sum;
    }

    /** Examples whose true class is {@code c} (row sum; scikit-learn's "support"). */
    public long support(int c) {
        long sum = 0;
        for (long v : counts[c]) sum += v;
        return sum;
    }

    /** Examples predicted as {@code c} (column sum). */
    public long predictedCount(int c) {
        long sum = 0;
        for (long[] row : counts) sum += row[c];
        return sum;
    }

    /** Correct predictions (trace). */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) sum += counts[c][c];
        return sum;
    }

    /** Fraction of correct predictions; 0 for an empty matrix. */
    public double accuracy() {
        long total = total();
        return total == 0 ? 0.0 : (double) correct() / total;
    }

    /**
     * Each row divided by its sum (recall per cell, as {@code normalize='true'} in scikit-learn);
     * rows without examples stay 0.
     */
    public double[][] rowNormalized() {
        double[][] out = new double[counts.length][counts.length];
        for (int t = 0; t < counts.length; t++) {
            long rowSum = support(t);
            for (int p = 0; p < counts.length; p++) {
                out[t][p] = rowSum == 0 ? 0.0 : (double) counts[t][p] / rowSum;
            }
        }
        return out;
    }
}
