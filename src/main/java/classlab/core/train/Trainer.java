package classlab.core.train;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training loop every lesson shares: the notebook's "Trainer" (001 §3: the non-essential code
 * that grows around step 1-4 belongs in one place). One call to {@link #fitEpoch} is one epoch of
 * mini-batches (or one full-batch step); between iterations it yields to the {@link RunControl}
 * (pause / step / stop), checks the loss for NaN/∞, and advances the network's epoch counter so
 * that DL4J's epoch-based schedules move.
 *
 * <p>Not thread-safe: use from the training thread only.
 */
public final class Trainer {
    /** Called after each iteration on the training thread; keep it cheap (sample, don't copy every time). */
    @FunctionalInterface
    public interface IterationHook { void afterIteration(int iteration, int epoch, double loss); }

    private static final int EVAL_CHUNK = 2048;

    private final MultiLayerNetwork net;
    private final RunControl control;
    private int batchSize;
    private Random shuffleRng;
    private IterationHook hook;
    private IntToDoubleFunction learningRateForEpoch;
    private int epoch;
    private int iteration;

    /** @param batchSize mini-batch size; 0 or less means full batch (one iteration per epoch) */
    public Trainer(MultiLayerNetwork net, RunControl control, int batchSize, long shuffleSeed) {
        this.net = net;
        this.control = control;
        this.batchSize = batchSize;
        this.shuffleRng = new Random(shuffleSeed);
    }

    public Trainer onIteration(IterationHook h) { this.hook = h; return this; }

    /** Learning rate per 0-based epoch, applied at the start of each epoch (schedules). */
    public Trainer learningRateSchedule(IntToDoubleFunction lr) { this.learningRateForEpoch = lr; return this; }

    /** Sets the learning rate of all layers now (ReduceLROnPlateau between epochs). */
    public void setLearningRate(double lr) { net.setLearningRate(lr); }

    public MultiLayerNetwork net() { return net; }

    /** Number of epochs completed. */
    public int epoch() { return epoch; }

    /** Number of iterations completed. */
    public int iteration() { return iteration; }

    /**
     * Trains one epoch in training mode and returns the mean mini-batch loss (weighted by batch
     * size), which is what the notebooks print as "train loss".
     *
     * @throws DivergedException     if a loss is NaN or infinite
     * @throws StopRequestedException when the user stops the run
     */
    public double fitEpoch(Batches train) {
        if (learningRateForEpoch != null) net.setLearningRate(learningRateForEpoch.applyAsDouble(epoch));
        int n = train.size();
        int b = batchSize <= 0 || batchSize >= n ? n : batchSize;
        INDArray x = train.features();
        INDArray y = train.labels();
        if (b < n) {
            int[] perm = permutation(n);
            x = Nd4j.pullRows(x, 1, perm);
            y = Nd4j.pullRows(y, 1, perm);
        }
        double lossSum = 0;
        for (int start = 0; start < n; start += b) {
            control.checkpoint();
            int end = Math.min(n, start + b);
            if (b == n) {
                net.fit(x, y);
            } else {
                // Row-interval views of the shuffled copy: no data copy, no DataSet per iteration.
                net.fit(x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                        y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
            }
            double loss = net.score();
            if (!Double.isFinite(loss)) throw new DivergedException(epoch, iteration, loss);
            lossSum += loss * (end - start);
            iteration++;
            if (hook != null) hook.afterIteration(iteration, epoch, loss);
            control.iterationDone(loss);
        }
        epoch++;
        net.incrementEpochCount();
        return lossSum / n;
    }

    private int[] permutation(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = shuffleRng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /** Network outputs for all rows, in chunks; {@code trainMode} keeps Dropout/BatchNorm in training behaviour. */
    public static double[][] outputs(MultiLayerNetwork net, INDArray features, boolean trainMode) {
        int n = (int) features.size(0);
        double[][] out = new double[n][];
        for (int start = 0; start < n; start += EVAL_CHUNK) {
            int end = Math.min(n, start + EVAL_CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray result = net.output(chunk, trainMode);
            int k = (int) result.size(1);
            // One bulk copy of the buffer: INDArray.toDoubleMatrix() reads element by element and cost
            // 50-100 times the forward pass itself on a tall [N, 1] output (150-230 ms for 1,678 rows).
            double[] flat = result.dup('c').data().asDouble();
            for (int i = 0; i < end - start; i++) out[start + i] = java.util.Arrays.copyOfRange(flat, i * k, i * k + k);
        }
        return out;
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

    /** Mean loss in inference mode (Dropout off, BatchNorm running statistics), in chunks. */
    public static double loss(MultiLayerNetwork net, Batches data) {
        int n = data.size();
        double sum = 0;
        for (int start = 0; start < n; start += EVAL_CHUNK) {
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
