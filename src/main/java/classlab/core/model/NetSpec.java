package classlab.core.model;

import java.util.List;

/**
 * A small, notebook-shaped description of a fully connected classifier. Everything here uses the
 * notebooks' (PyTorch's) conventions; {@link NetBuilder} is the one place they become DL4J ones.
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
 */
public record NetSpec(int inputs, List<Integer> hidden, Activation activation, double dropoutP, boolean batchNorm,
                      Output output, int outputs, Optimizer optimizer, double learningRate,
                      double[] classWeights, double labelSmoothing, long seed) {

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

    public enum Optimizer { SGD, ADAM }

    public NetSpec {
        hidden = List.copyOf(hidden);
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
        return new NetSpec(inputs, hidden, Activation.RELU, 0, false, output, outputs, optimizer, lr, null, 0, seed);
    }

    public NetSpec withDropout(double p) {
        return new NetSpec(inputs, hidden, activation, p, batchNorm, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, seed);
    }

    public NetSpec withBatchNorm(boolean on) {
        return new NetSpec(inputs, hidden, activation, dropoutP, on, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, seed);
    }

    public NetSpec withClassWeights(double[] w) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, w, labelSmoothing, seed);
    }

    public NetSpec withLabelSmoothing(double eps) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, classWeights, eps, seed);
    }

    public NetSpec withSeed(long s) {
        return new NetSpec(inputs, hidden, activation, dropoutP, batchNorm, output, outputs, optimizer, learningRate, classWeights, labelSmoothing, s);
    }

    /** Number of trainable parameters as PyTorch counts them (BatchNorm: gamma and beta only). */
    public long trainableParameterCount() {
        long count = 0;
        int in = inputs;
        for (int h : hidden) {
            count += (long) in * h + h;
            if (batchNorm) count += 2L * h;
            in = h;
        }
        return count + (long) in * outputs + outputs;
    }
}
