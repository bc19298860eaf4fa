package classlab.core.model;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's {@code nn.ReLU} as a layer of its own (after a BatchNorm, or a convolution with identity
 * activation): DL4J's {@link org.deeplearning4j.nn.conf.layers.ActivationLayer} with {@link ReLUActivation},
 * without its copies. In training DL4J 1.0.0-M2.1's activation layer copies its input and applies the
 * activation to the copy, and in the backward pass copies the input again before the derivative: four
 * ops per layer and step. Here the forward pass writes {@code max(0, x)} into a new array and the backward
 * pass writes {@code x > 0} into the gradient array and multiplies it by the incoming gradient: three.
 * At batch 8 every op counts (notebook 004's BatchNorm MLP has four such layers). Same values as DL4J's
 * layer; inference mode applies the activation in place on its input, as DL4J's layer does.
 */
public class ReLULayer extends org.deeplearning4j.nn.conf.layers.ActivationLayer {

    /** A ReLU layer ({@link ReLUActivation}). */
    public ReLULayer() {
        setActivationFn(new ReLUActivation());
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return FusedBatchNorm.wire(new Impl(conf, networkDataType), initializer(), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** The layer itself. */
    public static final class Impl extends org.deeplearning4j.nn.layers.ActivationLayer {
        /**
         * The three ops of a training step, made once and pointed at each step's arrays: a new ND4J op
         * object costs more Java work than these ops' arithmetic at batch 8 (a random UUID per op from
         * {@code SecureRandom}, a new scalar array with its own buffer and deallocator for the scalar ops).
         * Made outside any workspace, so their scalars outlive the workspaces a step opens.
         */
        private RectifiedLinear relu;
        private Step step;
        private MulOp multiply;

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            if (!training) return super.activate(false, workspaceMgr);
            assertInputSet(false);
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), input.ordering());
            keepOps(input.dataType());
            relu.setX(input);
            relu.setZ(out);
            Nd4j.exec(relu);
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray grad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), input.ordering());
            keepOps(input.dataType());
            step.setX(input);
            step.setZ(grad);
            Nd4j.exec(step);
            multiply.setInputArgument(0, grad);
            multiply.setInputArgument(1, epsilon);
            multiply.setOutputArgument(0, grad);
            Nd4j.exec(multiply);
            return new Pair<>(new DefaultGradient(), grad);
        }

        private void keepOps(DataType type) {
            if (relu != null && relu.scalar().dataType() == type) return;
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray placeholder = Nd4j.scalar(type, 0.0);
                relu = new RectifiedLinear(placeholder, placeholder, 0.0);
                step = new Step(placeholder, placeholder, 0.0);
                multiply = new MulOp(placeholder, placeholder, placeholder);
            }
        }
    }
}
