package classlab.core.train.loss;

import org.nd4j.common.primitives.Pair;
import classlab.core.train.NdArrays;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * Cross-entropy on an {@code OutputLayer} with {@code Activation.SOFTMAX}, with optional class
 * weights and label smoothing, whose network score equals PyTorch's
 * {@code F.cross_entropy(logits, y, weight=w, label_smoothing=ε)} (reduction mean), see
 * {@link Losses#crossEntropy(double[][], int[], double[], double)}.
 *
 * <p>Why not {@code LossMCXENT}: with weights it divides by the batch size N, PyTorch divides by
 * {@code Σ_i w_{y_i}}; and it has no label smoothing. DL4J's output layer calls
 * {@code computeScore(average=false)} and divides by N itself, and its updater divides the summed
 * gradient by N. To make the network's score and update match PyTorch, every per-example value
 * (score and gradient) is multiplied by {@code N / Σ_i w_{y_i}}: the scaled values still sum to
 * N × (PyTorch mean), so both divisions by N give PyTorch's numbers. Without class weights the
 * factor is 1.
 *
 * <p>The log-softmax is computed from the pre-activations (logits) with the max-subtraction
 * trick, so no probability is clipped; the gradient with respect to the logits is
 * {@code scale · (p·Σ_k c_k − c)} with {@code c = w ⊙ y'} and {@code y' = (1−ε)·y + ε/K}.
 * Labels may be one-hot or soft (then {@code Σ_k w_k y_k} replaces {@code w_y}).
 * A per-example mask (shape [N, 1]) removes examples from numerator and denominator, like
 * PyTorch's {@code ignore_index}; per-output masks are rejected.
 */
public final class SoftmaxCrossEntropyLoss extends SummedLoss {
    private static final long serialVersionUID = 1L;

    @JsonProperty("classWeights")
    private final double[] classWeights;
    @JsonProperty("labelSmoothing")
    private final double labelSmoothing;

    /** Plain cross-entropy (no weights, no smoothing), the same numbers as {@code LossMCXENT}. */
    public SoftmaxCrossEntropyLoss() {
        this(null, 0.0);
    }

    /**
     * @param classWeights   one weight per class (PyTorch {@code weight}), or null for none
     * @param labelSmoothing ε in [0, 1] (PyTorch {@code label_smoothing})
     */
    @JsonCreator
    public SoftmaxCrossEntropyLoss(@JsonProperty("classWeights") double[] classWeights,
                                   @JsonProperty("labelSmoothing") double labelSmoothing) {
        Losses.checkSmoothing(labelSmoothing);
        if (classWeights != null) {
            for (int c = 0; c < classWeights.length; c++) {
                if (!(classWeights[c] >= 0) || Double.isInfinite(classWeights[c])) {
                    throw new IllegalArgumentException("class weight " + c + " must be a finite number >= 0, got " + classWeights[c]);
                }
            }
        }
        this.classWeights = classWeights == null ? null : classWeights.clone();
        this.labelSmoothing = labelSmoothing;
    }

    /** The class weights, or null. */
    public double[] getClassWeights() { return classWeights == null ? null : classWeights.clone(); }

    public double getLabelSmoothing() { return labelSmoothing; }

    /** Everything the score and gradient need, computed once per call. */
    private final class Terms {
        final INDArray logp;     // [N, K] log-softmax of the logits
        final INDArray exps;     // [N, K] exp(logits − row max); the gradient overwrites it with the probabilities
        final INDArray coef;     // [N, K] c = w ⊙ y', zero rows where masked
        final double scale;      // N / Σ_i Σ_k w_k y_ik over unmasked rows

        Terms(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
            if (!(activation instanceof ActivationSoftmax)) {
                throw new IllegalStateException("SoftmaxCrossEntropyLoss needs Activation.SOFTMAX on the output layer, got "
                        + activation);
            }
            if (!Arrays.equals(labels.shape(), preOutput.shape()) || preOutput.rank() != 2) {
                throw new IllegalArgumentException("labels " + Arrays.toString(labels.shape()) + " and logits "
                        + Arrays.toString(preOutput.shape()) + " must both be [N, K]");
            }
            DataType type = preOutput.dataType();
            long n = preOutput.size(0);
            int k = (int) preOutput.size(1);
            if (classWeights != null && classWeights.length != k) {
                throw new IllegalArgumentException(classWeights.length + " class weights for " + k + " outputs");
            }
            // Broadcasts by NdArrays' custom ops, not ND4J's column/row-vector methods (see NdArrays).
            INDArray shifted = NdArrays.subtract(preOutput, preOutput.max(true, 1),
                    Nd4j.createUninitialized(type, preOutput.shape(), 'c'));
            exps = Transforms.exp(shifted, true);
            INDArray logSumExp = Transforms.log(exps.sum(true, 1), false);
            logp = NdArrays.subtract(shifted, logSumExp, shifted);

            INDArray y = labels.castTo(type);
            INDArray weightRow = classWeights == null ? null : Nd4j.create(classWeights, new long[]{1, k}, type);
            // Without weights, smoothing or mask the labels themselves serve (nothing below changes them then).
            boolean plain = weightRow == null && mask == null;
            INDArray weightedLabels = plain ? y : weightRow == null ? y.dup()
                    : NdArrays.multiply(y, weightRow, Nd4j.createUninitialized(type, y.shape(), 'c'));
            INDArray smoothed = plain && labelSmoothing == 0 ? y : y.mul(1 - labelSmoothing).addi(labelSmoothing / k);
            coef = weightRow == null ? smoothed : NdArrays.multiply(smoothed, weightRow, smoothed);
            if (mask != null) {
                if (mask.length() != n) {
                    throw new IllegalArgumentException("SoftmaxCrossEntropyLoss supports per-example masks [N, 1] only, got "
                            + Arrays.toString(mask.shape()));
                }
                INDArray m = mask.castTo(type).reshape(n, 1);
                NdArrays.multiply(coef, m, coef);
                NdArrays.multiply(weightedLabels, m, weightedLabels);
            }
            double weightSum = weightedLabels.sumNumber().doubleValue();
            if (!(weightSum > 0)) {
                throw new IllegalArgumentException("sum of the target classes' weights is " + weightSum
                        + " (all examples masked or weighted 0); the mean loss is undefined");
            }
            scale = n / weightSum;
        }
    }

    /** Per-example loss [N, 1], scaled by {@code N / Σ w_y} (see the class comment). */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(new Terms(labels, preOutput, activationFn, mask));
    }

    private static INDArray scoreArray(Terms t) {
        return t.coef.mul(t.logp).sum(true, 1).muli(-t.scale);
    }


    /** Gradient of the scaled per-example losses with respect to the logits, [N, K]. */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return gradient(new Terms(labels, preOutput, activationFn, mask));
    }

    /**
     * Score and gradient from one log-softmax (the output layer asks for both in a training step); the
     * summed score is {@code −scale · Σ c ⊙ log p}, one dot product over the batch.
     */
    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        Terms t = new Terms(labels, preOutput, activationFn, mask);
        double sum = -t.scale * NdArrays.dot(t.coef, t.logp);
        return new Pair<>(average ? sum / preOutput.size(0) : sum, gradient(t));
    }

    /** {@code scale · (p·Σ_k c_k − c)}, written over {@code t.exps}; without class weights the scale is 1 and not applied. */
    private static INDArray gradient(Terms t) {
        INDArray coefSum = t.coef.sum(true, 1);
        INDArray probs = Nd4j.exec(new Exp(t.logp, t.exps));
        NdArrays.multiply(probs, coefSum, probs).subi(t.coef);
        return t.scale == 1 ? probs : probs.muli(t.scale);
    }


    @Override
    public String name() {
        return "SoftmaxCrossEntropyLoss";
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropyLoss(classWeights=" + Arrays.toString(classWeights) + ", labelSmoothing=" + labelSmoothing + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof SoftmaxCrossEntropyLoss)) return false;
        SoftmaxCrossEntropyLoss other = (SoftmaxCrossEntropyLoss) o;
        return Double.compare(labelSmoothing, other.labelSmoothing) == 0 && Arrays.equals(classWeights, other.classWeights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classWeights) + Double.hashCode(labelSmoothing);
    }
}
