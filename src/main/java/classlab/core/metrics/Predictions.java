package classlab.core.metrics;

/** Small helpers that turn network outputs into predictions: softmax, arg-max, confidence. */
public final class Predictions {
    private Predictions() {
    }

    /** Index of the largest value in each row (the first one on ties, like {@code numpy.argmax}). */
    public static int[] argmax(double[][] probs) {
        int[] out = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            double[] row = probs[i];
            if (row.length == 0) throw new IllegalArgumentException("row " + i + " is empty");
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) best = c;
            }
            out[i] = best;
        }
        return out;
    }

    /** Row-wise softmax, computed stably by subtracting each row's maximum first. */
    public static double[][] softmax(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) max = Math.max(max, v);
            double[] p = new double[z.length];
            double sum = 0;
            for (int c = 0; c < z.length; c++) {
                p[c] = Math.exp(z[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < z.length; c++) p[c] /= sum;
            out[i] = p;
        }
        return out;
    }

    /** Mean over examples of the largest class probability (the model's average confidence). */
    public static double meanMaxProbability(double[][] probs) {
        if (probs.length == 0) throw new IllegalArgumentException("no probability rows");
        double sum = 0;
        for (double[] row : probs) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) max = Math.max(max, v);
            sum += max;
        }
        return sum / probs.length;
    }
}
