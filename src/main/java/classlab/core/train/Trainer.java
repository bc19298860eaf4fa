package classlab.core.train;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The DL4J face of the training loop every lesson shares: the notebook's "Trainer" (001 §3: the
 * non-essential code that grows around step 1-4 belongs in one place). It runs a
 * {@link MultiLayerNetwork} through a {@link TrainLoop} (pause / step / stop, NaN check, seeded
 * shuffling), the same loop that trains the {@code scratch} lesson's hand-written network, and
 * keeps the evaluation helpers for DL4J networks.
 *
 * <p>Not thread-safe: use from the training thread only.
 */
public final class Trainer {
    /** Called after each iteration on the training thread; keep it cheap (sample, don't copy every time). */
    @FunctionalInterface
    public interface IterationHook { void afterIteration(int iteration, int epoch, double loss); }

    /**
     * Rows the evaluation helpers forward at a time, with a {@link TrainingEngine#evaluationCheckpoint()}
     * before each chunk: as many as a default mini-batch of the CNN lessons (cifar's 128), so that Stop and
     * Pause wait for at most about a mini-batch's forward pass. The cifar challenge's network forwarded 500
     * CIFAR-10-sized images in 1.4-2.4 s on a loaded 2-core machine, no faster in chunks of 2,048 than of 128.
     */
    static final int EVAL_CHUNK = 128;

    private final MultiLayerNetwork net;
    private final TrainLoop<Dl4jTrainable.Data> loop;
    private final Random augmentRng;

    /** @param batchSize mini-batch size; 0 or less means full batch (one iteration per epoch) */
    public Trainer(MultiLayerNetwork net, RunControl control, int batchSize, long shuffleSeed) {
        this.net = net;
        Backend.useOneDnnKernels(hasConvolution(net));
        FlatGradientUpdater.install(net);
        this.loop = new TrainLoop<>(new Dl4jTrainable(net), control, batchSize, shuffleSeed);
        this.augmentRng = new Random(~shuffleSeed);
    }

