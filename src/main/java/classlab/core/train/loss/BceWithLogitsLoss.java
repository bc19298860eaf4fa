package classlab.core.train.loss;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    @Override
    public String name() {
        return "BceWithLogitsLoss";
    }
}
