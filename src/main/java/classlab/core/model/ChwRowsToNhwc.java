package classlab.core.model;

import java.util.Objects;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flat image rows in PyTorch's order, {@code [N, C·H·W]} (channel planes one after another, as
 * {@code x.view(N, -1)} of an NCHW batch), as an NHWC batch {@code [N, H, W, C]} (one copy, in NHWC
 * memory order: DL4J 1.0.0-M2.1's oneDNN convolution computes wrong values from a permuted view).
 * A network whose convolutions run in NHWC hands oneDNN's kernels their own layout (oneDNN's forward
 * convolution and pooling kernels on x86 work in NHWC): libnd4j M2.1 otherwise reorders every
 * convolution's input and output between NCHW and NHWC in each forward pass, three reorders per
 * convolution that were 15 % of oneDNN's time in notebook 002's CNN_V1 step ({@code DNNL_VERBOSE=1}).
 * The values a network computes do not depend on the layout ({@code ChwRowsToNhwcTest}).
 *
 * <p>Its backward pass returns the gradient as {@code [N, C·H·W]} rows in the same order.
 */
public class ChwRowsToNhwc implements InputPreProcessor {
    private long height;
    private long width;
    private long channels;

    /** For DL4J's JSON form. */
    public ChwRowsToNhwc() {}

    /** @param height image height, @param width image width, @param channels channels, each &gt; 0 */
    public ChwRowsToNhwc(long height, long width, long channels) {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 2 || input.size(1) != channels * height * width) {
            throw new IllegalArgumentException("expected rows of " + channels * height * width + " values (" + channels + "×" + height
                    + "×" + width + "), got shape " + java.util.Arrays.toString(input.shape()));
        }
        INDArray nchw = input.reshape('c', input.size(0), channels, height, width);
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, nchw.permute(0, 2, 3, 1), 'c');
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        INDArray nchw = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, output.permute(0, 3, 1, 2), 'c');
        return nchw.reshape('c', output.size(0), channels * height * width);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional(height, width, channels, CNN2DFormat.NHWC);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public ChwRowsToNhwc clone() {
        return new ChwRowsToNhwc(height, width, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChwRowsToNhwc p && p.height == height && p.width == width && p.channels == channels;
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, width, channels);
    }
}