    private static boolean hasConvolution(MultiLayerNetwork net) {
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
                    || layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) return true;
        }
        return false;
    }

    /** The parameter that set the batch size, named in messages about it (default {@code batch_size}). */
    public Trainer batchSizeParam(String key) { loop.batchSizeParam(key); return this; }

    public Trainer onIteration(IterationHook h) { loop.onIteration(h); return this; }

    /** Names this network for the live loss chart ({@link TrainLoop#label(String)}). */
    public Trainer label(String progressLabel) { loop.label(progressLabel); return this; }

    /** Learning rate per 0-based epoch, applied at the start of each epoch (schedules). */
    public Trainer learningRateSchedule(IntToDoubleFunction lr) { loop.learningRateSchedule(lr); return this; }

    /** Sets the learning rate of all layers now (ReduceLROnPlateau between epochs). */
    public void setLearningRate(double lr) { FlatGradientUpdater.setLearningRate(net, lr); }

    public MultiLayerNetwork net() { return net; }

    /** Number of epochs completed. */
    public int epoch() { return loop.epoch(); }

    /** Number of iterations completed. */
    public int iteration() { return loop.iteration(); }

    /**
     * Trains one epoch in training mode and returns the mean mini-batch loss (weighted by batch
     * size), which is what the notebooks print as "train loss".
     *
     * @throws DivergedException     if a loss is NaN or infinite
     * @throws StopRequestedException when the user stops the run
     */
    public double fitEpoch(Batches train) {
        return loop.fitEpoch(new Dl4jTrainable.Rows(train.features(), train.labels()));
    }

    /**
     * One epoch over a {@link BatchSource} (data kept compact, e.g. images as bytes): the rows are shuffled
     * with the trainer's seeded generator and each mini-batch is converted (and augmented, with a second
     * seeded generator) only when it is trained on. Same loss, checks and counters as {@link #fitEpoch(Batches)}.
     */
    public double fitEpoch(BatchSource train) {
        return loop.fitEpoch(new Dl4jTrainable.Sourced(train, null, augmentRng));
    }

    /**
     * Network outputs for all rows, {@value #EVAL_CHUNK} rows at a time; {@code trainMode} keeps
     * Dropout/BatchNorm in training behaviour. On a run's training thread, Stop and Pause take effect
     * between chunks ({@link TrainingEngine#evaluationCheckpoint()}).
     *
     * @param features {@code [N, F]}
     * @return {@code N} rows of the network's outputs
     * @throws StopRequestedException when the user stops the run during the evaluation
     */
    public static double[][] outputs(MultiLayerNetwork net, INDArray features, boolean trainMode) {
        int n = (int) features.size(0);
        double[][] out = new double[n][];
        for (int start = 0; start < n; start += EVAL_CHUNK) {
            TrainingEngine.evaluationCheckpoint();
            int end = Math.min(n, start + EVAL_CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            copyOutputs(net.output(chunk, trainMode), out, start);
        }
        return out;
    }

    /**
     * Network outputs (inference mode) for every row of {@code data}, converted {@value #EVAL_CHUNK} rows at
     * a time. On a run's training thread, Stop and Pause take effect between chunks.
     *
     * @throws StopRequestedException when the user stops the run during the evaluation
     */
    public static double[][] outputs(MultiLayerNetwork net, BatchSource data) {
        int n = data.size();
        double[][] out = new double[n][];
        for (int start = 0; start < n; start += EVAL_CHUNK) {
            TrainingEngine.evaluationCheckpoint();
            int end = Math.min(n, start + EVAL_CHUNK);
            int[] rows = new int[end - start];
            for (int i = 0; i < rows.length; i++) rows[i] = start + i;
            INDArray features = data.batch(rows, null).features();
            copyOutputs(net.output(features, false), out, start);
            NdArrays.close(features);
        }
        return out;
    }

    /** Copies {@code result}'s rows into {@code out} from row {@code start} and frees it. */
    private static void copyOutputs(INDArray result, double[][] out, int start) {
        int rows = (int) result.size(0), k = (int) result.size(1);
        // One bulk copy of the buffer: INDArray.toDoubleMatrix() reads element by element and cost
        // 50-100 times the forward pass itself on a tall [N, 1] output (150-230 ms for 1,678 rows).
        INDArray dense = result.dup('c');
        double[] flat = dense.data().asDouble();
        NdArrays.close(dense, result);   // evaluated every epoch: free now rather than at the next collection
        for (int i = 0; i < rows; i++) out[start + i] = java.util.Arrays.copyOfRange(flat, i * k, i * k + k);
    }

    /**
     * Predicted class per row. A single output column is a probability (sigmoid) or a logit, as
     * {@code logitOutput} says: class 1 when p &gt; 0.5, i.e. logit &gt; 0; otherwise the arg-max.
     */
    public static int[] predictions(MultiLayerNetwork net, INDArray features, boolean trainMode, boolean logitOutput) {
        double[][] out = outputs(net, features, trainMode);
        int[] predicted = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            predicted[i] = out[i].length == 1 ? (out[i][0] > (logitOutput ? 0.0 : 0.5) ? 1 : 0) : argmax(out[i]);
        }
        return predicted;
    }

    /** Fraction of rows of {@code data} whose prediction equals the label. */
    public static double accuracy(MultiLayerNetwork net, Batches data, boolean trainMode, boolean logitOutput) {
        int[] predicted = predictions(net, data.features(), trainMode, logitOutput);
        int[] labels = data.data().labels();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) correct++;
        return predicted.length == 0 ? Double.NaN : (double) correct / predicted.length;
    }

    /**
     * Mean loss in inference mode (Dropout off, BatchNorm running statistics), {@value #EVAL_CHUNK} rows at a
     * time. On a run's training thread, Stop and Pause take effect between chunks.
     *
     * @throws StopRequestedException when the user stops the run during the evaluation
     */
    public static double loss(MultiLayerNetwork net, Batches data) {
        int n = data.size();
        double sum = 0;
        for (int start = 0; start < n; start += EVAL_CHUNK) {
            TrainingEngine.evaluationCheckpoint();
            int end = Math.min(n, start + EVAL_CHUNK);
            DataSet chunk = new DataSet(data.features().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                                        data.labels().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
            sum += net.score(chunk, false) * (end - start);
        }
        return sum / n;
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
