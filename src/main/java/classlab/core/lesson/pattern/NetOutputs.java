package classlab.core.lesson.pattern;

import classlab.core.train.Batches;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Predictions and accuracy read straight from the output buffer. {@code Trainer.outputs} converts
 * with {@code INDArray.toDoubleMatrix()}, which costs about 50-100 times the forward pass itself
 * for a tall {@code [N, 1]} output (measured: 150-230 ms vs 2-10 ms for 1,678 rows); per-epoch
 * accuracy curves would then dominate a full-batch run. The lessons of 001 §3/§4 use these instead.
 */
public final class NetOutputs {
    private NetOutputs() {}

    /** Network outputs as a row-major {@code [rows * outputs]} array. */
    public static float[] flat(MultiLayerNetwork net, INDArray features, boolean trainMode) {
        return net.output(features, trainMode).dup('c').data().asFloat();
    }

    /**
     * Predicted classes from flat outputs with {@code k} columns: for one column, class 1 when the
     * probability is above 0.5 (or the logit above 0); otherwise the arg-max.
     */
    public static int[] predictions(float[] flat, int k, boolean logitOutput) {
        int n = flat.length / k;
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                pred[i] = flat[i] > (logitOutput ? 0f : 0.5f) ? 1 : 0;
            } else {
                int best = 0;
                for (int c = 1; c < k; c++) if (flat[i * k + c] > flat[i * k + best]) best = c;
                pred[i] = best;
            }
        }
        return pred;
    }

    /** Predicted class of every row of {@code data}. */
    public static int[] predictions(MultiLayerNetwork net, Batches data, boolean trainMode, boolean logitOutput) {
        return predictions(flat(net, data.features(), trainMode), (int) data.labels().size(1), logitOutput);
    }

    /** Fraction of rows whose prediction equals the label. */
    public static double accuracy(MultiLayerNetwork net, Batches data, boolean trainMode, boolean logitOutput) {
        return correct(predictions(net, data, trainMode, logitOutput), data.data().labels(), 0) / (double) data.size();
    }

    /**
     * Accuracy accumulated over consecutive mini-batches in inference mode, as the notebook does
     * it: {@code s += (correct in batch)} for each batch, then {@code s / N}.
     */
    public static double accumulatedAccuracy(MultiLayerNetwork net, Batches data, int batchSize, boolean logitOutput) {
        int n = data.size();
        int k = (int) data.labels().size(1);
        int[] labels = data.data().labels();
        long s = 0;
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            INDArray xm = data.features().get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            s += correct(predictions(flat(net, xm, false), k, logitOutput), labels, start);
        }
        return (double) s / n;
    }

    private static int correct(int[] predictions, int[] labels, int offset) {
        int c = 0;
        for (int i = 0; i < predictions.length; i++) if (predictions[i] == labels[offset + i]) c++;
        return c;
    }
}
