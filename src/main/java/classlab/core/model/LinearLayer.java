package classlab.core.model;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's {@code nn.Linear} (followed by its activation) as a DL4J {@link org.deeplearning4j.nn.conf.layers.DenseLayer}
 * that does the backward pass with the work PyTorch does and no more. DL4J 1.0.0-M2.1's dense layer
 * computes {@code input·W + b} a second time in its backward pass, and always computes the gradient
 * with respect to its input, also in the first layer, where nothing uses it. For the notebooks' MLP
 * (784-256-128-64-10, batch 256) those two are about as many multiply-adds as the rest of a training
 * step together (the first layer's input gradient alone is a 256×256×784 product). This layer keeps
 * its pre-activation from the forward pass, and the first layer of a network built by
 * {@link NetBuilder} is told not to compute its input gradient.
 *
 * <p>Same parameters ({@code W} {@code [nIn, nOut]}, {@code b} {@code [1, nOut]}), initialisation,
 * updater handling and arithmetic as DL4J's layer (checked in {@code LinearLayerTest}).
 */
public class LinearLayer extends org.deeplearning4j.nn.conf.layers.DenseLayer {
    private boolean inputGradient = true;

    /** For DL4J's JSON form; use {@link #LinearLayer(int, IActivation, boolean)}. */
    public LinearLayer() {}

    /**
     * @param outFeatures   {@code nOut}, &gt; 0
     * @param activation    applied after {@code input·W + b} (identity when an activation layer follows)
     * @param inputGradient false for a layer whose input gradient nothing reads: the first layer of a
     *                      network without an input preprocessor. Its backward pass then returns no
     *                      input gradient (null), as DL4J's embedding layer does.
     */
    public LinearLayer(int outFeatures, IActivation activation, boolean inputGradient) {
        setNOut(outFeatures);
        setActivationFn(activation);
        this.inputGradient = inputGradient;
    }

    public boolean isInputGradient() { return inputGradient; }

    public void setInputGradient(boolean inputGradient) { this.inputGradient = inputGradient; }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return FusedBatchNorm.wire(new Impl(conf, networkDataType), initializer(), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {
        /** {@code input·W + b} of the last training-mode forward pass, and the input it came from. */
        private INDArray preActivation;
        private INDArray preActivationInput;

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override public void clear() {
            super.clear();
            preActivation = null;
            preActivationInput = null;
        }

        private boolean identity() { return layerConf().getActivationFn() instanceof ActivationIdentity; }

        @Override public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            INDArray z = preOutput(training, workspaceMgr);
            INDArray out = z;
            preActivation = null;
            if (!identity()) {
                IActivation fn = layerConf().getActivationFn();
                if (training) {
                    // z stays ours for the backward pass: the next layer may change its input in place.
                    preActivation = z;
                    preActivationInput = input;
                    out = isPlainRelu(fn)
                            ? ReLUActivation.forwardInto(z, workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(), z.ordering()))
                            : fn.getActivation(workspaceMgr.dup(ArrayType.ACTIVATIONS, z), true);
                } else {
                    out = fn.getActivation(z, false);
                }
            } else if (training) {
                preActivationInput = input;
            }
            if (maskArray != null) applyMask(out);
            return out;
        }

        /**
         * {@code input·W + b} as one product into a row-major ({@code 'c'}) array ({@link MatrixProducts}).
         * DL4J's own forward pass ({@code mmuli}) computes a column-major product into a temporary array
         * and copies it into its row-major result; for the full-batch step (1,254×784 by 784×32) that
         * cost twice the product itself. Layer normalisation keeps DL4J's path.
         */
        @Override protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                                         LayerWorkspaceMgr workspaceMgr) {
            if (hasLayerNorm()) return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
            assertInputSet(forBackprop);
            applyDropOutIfNecessary(training, workspaceMgr);
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
            INDArray x = input.castTo(w.dataType());
            if (x.rank() != 2 || x.columns() != w.rows()) {
                // DL4J's checks and messages for a wrong input.
                return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
            }
            INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), new long[] {x.size(0), w.size(1)}, 'c');
            MatrixProducts.linear(x, w, hasBias() ? getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr) : null, z);
            if (maskArray != null) applyMask(z);
            return new Pair<>(z, z);
        }

        @Override public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            boolean identity = identity();
            if (input == null || preActivationInput != input || (!identity && preActivation == null) || hasLayerNorm()) {
                // Not after a training-mode forward pass on this input: DL4J's own way (recomputes the forward pass).
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            INDArray delta = identity ? epsilon : activationGradient(preActivation, epsilon);
            preActivation = null;
            preActivationInput = null;
            if (maskArray != null) applyMask(delta);

            Gradient ret = new DefaultGradient();
            if (hasBias()) {
                INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                MatrixProducts.columnSums(delta, biasGrad);
                ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
            }
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            MatrixProducts.gemm(input.castTo(weightGrad.dataType()), true, delta, false, weightGrad);
            ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);

            INDArray epsilonNext = null;
            if (((LinearLayer) layerConf()).isInputGradient()) {
                INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
                epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), new long[] {delta.size(0), w.size(0)}, 'c');
                MatrixProducts.gemm(delta, false, w, true, epsilonNext);
                epsilonNext = backpropDropOutIfPresent(epsilonNext);
            }
            weightNoiseParams.clear();
            return new Pair<>(ret, epsilonNext);
        }

        /**
         * {@code dL/dz} from {@code dL/da} ({@code epsilon}) and the pre-activation {@code z}, which it
         * overwrites. For a plain ReLU that is {@code epsilon · (z > 0)} (PyTorch's {@code threshold_backward}),
         * computed as two vectorised ops: ND4J's {@code relu_bp} op calls a function per element and took
         * 5 ns per element, a sixth of an MLP batch's backward pass. Other activations use their own backprop.
         */
        private INDArray activationGradient(INDArray z, INDArray epsilon) {
            IActivation fn = layerConf().getActivationFn();
            if (isPlainRelu(fn)) return ReLUActivation.backwardInPlace(z, epsilon);
            return fn.backprop(z, epsilon).getFirst();
        }

        /** DL4J's ReLU without a maximum, threshold or negative slope: {@code max(0, z)}. */
        private static boolean isPlainRelu(IActivation fn) {
            return fn instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
                    && relu.getNegativeSlope() == null;
        }
    }
}
