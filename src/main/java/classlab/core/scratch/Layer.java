package classlab.core.scratch;

import java.util.List;

/**
 * A layer of the from-scratch network (notebook 003, after "Deep Learning from Scratch" ch. 5-6):
 * {@code forward} keeps what {@code backward} needs, {@code backward} takes dLoss/dout and returns
 * dLoss/dx and fills the gradients of the layer's {@link #params()}. Activations are
 * {@code double[N][D]}: one row per example of the mini-batch.
 *
 * <p>Not thread-safe; {@code backward} must follow the {@code forward} whose input it differentiates.
 */
public interface Layer {
    /**
     * @param x     input {@code [N, in]}, not modified
     * @param train training mode (Dropout drops, BatchNorm uses batch statistics) or inference
     * @return output {@code [N, out]}, a new array
     */
    double[][] forward(double[][] x, boolean train);

    /**
     * @param dout dLoss/d(output) {@code [N, out]}, not modified
     * @return dLoss/dx {@code [N, in]}, a new array; the parameters' gradients are overwritten
     */
    double[][] backward(double[][] dout);

    /** The learnable arrays (empty for activations). */
    default List<Param> params() { return List.of(); }
}
