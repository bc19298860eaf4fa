package classlab.core.train.loss;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy on logits (PyTorch's {@code BCEWithLogitsLoss}) for an {@code OutputLayer}
 * with {@code Activation.IDENTITY} and one output per binary target. Computed in the stable form
 * {@code max(z, 0) − z·y + log(1 + e^{−|z|})} with gradient {@code σ(z) − y}, so confident wrong
 * predictions keep their full gradient; DL4J's {@code LossBinaryXENT} with a sigmoid clips
 * probabilities at 1e-5 and loses it (notes §8.2). The model's output is then a logit: apply a
 * sigmoid for probabilities.
 *
 * <p>Per example the loss is summed over outputs (DL4J convention); with one output the network
 * score equals PyTorch's mean.
 */
public final class BceWithLogitsLoss extends SummedLoss {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkSameShape(labels, preOutput);
        INDArray z = activationFn.getActivation(preOutput.dup(), true);
        INDArray y = labels.castTo(z.dataType());
        INDArray loss = Transforms.max(z, 0.0, true).subi(z.mul(y))
                .addi(Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false));
        if (mask != null) LossUtil.applyMask(loss, mask);
        return loss.sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkSameShape(labels, preOutput);
        INDArray z = activationFn.getActivation(preOutput.dup(), true);
        INDArray dLdz = Transforms.sigmoid(z, true).subi(labels.castTo(z.dataType()));
        INDArray grad = activationFn.backprop(preOutput.dup(), dLdz).getFirst();
        if (mask != null) LossUtil.applyMask(grad, mask);
        return grad;
    }

    /**
     * Score and gradient of a training step together. Without a mask (the output layer's activation
     * being the identity, as {@code NetBuilder} builds it) the summed loss is libnd4j's
     * {@code sigm_cross_entropy_loss} op in its sum mode, which computes the same stable form per element
     * in one pass, and the gradient {@code σ(z) − y} two ops: three ops where the separate score and
     * gradient took about seventeen, most of a batch-8 step's loss (the per-op overhead, not the
     * arithmetic, is the cost at that size).
     */
    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        if (mask != null || !(activationFn instanceof ActivationIdentity)) {
            return super.computeGradientAndScore(labels, preOutput, activationFn, mask, average);
        }
        checkSameShape(labels, preOutput);
        INDArray y = labels.castTo(preOutput.dataType());
        INDArray sum = Nd4j.scalar(preOutput.dataType(), 0.0);
        SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(y, preOutput, null, LossReduce.SUM, 0.0);
        op.addOutputArgument(sum);
        Nd4j.exec(op);
        double total = sum.getDouble(0);
        INDArray gradient = Transforms.sigmoid(preOutput, true).subi(y);
        return new Pair<>(average ? total / preOutput.size(0) : total, gradient);
    }

    @Override
    public String name() {
        return "BceWithLogitsLoss";
    }
}
