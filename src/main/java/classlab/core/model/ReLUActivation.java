package classlab.core.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's {@code nn.ReLU}, {@code max(0, z)}, with a backward pass in two vectorised passes over
 * the pre-activation {@code z} instead of DL4J 1.0.0-M2.1's {@code relu_bp} op. That op calls a
 * {@code std::function} per element and writes into a new array: on notebook 002's CNN_V1 (batch
 * 128, 7.3 million activations per step) it was a tenth of the training thread's time (perf,
 * {@code reluDerivative_} lambda). Here {@code z} becomes its step function, {@code z > 0 ? 1 : 0}
 * (libnd4j's scalar {@code step} op), and is multiplied by the incoming gradient, in place, as
 * DL4J's contract for {@code backprop} allows (its callers pass a copy: the convolution's
 * pre-activation, the activation layer's duplicated input). The gradient equals {@code relu_bp}'s:
 * the incoming gradient where {@code z > 0}, zero elsewhere (PyTorch's {@code threshold_backward}).
 */
public class ReLUActivation extends ActivationReLU {
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // both views undone, or neither: equal shapes alone would not say the layouts agree (C = H = W)
        if (isPermutedNhwc(in) && isPermutedNhwc(epsilon)) {
            backwardInPlace(in.permute(0, 2, 3, 1), epsilon.permute(0, 2, 3, 1));
        } else {
            backwardInPlace(in, epsilon);
        }
        return new Pair<>(in, null);
    }

    /**
     * {@code max(0, z)} written into {@code out} (same shape) in one vectorised op, {@code z} unchanged:
     * {@link LinearLayer} keeps {@code z} for its backward pass, and DL4J's activation would need a copy
     * of it first.
     */
    static INDArray forwardInto(INDArray z, INDArray out) {
        Nd4j.exec(new RectifiedLinear(z, out, 0.0));
        return out;
    }

    /**
     * {@code dL/dz = epsilon · (z > 0)} written into {@code z} and returned; {@code z} and
     * {@code epsilon} have the same shape. Also used by {@link LinearLayer} for DL4J's plain ReLU.
     */
    static INDArray backwardInPlace(INDArray z, INDArray epsilon) {
        Nd4j.getExecutioner().exec(new Step(z, z, 0.0));
        return z.muli(epsilon);
    }

    /**
     * Whether {@code a} is an NCHW-permuted view of a contiguous NHWC array, as DL4J's NHWC convolution
     * passes its arrays: libnd4j's element-wise ops take a strided path 20 times slower on such views
     * (perf), and an element-wise product does not depend on the order, so the view is undone first.
     */
    private static boolean isPermutedNhwc(INDArray a) {
        return a.rank() == 4 && !Shape.hasDefaultStridesForShape(a) && Shape.hasDefaultStridesForShape(a.permute(0, 2, 3, 1));
    }

    @Override
    public String toString() {
        return "relu";
    }
}
