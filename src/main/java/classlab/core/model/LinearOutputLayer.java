package classlab.core.model;

import java.util.Collection;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network's last {@code nn.Linear} with its activation and loss, as a DL4J {@link OutputLayer} that
 * does a training step's work once. DL4J 1.0.0-M2.1's output layer computes {@code input·W + b} twice
 * per step (for the gradient, then again for the score) and asks the loss for the gradient and for the
 * score separately, each recomputing the activation and the loss terms. This layer computes the product
 * once, asks the loss for both together ({@code ILossFunction.computeGradientAndScore}) and keeps the
 * score for the network's score call that follows the backward pass; its products are
 * {@link LinearLayer}'s ({@link MatrixProducts}).
 *
 * <p>Same parameters ({@code W} {@code [nIn, nOut]}, {@code b} {@code [1, nOut]}), initialisation, score
 * and gradients as DL4J's {@link OutputLayer} (checked in {@code LinearOutputLayerTest}).
 */
public class LinearOutputLayer extends OutputLayer {
    /** For DL4J's JSON form; use {@link #LinearOutputLayer(OutputLayer.Builder)}. */
    public LinearOutputLayer() {}

    /** The layer {@code builder.build()} would give (nOut, activation, loss, ...). */
    public LinearOutputLayer(OutputLayer.Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        LayerValidation.assertNInNOutSet("LinearOutputLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return FusedBatchNorm.wire(new Impl(conf, networkDataType), initializer(), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.OutputLayer {
        /** The summed loss of the last backward pass, and the input and labels it was computed for. */
        private double lossSum = Double.NaN;
        private INDArray lossInput;
        private INDArray lossLabels;

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override public void clear() {
            super.clear();
            forgetLoss();
        }

        private void forgetLoss() {
            lossSum = Double.NaN;
            lossInput = null;
            lossLabels = null;
        }

        /** {@code input·W + b} into a row-major array ({@link MatrixProducts}). */
        @Override protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                                         LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(forBackprop);
            applyDropOutIfNecessary(training, workspaceMgr);
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
            INDArray x = input.castTo(w.dataType());
            if (hasLayerNorm() || x.rank() != 2 || x.columns() != w.rows()) {
                return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);   // DL4J's checks and messages
            }
            INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), new long[] {x.size(0), w.size(1)}, 'c');
            MatrixProducts.linear(x, w, hasBias() ? getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr) : null, z);
            if (maskArray != null) applyMask(z);
            return new Pair<>(z, z);
        }

        @Override public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray preOut = preOutput2d(true, workspaceMgr);
            INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
            if (labels2d.size(1) != preOut.size(1)) {
                throw new DL4JInvalidInputException("Labels array numColumns (size(1) = " + labels2d.size(1)
                        + ") does not match output layer number of outputs (nOut = " + preOut.size(1) + ") " + layerId());
            }
            Pair<Double, INDArray> lossAndDelta = layerConf().getLossFn()
                    .computeGradientAndScore(labels2d, preOut, layerConf().getActivationFn(), maskArray, false);
            lossSum = lossAndDelta.getFirst();
            lossInput = input;
            lossLabels = labels;
            INDArray delta = lossAndDelta.getSecond();

            Gradient gradient = new DefaultGradient();
            INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
            MatrixProducts.gemm(input.castTo(weightGrad.dataType()), true, delta, false, weightGrad);
            gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
            if (hasBias()) {
                INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
                MatrixProducts.columnSums(delta, biasGrad);
                gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
            }
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[] {delta.size(0), w.size(0)}, 'c');
            MatrixProducts.gemm(delta, false, w, true, epsilonNext);
            epsilonNext = backpropDropOutIfPresent(epsilonNext);
            weightNoiseParams.clear();
            return new Pair<>(gradient, epsilonNext);
        }

        /**
         * DL4J's score (summed loss / N when the configuration says mini-batch, plus the regularisation
         * term); in training mode right after a backward pass on the same input and labels, from the loss
         * that pass computed, once.
         */
        @Override public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!training || input == null || lossInput != input || lossLabels != labels || Double.isNaN(lossSum)) {
                return super.computeScore(fullNetRegTerm, training, workspaceMgr);
            }
            double s = lossSum;
            forgetLoss();
            if (conf().isMiniBatch()) s /= getInputMiniBatchSize();
            score = s + fullNetRegTerm;
            return score;
        }
    }
}
