package classlab.core.train.loss;

import java.util.Arrays;

/**
 * Reference implementations of the classification losses in plain double arithmetic, with
 * PyTorch semantics ({@code nn.CrossEntropyLoss}, {@code nn.BCELoss}, {@code nn.BCEWithLogitsLoss},
 * reduction "mean"). Used to print the number a student gets from the notebook and to test the
 * DL4J loss functions of this package.
 */
public final class Losses {
    private Losses() {
    }

    /** Cross-entropy of one example: {@code logsumexp(z) − z[target]}, smoothed with {@code eps}. */
    public static double crossEntropy(double[] logits, int target, double labelSmoothing) {
        return crossEntropy(new double[][]{logits}, new int[]{target}, null, labelSmoothing);
    }

    /** Mean cross-entropy from logits, no weights, no smoothing. */
    public static double crossEntropy(double[][] logits, int[] targets) {
        return crossEntropy(logits, targets, null, 0.0);
    }

    /**
     * Mean cross-entropy from logits as PyTorch's {@code F.cross_entropy(logits, targets,
     * weight=classWeights, label_smoothing=eps)}:
     * <pre>
     * loss = [ (1−ε)·Σ_i w_{y_i}·nll_i  +  (ε/K)·Σ_i Σ_k w_k·(−log p_ik) ] / Σ_i w_{y_i}
     * </pre>
     * with {@code nll_i = −log p_{i,y_i}}; without weights all {@code w = 1} and the denominator is N.
     *
     * @param classWeights one weight per class, or null
     * @param labelSmoothing ε in [0, 1]
     */
    public static double crossEntropy(double[][] logits, int[] targets, double[] classWeights, double labelSmoothing) {
        if (logits.length != targets.length) {
            throw new IllegalArgumentException(logits.length + " logit rows but " + targets.length + " targets");
        }
        if (logits.length == 0) throw new IllegalArgumentException("cross-entropy of an empty batch");
        checkSmoothing(labelSmoothing);
        int k = logits[0].length;
        if (classWeights != null && classWeights.length != k) {
            throw new IllegalArgumentException(classWeights.length + " class weights for " + k + " classes");
        }
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i].length != k) {
                throw new IllegalArgumentException("logit row " + i + " has " + logits[i].length + " values, expected " + k);
            }
            int y = targets[i];
            if (y < 0 || y >= k) throw new IllegalArgumentException("target " + y + " at index " + i + " is outside 0.." + (k - 1));
            double[] logp = logSoftmax(logits[i]);
            double wy = classWeights == null ? 1.0 : classWeights[y];
            double smooth = 0;
            for (int c = 0; c < k; c++) smooth -= (classWeights == null ? 1.0 : classWeights[c]) * logp[c];
            numerator += (1 - labelSmoothing) * wy * -logp[y] + labelSmoothing / k * smooth;
            denominator += wy;
        }
        return numerator / denominator;
    }

    /** The smoothed target distribution {@code (1−ε)·onehot(target) + ε/K}. */
    public static double[] smoothedTarget(int target, int numClasses, double labelSmoothing) {
        checkSmoothing(labelSmoothing);
        if (target < 0 || target >= numClasses) {
            throw new IllegalArgumentException("target " + target + " is outside 0.." + (numClasses - 1));
        }
        double[] t = new double[numClasses];
        Arrays.fill(t, labelSmoothing / numClasses);
        t[target] += 1 - labelSmoothing;
        return t;
    }

    /**
     * "Balanced" class weights {@code w_c = N / (K · n_c)} (scikit-learn's
     * {@code compute_class_weight('balanced')}); a class with no examples gets weight 0.
     */
    public static double[] balancedClassWeights(int[] classCounts) {
        long n = 0;
        for (int c : classCounts) {
            if (c < 0) throw new IllegalArgumentException("negative class count " + c);
            n += c;
        }
        double[] w = new double[classCounts.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = classCounts[c] == 0 ? 0.0 : (double) n / ((double) classCounts.length * classCounts[c]);
        }
        return w;
    }

    /**
     * Mean binary cross-entropy on probabilities, PyTorch's {@code nn.BCELoss}: each log is
     * clamped at −100, so a certain wrong prediction costs 100, not infinity.
     */
    public static double binaryCrossEntropy(double[] probs, double[] targets) {
        checkBinary(probs, targets);
        double sum = 0;
        for (int i = 0; i < probs.length; i++) {
            if (!(probs[i] >= 0 && probs[i] <= 1)) {
                throw new IllegalArgumentException("probability at index " + i + " is " + probs[i] + ", not in [0, 1]");
            }
            double logP = Math.max(Math.log(probs[i]), -100);
            double log1mP = Math.max(Math.log1p(-probs[i]), -100);
            sum -= targets[i] * logP + (1 - targets[i]) * log1mP;
        }
        return sum / probs.length;
    }

    /**
     * Mean binary cross-entropy on logits, PyTorch's {@code nn.BCEWithLogitsLoss}, in the stable
     * form {@code max(z, 0) − z·y + log(1 + e^{−|z|})}.
     */
    public static double binaryCrossEntropyWithLogits(double[] logits, double[] targets) {
        checkBinary(logits, targets);
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            sum += Math.max(z, 0) - z * targets[i] + Math.log1p(Math.exp(-Math.abs(z)));
        }
        return sum / logits.length;
    }

    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** {@code z − logsumexp(z)}, computed after subtracting the maximum. */
    public static double[] logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (double v : z) sum += Math.exp(v - max);
        double lse = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int c = 0; c < z.length; c++) out[c] = z[c] - lse;
        return out;
    }

    static void checkSmoothing(double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1], got " + labelSmoothing);
        }
    }

    private static void checkBinary(double[] values, double[] targets) {
        if (values.length != targets.length) {
            throw new IllegalArgumentException(values.length + " predictions but " + targets.length + " targets");
        }
        if (values.length == 0) throw new IllegalArgumentException("binary cross-entropy of an empty batch");
    }
}
