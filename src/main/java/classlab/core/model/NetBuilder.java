package classlab.core.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.loss.BceLoss;
import classlab.core.train.loss.BceWithLogitsLoss;
import classlab.core.train.loss.SoftmaxCrossEntropyLoss;

/**
 * Turns a {@link NetSpec} into a DL4J network. A layer-by-layer spec maps each {@link LayerSpec} to
 * one DL4J layer (same index); convolutions use {@code ConvolutionMode.Same} (PyTorch {@code padding=1}
 * for 3×3; DL4J's default is Truncate) and the global pool is AVG ({@code AdaptiveAvgPool2d}; DL4J's
 * default is MAX). Image inputs are fed flat, {@code [N, C·H·W]} in NCHW order
 * ({@code InputType.convolutionalFlat}); networks that allow it compute channels-last
 * ({@link #channelsLast}). For the MLP form, layer order per hidden layer:
 * {@code Dense → [BatchNorm → Activation] → [Dropout]}. Dropout after the activation is
 * equivalent to the notebook's {@code Linear → Dropout → ReLU} because ReLU commutes with
 * multiplying by a non-negative mask. Weights use DL4J's UNIFORM init, U(±1/√fan_in), which is
 * PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d} weights (fan_in = in·k·k).
 * Dense layers are {@link LinearLayer}s (DL4J's dense layer without its repeated forward pass in
 * backprop; the first computes no input gradient) and BatchNorm is {@link FusedBatchNorm} (libnd4j's
 * fused ops, PyTorch's running statistics).
 */
public final class NetBuilder {
    /** Where the layers of one hidden block sit in the DL4J network. */
    public record HiddenBlock(int dense, int batchNorm, int activation, int dropout, int width) {}

    private NetBuilder() {}

    public static MultiLayerNetwork build(NetSpec spec) {
        MultiLayerNetwork net = new MultiLayerNetwork(configure(spec));
        net.init();
        PyTorchInit.biases(net, spec.seed());
        return net;
    }

