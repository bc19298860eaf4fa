package classlab.core.train.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy on probabilities with PyTorch's edge rules ({@code nn.BCELoss} after
 * {@code torch.sigmoid}, notebook 001 §3), for an {@code OutputLayer} with
 * {@code Activation.SIGMOID} and one output per binary target.
 *
 * <p>Loss per output: {@code −[y·max(log p, −100) + (1−y)·max(log(1−p), −100)]}, so a certain
 * wrong prediction costs 100 (PyTorch clamps each log at −100). DL4J's {@code LossBinaryXENT}
 * instead clips p to [1e-5, 1−1e-5] and reports 11.51 for the same miss (notes §8.2), which made
 * the L1 full-batch model at lr = 1e6 plateau at 5.6 instead of PyTorch's ≈ 54.
 *
 * <p>Gradient with respect to p as PyTorch's {@code binary_cross_entropy_backward}:
 * {@code (p − y) / max(p·(1−p), 1e-12)}, then through the sigmoid. In float32 σ(30) rounds to 1,
 * so a saturated output gets gradient 0, exactly as in PyTorch (where {@code BCEWithLogitsLoss}
 * would keep gradient 1: see {@link BceWithLogitsLoss}).
 *
 * <p>Per example the loss is summed over outputs (DL4J convention); with one output the network
 * score equals PyTorch's mean.
 */
public final class BceLoss extends SummedLoss {
    private static final long serialVersionUID = 1L;
    /** PyTorch's clamp of each log term ({@code aten/src/ATen/native/Loss.cpp}). */
    static final double LOG_FLOOR = -100.0;
    /** PyTorch's guard on the denominator of the backward pass ({@code EPSILON = 1e-12}). */
    static final double GRAD_EPSILON = 1e-12;

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkSameShape(labels, preOutput);
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        return scoreArray(p, labels.castTo(p.dataType()), mask);
    }

    /** Score and gradient from one activation {@code p} (the output layer asks for both in a training step). */
    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        checkSameShape(labels, preOutput);
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        INDArray y = labels.castTo(p.dataType());
        return new Pair<>(summed(scoreArray(p, y, mask), preOutput, average), gradient(preOutput, p, y, activationFn, mask));
    }

    /** Per-example loss [N, 1] from the probabilities {@code p} (not changed) and the labels {@code y}. */
    private static INDArray scoreArray(INDArray p, INDArray y, INDArray mask) {
        INDArray logP = Transforms.max(Transforms.log(p, true), LOG_FLOOR, false);
        INDArray log1mP = Transforms.max(Transforms.log(p.rsub(1.0), false), LOG_FLOOR, false);
        INDArray loss = logP.muli(y).addi(log1mP.muli(y.rsub(1.0))).negi();
        if (mask != null) LossUtil.applyMask(loss, mask);
        return loss.sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkSameShape(labels, preOutput);
        INDArray p = activationFn.getActivation(preOutput.dup(), true);
        return gradient(preOutput, p, labels.castTo(p.dataType()), activationFn, mask);
    }

    /** Gradient with respect to the pre-activations, from {@code p = activation(preOutput)} (not changed). */
    private static INDArray gradient(INDArray preOutput, INDArray p, INDArray y, IActivation activationFn, INDArray mask) {
        INDArray denominator = Transforms.max(p.rsub(1.0).muli(p), GRAD_EPSILON, false);
        INDArray dLdp = p.sub(y).divi(denominator);
        INDArray grad = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
        if (mask != null) LossUtil.applyMask(grad, mask);
        return grad;
    }

    @Override
    public String name() {
        return "BceLoss";
    }
}
