package classlab.core.model;

import java.util.List;

/**
 * A small, notebook-shaped description of a classifier. Everything here uses the notebooks'
 * (PyTorch's) conventions; {@link NetBuilder} is the one place they become DL4J ones. Two forms:
 * an MLP ({@code hidden} widths with shared activation / Dropout / BatchNorm, {@code layers} empty),
 * or a sequential net written layer by layer ({@code layers}, e.g. notebook 002's CNNs; then
 * {@code hidden} is empty, {@code dropoutP} 0 and {@code batchNorm} false). Both end in one output layer.
 *
 * @param inputs          input features (784 for MNIST)
 * @param hidden          hidden layer widths, in order
 * @param activation      hidden activation
 * @param dropoutP        Dropout probability to DROP after each hidden layer (PyTorch {@code p}); 0 = none
 * @param batchNorm       BatchNorm after each hidden linear layer, before the activation
 * @param output          output layer and loss pairing
 * @param outputs         output units (1 for a binary sigmoid/logit output)
 * @param optimizer       optimiser
 * @param learningRate    initial learning rate
 * @param classWeights    per-class loss weights (softmax cross-entropy only), or null
 * @param labelSmoothing  label smoothing epsilon (softmax cross-entropy only), 0 = none
 * @param seed            seed of the weight initialisation and of Dropout masks
 * @param image           input image shape {@code [C, H, W]} with {@code C·H·W == inputs} (rows are fed flat, in
 *                        NCHW order), or null for a plain feature vector
 * @param layers          the layers before the output layer, in order (empty for the MLP form)
 */
public record NetSpec(int inputs, List<Integer> hidden, Activation activation, double dropoutP, boolean batchNorm,
                      Output output, int outputs, Optimizer optimizer, double learningRate,
                      double[] classWeights, double labelSmoothing, long seed,
                      LayerSpec.Shape image, List<LayerSpec> layers) {

    public enum Activation { RELU, SIGMOID, TANH }

    /** Output activation and loss, as the notebooks pair them. */
    public enum Output {
        /** Sigmoid + BCELoss on probabilities (001 §3). */
        SIGMOID_BCE,
        /** Logit output + BCEWithLogitsLoss (001 §4A, 004). */
        LOGIT_BCE,
        /** Logits + CrossEntropyLoss, i.e. softmax + cross-entropy (001 §4C, 000). */
        SOFTMAX_CE
    }

    /**
     * {@code SGD}: {@code torch.optim.SGD(lr)}; {@code SGD_MOMENTUM}: {@code torch.optim.SGD(lr, momentum=0.9)}
     * ({@link SgdMomentum}); {@code ADAM}: {@code torch.optim.Adam(lr)}.
     */
    public enum Optimizer { SGD, SGD_MOMENTUM, ADAM }

    public NetSpec {
        hidden = List.copyOf(hidden);
        layers = List.copyOf(layers);
        if (image != null && image.size() != inputs) {
            throw new IllegalArgumentException("image " + image + " has " + image.size() + " values, not inputs = " + inputs);
        }
        if (!layers.isEmpty() && (!hidden.isEmpty() || dropoutP != 0 || batchNorm)) {
            throw new IllegalArgumentException("a layer-by-layer net takes no MLP hidden widths, dropout p or batchNorm flag");
        }
        LayerSpec.shapes(inputShape(inputs, image), layers); // rejects layers that do not fit their input
        if (inputs <= 0) throw new IllegalArgumentException("inputs must be positive, got " + inputs);
        for (int h : hidden) if (h <= 0) throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
        if (!(dropoutP >= 0 && dropoutP < 1)) throw new IllegalArgumentException("dropout p must be in [0, 1), got " + dropoutP);
        if (outputs <= 0) throw new IllegalArgumentException("outputs must be positive, got " + outputs);
        if (output != Output.SOFTMAX_CE && outputs != 1) throw new IllegalArgumentException(output + " needs exactly 1 output, got " + outputs);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        if (classWeights != null && classWeights.length != outputs) {
            throw new IllegalArgumentException(classWeights.length + " class weights for " + outputs + " outputs");
        }
    }

    /** A plain MLP: ReLU hidden layers, no Dropout, no BatchNorm, no weights, no smoothing. */
    public static NetSpec mlp(int inputs, List<Integer> hidden, Output output, int outputs,
                              Optimizer optimizer, double lr, long seed) {
        return new NetSpec(inputs, hidden, Activation.RELU, 0, false, output, outputs, optimizer, lr, null, 0, seed, null, List.of());
    }

    /**
     * A net written layer by layer (notebook 002's {@code nn.Sequential}) with a softmax cross-entropy output of
     * {@code classes} units after {@code layers}.
     *
     * @param input image shape {@code [C, H, W]} (rows fed flat in NCHW order) or a flat shape
     */
    public static NetSpec sequential(LayerSpec.Shape input, List<LayerSpec> layers, int classes,
                                     Optimizer optimizer, double lr, long seed) {
        return new NetSpec(input.size(), List.of(), Activation.RELU, 0, false, Output.SOFTMAX_CE, classes, optimizer, lr,
                null, 0, seed, input.isImage() ? input : null, layers);
    }

    public NetSpec withOptimizer(Optimizer o, double lr) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, o, lr, classWeights, labelSmoothing, seed, image, layers);
    }

    public NetSpec withDropout(double p) {
        return new NetSpec(inputs, hidden, activation, p, batchNorm, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, seed, image, layers);
    }

    public NetSpec withBatchNorm(boolean on) {
        return new NetSpec(inputs, hidden, activation, dropoutP, on, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, seed, image, layers);
    }

    public NetSpec withClassWeights(double[] w) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, w, labelSmoothing, seed, image, layers);
    }

    public NetSpec withLabelSmoothing(double eps) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, classWeights, eps, seed, image, layers);
    }

    public NetSpec withSeed(long s) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, s, image, layers);
    }

    /** Number of trainable parameters as PyTorch counts them (BatchNorm: gamma and beta only). */
    public long trainableParameterCount() {
        long count = 0;
        if (!layers.isEmpty()) {
            LayerSpec.Shape shape = inputShape(inputs, image);
            for (LayerSpec l : layers) {
                count += l.parameterCount(shape);
                shape = l.outputShape(shape);
            }
            return count + (long) shape.size() * outputs + outputs;
        }
        int in = inputs;
        for (int h : hidden) {
            count += (long) in * h + h;
            if (batchNorm) count += 2L * h;
            in = h;
        }
        return count + (long) in * outputs + outputs;
    }

    /** The input as a layer shape: the image, or a flat vector of {@code inputs}. */
    public LayerSpec.Shape inputShape() { return inputShape(inputs, image); }

    private static LayerSpec.Shape inputShape(int inputs, LayerSpec.Shape image) {
        return image != null ? image : LayerSpec.Shape.flat(inputs);
    }
}
