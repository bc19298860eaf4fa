package classlab.core.probe;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean |gradient| of each weight matrix, the number the notebooks print per layer
 * ({@code grad.abs().mean()}). Two ways to use it:
 * <ul>
 *   <li>{@link #meanAbsWeightGradients}: one forward/backward pass without an update;</li>
 *   <li>as a DL4J {@code TrainingListener} ({@code net.addListeners(probe)}): during {@code fit}, every
 *       {@code sampleEvery}-th iteration it reads the raw gradient in {@code onGradientCalculation}
 *       (before the updater turns it into a step), updates an exponential moving average and hands
 *       both to a {@link Sink} on the training thread.</li>
 * </ul>
 * DL4J's raw gradient is the gradient of the loss SUMMED over the minibatch (the updater divides by
 * the batch size later), so values are divided by the batch size here: they match PyTorch's gradient
 * of the batch-mean loss and are comparable across batch sizes. Only {@code "<layer>_W"} entries are
 * read; biases and BatchNorm's {@code gamma/beta/mean/log10stdev} are skipped.
 */
public final class GradientProbe extends BaseTrainingListener {

    /** Receives sampled values on the training thread. The arrays are reused: copy what you keep. */
    @FunctionalInterface
    public interface Sink {
        /** @param iteration 1-based count of gradient computations seen by this probe */
        void sampled(int iteration, double[] latest, double[] smoothed);
    }

    private final String[] keys;
    private final int sampleEvery;
    private final double emaWeight;
    private final double[] latest;
    private final double[] smoothed;
    private Sink sink;
    private int calls;
    private int samples;

    /**
     * @param weightLayers indices of the layers whose {@code W} is probed (see {@link #weightLayers})
     * @param sampleEvery  probe every n-th iteration (1 = every iteration)
     * @param emaWeight    weight of a new sample in the moving average, in (0, 1]; 1 = no smoothing
     */
    public GradientProbe(int[] weightLayers, int sampleEvery, double emaWeight) {
        if (weightLayers.length == 0) throw new IllegalArgumentException("GradientProbe needs at least one weight layer");
        if (sampleEvery < 1) throw new IllegalArgumentException("sampleEvery must be at least 1, got " + sampleEvery);
        if (!(emaWeight > 0 && emaWeight <= 1)) throw new IllegalArgumentException("emaWeight must be in (0, 1], got " + emaWeight);
        this.keys = keys(weightLayers);
        this.sampleEvery = sampleEvery;
        this.emaWeight = emaWeight;
        this.latest = new double[weightLayers.length];
        this.smoothed = new double[weightLayers.length];
    }

    /** Sets the receiver of sampled values; returns this probe. */
    public GradientProbe onSample(Sink s) {
        this.sink = s;
        return this;
    }

    @Override
    public void onGradientCalculation(Model model) {
        int iteration = ++calls;
        if ((iteration - 1) % sampleEvery != 0) return;
        meanAbs(model.gradient(), keys, model.batchSize(), latest);
        for (int i = 0; i < latest.length; i++) {
            smoothed[i] = samples == 0 ? latest[i] : emaWeight * latest[i] + (1 - emaWeight) * smoothed[i];
        }
        samples++;
        if (sink != null) sink.sampled(iteration, latest, smoothed);
    }

    /** Number of samples taken so far. */
    public int samples() { return samples; }

    /** The last sampled values (a copy). */
    public double[] latest() { return latest.clone(); }

    /** The moving averages (a copy). */
    public double[] smoothed() { return smoothed.clone(); }

    /**
     * Mean |gradient| per weight layer after ONE forward/backward pass on {@code (x, y)} in training
     * mode, without updating the parameters (BatchNorm's running statistics are not touched either).
     */
    public static double[] meanAbsWeightGradients(MultiLayerNetwork net, INDArray x, INDArray y, int[] weightLayers) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double[] out = new double[weightLayers.length];
        meanAbs(net.gradient(), keys(weightLayers), x.size(0), out);
        net.clear();
        return out;
    }

    /** The dense layers of a {@link NetSpec} network, then its output layer: the notebook's "Layer 1..n". */
    public static int[] weightLayers(NetSpec spec) {
        List<Integer> idx = new ArrayList<>();
        for (NetBuilder.HiddenBlock b : NetBuilder.hiddenBlocks(spec)) idx.add(b.dense());
        idx.add(NetBuilder.outputLayerIndex(spec));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** max / min of the values: 1 means every layer gets gradients of the same size. */
    public static double spread(double[] meanAbs) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : meanAbs) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / min;
    }

    private static void meanAbs(Gradient gradient, String[] keys, long batchSize, double[] out) {
        for (int i = 0; i < keys.length; i++) {
            INDArray g = gradient.getGradientFor(keys[i]);
            if (g == null) throw new IllegalStateException("the network has no gradient '" + keys[i] + "' (not a weight layer?)");
            out[i] = g.norm1Number().doubleValue() / g.length() / batchSize;
        }
    }

    private static String[] keys(int[] layers) {
        String[] k = new String[layers.length];
        for (int i = 0; i < layers.length; i++) k[i] = layers[i] + "_W";
        return k;
    }
}