    public static org.deeplearning4j.nn.conf.MultiLayerConfiguration configure(NetSpec spec) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(Nd4jSeeds.of(spec.seed()))
                .dataType(DataType.FLOAT)
                .updater(updater(spec))
                .weightInit(WeightInit.UNIFORM)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        for (Layer layer : spec.layers().isEmpty() ? layers(spec) : sequentialLayers(spec)) list.layer(layer);
        LayerSpec.Shape image = spec.image();
        if (channelsLast(spec)) list.inputPreProcessor(0, new ChwRowsToNhwc(image.height(), image.width(), image.channels()));
        return list.setInputType(image == null ? InputType.feedForward(spec.inputs())
                : InputType.convolutionalFlat(image.height(), image.width(), image.channels())).build();
    }

    /** Indices of each hidden block's layers (-1 where absent), for probes. */
    public static List<HiddenBlock> hiddenBlocks(NetSpec spec) {
        List<HiddenBlock> blocks = new ArrayList<>();
        int i = 0;
        for (int width : spec.hidden()) {
            int dense = i++;
            int bn = spec.batchNorm() ? i++ : -1;
            int act = spec.batchNorm() ? i++ : dense;
            int drop = spec.dropoutP() > 0 ? i++ : -1;
            blocks.add(new HiddenBlock(dense, bn, act, drop, width));
        }
        return blocks;
    }

    /** Index of the output layer. */
    public static int outputLayerIndex(NetSpec spec) {
        List<HiddenBlock> blocks = hiddenBlocks(spec);
        if (blocks.isEmpty()) return 0;
        HiddenBlock last = blocks.get(blocks.size() - 1);
        return Math.max(Math.max(last.dense(), last.batchNorm()), Math.max(last.activation(), last.dropout())) + 1;
    }

    private static List<Layer> layers(NetSpec spec) {
        List<Layer> layers = new ArrayList<>();
        org.nd4j.linalg.activations.Activation act = hiddenActivation(spec.activation());
        for (int width : spec.hidden()) {
            // The first layer's input gradient is never read (the input is data, with no preprocessor before it).
            boolean inputGradient = !layers.isEmpty();
            if (spec.batchNorm()) {
                layers.add(new LinearLayer(width, org.nd4j.linalg.activations.Activation.IDENTITY.getActivationFunction(), inputGradient));
                layers.add(new FusedBatchNorm());
                layers.add(act == org.nd4j.linalg.activations.Activation.RELU ? new ReLULayer()
                        : new ActivationLayer.Builder().activation(act).build());
            } else {
                layers.add(new LinearLayer(width, act.getActivationFunction(), inputGradient));
            }
            if (spec.dropoutP() > 0) {
                // DL4J takes the probability to RETAIN; the notebooks' p is the probability to drop.
                layers.add(new DropoutLayer.Builder(retainProbability(spec.dropoutP())).build());
            }
        }
        layers.add(outputLayer(spec));
        return layers;
    }

    private static List<Layer> sequentialLayers(NetSpec spec) {
        List<Layer> layers = new ArrayList<>();
        for (LayerSpec l : spec.layers()) layers.add(layer(l, layers.isEmpty() && spec.image() == null));
        layers.add(outputLayer(spec));
        return layers;
    }

    /** @param first the network's first layer, fed flat data directly: a Linear there computes no input gradient */
    private static Layer layer(LayerSpec l, boolean first) {
        org.nd4j.linalg.activations.Activation identity = org.nd4j.linalg.activations.Activation.IDENTITY;
        if (l instanceof LayerSpec.Conv2d c) {
            return new Conv2dLayer(new ConvolutionLayer.Builder(c.kernelSize(), c.kernelSize()).stride(1, 1).nOut(c.outChannels())
                    .activation(identity));
        }
        if (l instanceof LayerSpec.MaxPool2d p) {
            return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(p.kernelSize(), p.kernelSize())
                    .stride(p.kernelSize(), p.kernelSize()).convolutionMode(ConvolutionMode.Truncate).build();
        }
        if (l instanceof LayerSpec.GlobalAvgPool) return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
        if (l instanceof LayerSpec.BatchNorm) return new FusedBatchNorm();
        if (l instanceof LayerSpec.ReLU) return new ReLULayer();
        if (l instanceof LayerSpec.Dropout d) return new DropoutLayer.Builder(retainProbability(d.p())).build();
        LayerSpec.Linear lin = (LayerSpec.Linear) l;
        return new LinearLayer(lin.outFeatures(), identity.getActivationFunction(), !first);
    }

    /**
     * Whether the image layers of {@code spec} run channels-last (NHWC, {@link ChwRowsToNhwc}): oneDNN's
     * layout, without libnd4j's reorders around each convolution. Only where that changes no result:
     * everything before the global average pool is convolution, ReLU or max pooling (a dropout mask
     * or a flattened vector would follow the memory order, and {@link FusedBatchNorm} normalises NCHW).
     * Notebook 002's CNN_V1 qualifies, CNN_V2 (BatchNorm, Dropout between blocks) does not.
     */
    static boolean channelsLast(NetSpec spec) {
        if (spec.image() == null) return false;
        for (LayerSpec l : spec.layers()) {
            if (l instanceof LayerSpec.GlobalAvgPool) return true;
            if (!(l instanceof LayerSpec.Conv2d || l instanceof LayerSpec.ReLU || l instanceof LayerSpec.MaxPool2d)) return false;
        }
        return false;
    }

    /** The one conversion from the notebooks' drop probability to DL4J's retain probability. */
    public static double retainProbability(double dropP) { return 1.0 - dropP; }

    private static Layer outputLayer(NetSpec spec) {
        OutputLayer.Builder b = new OutputLayer.Builder().nOut(spec.outputs());
        switch (spec.output()) {
            case SIGMOID_BCE:
                return new LinearOutputLayer(b.activation(org.nd4j.linalg.activations.Activation.SIGMOID).lossFunction(new BceLoss()));
            case LOGIT_BCE:
                return new LinearOutputLayer(b.activation(org.nd4j.linalg.activations.Activation.IDENTITY).lossFunction(logitLoss()));
            default:
                return new LinearOutputLayer(b.activation(org.nd4j.linalg.activations.Activation.SOFTMAX).lossFunction(softmaxLoss(spec)));
        }
    }

    private static ILossFunction logitLoss() {
        return new BceWithLogitsLoss();
    }

    /**
     * Always the project's PyTorch-rule cross-entropy (log-softmax of the logits, nothing clipped),
     * also without weights or smoothing: DL4J's {@code LossMCXENT} clips p at 1e-10 and reports
     * 23.03 where PyTorch reports 30 for logits [30, 0] with the wrong class.
     */
    private static ILossFunction softmaxLoss(NetSpec spec) {
        return new SoftmaxCrossEntropyLoss(spec.classWeights(), spec.labelSmoothing());
    }

    private static IUpdater updater(NetSpec spec) {
        switch (spec.optimizer()) {
            case ADAM: return new TorchAdam(spec.learningRate());
            case SGD_MOMENTUM: return new SgdMomentum(spec.learningRate(), 0.9);
            default: return new Sgd(spec.learningRate());
        }
    }

    private static org.nd4j.linalg.activations.Activation hiddenActivation(NetSpec.Activation a) {
        switch (a) {
            case SIGMOID: return org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH: return org.nd4j.linalg.activations.Activation.TANH;
            default: return org.nd4j.linalg.activations.Activation.RELU;
        }
    }
}
