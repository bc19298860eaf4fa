package classlab.core.scratch;

/**
 * Softmax followed by the mean cross-entropy over the mini-batch, as one layer (notebook 003
 * {@code SoftmaxLayer}; PyTorch's {@code nn.CrossEntropyLoss} on logits).
 *
 * <ul>
 *   <li>forward: logits x {@code [N, K]} and labels {@code [N]} (class indices 0..K−1) → loss
 *       L = −(1/N) Σ_i log softmax(x_i)[label_i]</li>
 *   <li>backward: dL/dx = (softmax(x) − onehot(label)) / N {@code [N, K]}</li>
 * </ul>
 *
 * <p>Two differences from the notebook, both on purpose. Its {@code forward(x, y_pred)} stores
 * the softmax probabilities as {@code y_true} and the labels as {@code y_pred}: the names are
 * swapped (the arithmetic is right). Here they are {@link #probabilities()} and the labels. And it
 * adds 1e-7 inside the log; this class computes log-softmax as x − logsumexp(x), as PyTorch does,
 * which needs no epsilon and keeps the loss exactly consistent with the gradient (the gradient
 * check relies on that).
 */
public final class SoftmaxWithLoss {
    private double[][] probs;
    private int[] labels;

    /**
     * @return the mean cross-entropy (nats)
     * @throws IllegalArgumentException if the row counts differ or a label is outside 0..K−1
     */
    public double forward(double[][] x, int[] labels) {
        if (x.length != labels.length) throw new IllegalArgumentException(x.length + " rows of logits but " + labels.length + " labels");
        this.labels = labels;
        probs = new double[x.length][];
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            int k = x[i].length;
            if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (k - 1));
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x[i]) max = Math.max(max, v);
            double sum = 0;
            probs[i] = new double[k];
            for (int j = 0; j < k; j++) {
                probs[i][j] = Math.exp(x[i][j] - max);
                sum += probs[i][j];
            }
            for (int j = 0; j < k; j++) probs[i][j] /= sum;
            loss += -(x[i][labels[i]] - max - Math.log(sum));
        }
        return loss / x.length;
    }

    /** dL/dx for the last forward, {@code [N, K]}; the upstream gradient of a loss is 1. */
    public double[][] backward() {
        int n = probs.length;
        double[][] dx = new double[n][];
        for (int i = 0; i < n; i++) {
            dx[i] = probs[i].clone();
            dx[i][labels[i]] -= 1;
            for (int j = 0; j < dx[i].length; j++) dx[i][j] /= n;
        }
        return dx;
    }

    /** Softmax of the last forward's logits, {@code [N, K]} (what the notebook calls {@code y_true}). */
    public double[][] probabilities() { return probs; }
}
