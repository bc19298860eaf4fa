package classlab.core.model;

import java.util.Collection;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.util.ConvolutionUtils;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's {@code nn.Conv2d} as DL4J's {@link org.deeplearning4j.nn.conf.layers.ConvolutionLayer},
 * without its second forward pass. When DL4J's oneDNN helper does the convolution, DL4J 1.0.0-M2.1's
 * backward pass recomputes the whole forward convolution to get the pre-activation it already had
 * (its cache mode does not apply to the helper path): a fifth of notebook 002's CNN_V1 step (JFR).
 * This layer keeps the pre-activation of the training-mode forward pass for its backward pass.
 * Without a helper it is DL4J's layer unchanged (that path needs its im2col buffer anyway).
 * Same parameters, initialisation and arithmetic as DL4J's layer ({@code Conv2dLayerTest}).
 */
public class Conv2dLayer extends org.deeplearning4j.nn.conf.layers.ConvolutionLayer {

    /** For DL4J's JSON form; use {@link #Conv2dLayer(org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder)}. */
    public Conv2dLayer() {}

    /** The layer DL4J's builder describes (kernel, stride, padding, mode, nOut, activation). */
    public Conv2dLayer(org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return FusedBatchNorm.wire(new Impl(conf, networkDataType), initializer(), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        /** The pre-activation of the last training-mode forward pass (or what stands for it), and its input. */
        private INDArray kept;
        private INDArray keptInput;

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            boolean helperPath = helper != null && helperCountFail == 0;
            if (forBackprop && helperPath && kept != null && keptInput == input) {
                INDArray z = kept;
                kept = null;
                keptInput = null;
                return new Pair<>(z, null);
            }
            Pair<INDArray, INDArray> out = helperPath && hasBias() && layerConf().getCnn2dDataFormat() == CNN2DFormat.NHWC
                    ? nhwcPreOutput(training, forBackprop, workspaceMgr)
                    : super.preOutput(training, forBackprop, workspaceMgr);
            kept = null;
            keptInput = null;
            if (training && !forBackprop && helperPath) {
                // A copy in general: the activation works in place, and a following dropout may scale its input
                // in place. Not for two activations: the identity's backward pass reads only the shape of the
                // pre-activation (the lessons' convolutions, each followed by its own ReLU or BatchNorm layer),
                // and ReLUActivation's reads only where it is positive, which the output max(0, z) that the
                // array holds after the in-place activation tells as well (z > 0 exactly where max(0, z) > 0),
                // also after an inverted dropout scaled it: a dropped value has a zero incoming gradient.
                IActivation fn = layerConf().getActivationFn();
                kept = fn instanceof ActivationIdentity || fn.getClass() == ReLUActivation.class ? out.getFirst()
                        : workspaceMgr.dup(ArrayType.ACTIVATIONS, out.getFirst());
                keptInput = input;
            }
            return out;
        }

        /**
         * The helper's forward pass on an NHWC input as DL4J's layer runs it, without the copy of the whole
         * input DL4J 1.0.0-M2.1 makes first (a permuted duplicate in NCHW order, read only for its sizes).
         * If the helper fails, DL4J's own method runs (its fallback and failure count).
         */
        private Pair<INDArray, INDArray> nhwcPreOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
            validateInputRank();
            INDArray in = input.castTo(dataType);
            validateInputDepth(in.size(3));
            int[] kernel = c.getKernelSize();
            int[] strides = c.getStride();
            int[] dilation = c.getDilation();
            int[] pad = c.getPadding();
            if (convolutionMode == ConvolutionMode.Same) {
                int[] outSize = ConvolutionUtils.getOutputSize(in, kernel, strides, null, convolutionMode, dilation, CNN2DFormat.NHWC);
                pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {(int) in.size(1), (int) in.size(2)}, kernel,
                        strides, dilation);
            }
            INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr);
            try {
                return new Pair<>(helper.preOutput(in, weights, bias, kernel, strides, pad, c.getCudnnAlgoMode(), c.getCudnnFwdAlgo(),
                        convolutionMode, dilation, CNN2DFormat.NHWC, workspaceMgr), null);
            } catch (RuntimeException e) {
                return super.preOutput(training, forBackprop, workspaceMgr);
            }
        }

        @Override public void clear() {
            super.clear();
            kept = null;
            keptInput = null;
        }
    }
}
