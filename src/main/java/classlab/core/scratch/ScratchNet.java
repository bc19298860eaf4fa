package classlab.core.scratch;

import classlab.core.train.Trainable;
import classlab.core.train.TrainingEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The notebook's {@code Net}/{@code SimpleNet} finished: [Affine → activation] per hidden layer,
 * a last Affine, and {@link SoftmaxWithLoss}; weights from a {@link WeightInit}, updated by an
 * {@link Optimizer}. It is a {@link Trainable}, so the same {@code TrainLoop} that trains the DL4J
 * lessons (pause, step, stop, seeded shuffling, NaN stop) trains it: that loop is the notebook's
 * "Trainer".
 *
 * <p>Sizes as the notebook: {@code SimpleNet} is 784 → 128 → 64 → 10; the initialisation study of
 * "Deep Learning from Scratch" §6.2 uses 5 hidden layers of 100. Not thread-safe.
 */
public final class ScratchNet implements Trainable<ScratchNet.Data> {
    /**
     * Rows of features {@code [N, in]} (pixels in 0..1) and class labels {@code [N]}. Features stay
     * {@code float} (MNIST's 60,000 rows would take 376 MB as double); batches are widened when used.
     */
    public record Data(float[][] x, int[] y) {
        public Data {
            if (x.length != y.length) throw new IllegalArgumentException(x.length + " rows of features but " + y.length + " labels");
        }
    }

    /** The notebook's activation map {@code {"sigmoid": SigmoidLayer, "relu": ReLULayer}}. */
    public enum Activation {
        SIGMOID(Sigmoid::new), RELU(Relu::new);

        private final Supplier<Layer> factory;

        Activation(Supplier<Layer> factory) { this.factory = factory; }

        public String id() { return name().toLowerCase(); }

        /** @throws IllegalArgumentException for an unknown id */
        public static Activation of(String id) {
            for (Activation a : values()) if (a.id().equals(id)) return a;
            throw new IllegalArgumentException("unknown activation '" + id + "'; expected sigmoid or relu");
        }
    }

    private static final int EVAL_CHUNK = 1000;

    private final List<Layer> layers = new ArrayList<>();
    private final List<Affine> affines = new ArrayList<>();
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private final List<Param> params = new ArrayList<>();
    private final Optimizer optimizer;

    /**
     * @param sizes      widths from input to output, for example {@code [784, 128, 64, 10]}
     * @param optimizer  update rule; initialised here for this net's parameters
     * @param seed       seed of the weight draw
     * @throws IllegalArgumentException with fewer than 2 sizes or a non-positive width
     */
    public ScratchNet(int[] sizes, Activation activation, WeightInit init, Optimizer optimizer, long seed) {
        if (sizes.length < 2) throw new IllegalArgumentException("a network needs an input and an output size");
        for (int s : sizes) if (s <= 0) throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
        Random rng = new Random(seed);
        for (int idx = 1; idx < sizes.length; idx++) {
            Affine fc = new Affine(Integer.toString(idx), sizes[idx - 1], sizes[idx],
                    init.weights(sizes[idx - 1], sizes[idx], rng), new double[sizes[idx]]);
            affines.add(fc);
            layers.add(fc);
            params.addAll(fc.params());
            if (idx < sizes.length - 1) layers.add(activation.factory.get());
        }
        this.optimizer = optimizer;
        optimizer.init(params.stream().mapToInt(p -> p.value().length).toArray());
    }

    /** The learnable arrays in order w1, b1, w2, b2… */
    public List<Param> params() { return List.copyOf(params); }

    /** Logits {@code [N, K]} in inference mode. */
    public double[][] predict(double[][] x) {
        double[][] a = x;
        for (Layer l : layers) a = l.forward(a, false);
        return a;
    }

    /**
     * Outputs of each hidden activation for {@code x} in inference mode: element {@code i} is the
     * activation after hidden layer i+1, {@code [N, width]} (the book's per-layer histograms).
     */
    public List<double[][]> hiddenActivations(double[][] x) {
        List<double[][]> out = new ArrayList<>();
        double[][] a = x;
        for (Layer l : layers) {
            a = l.forward(a, false);
            if (!(l instanceof Affine)) out.add(a);
        }
        return out;
    }

    /** Mean cross-entropy on {@code data} (training-mode forward; no update). */
    public double loss(double[][] x, int[] y) {
        double[][] a = x;
        for (Layer l : layers) a = l.forward(a, true);
        return lastLayer.forward(a, y);
    }

    /**
     * Forward and backward on one batch: fills every parameter's gradient and returns the loss. The
     * first layer's input gradient is not needed and not computed.
     */
    public double gradient(double[][] x, int[] y) {
        double loss = loss(x, y);
        double[][] d = lastLayer.backward();
        for (int i = layers.size() - 1; i > 0; i--) d = layers.get(i).backward(d);
        affines.get(0).backwardParams(d);
        return loss;
    }

    /**
     * Fraction of rows whose arg-max logit equals the label (inference mode, in chunks of 1,000 rows). On a
     * run's training thread, Stop and Pause take effect between chunks.
     *
     * @throws classlab.core.train.StopRequestedException when the user stops the run during the evaluation
     */
    public double accuracy(Data data) {
        int n = data.x().length;
        int correct = 0;
        for (int start = 0; start < n; start += EVAL_CHUNK) {
            TrainingEngine.evaluationCheckpoint();
            int end = Math.min(n, start + EVAL_CHUNK);
            double[][] logits = predict(widen(data.x(), start, end));
            for (int i = 0; i < logits.length; i++) {
                int best = 0;
                for (int k = 1; k < logits[i].length; k++) if (logits[i][k] > logits[i][best]) best = k;
                if (best == data.y()[start + i]) correct++;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** Rows {@code [from, to)} of {@code x} as doubles. */
    public static double[][] widen(float[][] x, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i - from][j] = x[i][j];
        }
        return out;
    }

    // ---------------------------------------------------------------- Trainable

    @Override public int rows(Data data) { return data.x().length; }

    @Override public Data reorder(Data data, int[] order) {
        float[][] x = new float[order.length][];
        int[] y = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = data.x()[order[i]];
            y[i] = data.y()[order[i]];
        }
        return new Data(x, y);
    }

    @Override public double fitBatch(Data data, int start, int end) {
        double loss = gradient(widen(data.x(), start, end), Arrays.copyOfRange(data.y(), start, end));
        double[][] values = new double[params.size()][];
        double[][] grads = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            values[i] = params.get(i).value();
            grads[i] = params.get(i).grad();
        }
        optimizer.step(values, grads);
        return loss;
    }

    @Override public void setLearningRate(double lr) { optimizer.setLearningRate(lr); }
}
