package classlab.core.probe;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Activations just before and just after a DL4J {@link BatchNormalization} layer, and the layer's
 * parameters, as plain arrays for histograms and scatter plots.
 *
 * <p>Aliasing (dl4j-javafx-notes §4): entries of {@code net.feedForward(x, train)} are overwritten in
 * place by the next layer (an ActivationLayer applies ReLU in place on the BN output in inference
 * mode). This probe only ever takes the LAST entry of {@code feedForwardToLayer(i, ...)}, which is never
 * overwritten, and copies it with {@code dup()} before the next forward pass. Forward passes in training
 * mode use the probe batch's own statistics and do not move the running mean/variance (those change only
 * in {@code fit}, notes §6). Dropout before the BN layer, if any, draws new masks in training mode.
 *
 * <p>Call on the training thread between iterations (the network is not thread-safe); the results are
 * copies and may be handed to any thread.
 */
public final class BatchNormProbe {
    private BatchNormProbe() {}

    /** Rows × features before and after the BN layer for the same probe rows. */
    public record PrePost(double[][] pre, double[][] post) {
        /** All values of {@code pre} in one array (for a layer-wide histogram). */
        public double[] preFlat() { return flatten(pre); }

        public double[] postFlat() { return flatten(post); }

        /** One feature (column) of {@code pre}. */
        public double[] preFeature(int j) { return column(pre, j); }

        public double[] postFeature(int j) { return column(post, j); }
    }

    /**
     * Learned and running parameters of a BN layer (copies). The running variance is the one the
     * layer keeps (DL4J's layer may store {@code log10(std)}, converted here to a variance): PyTorch's
     * {@code running_var} for ClassLab's {@code FusedBatchNorm}, DL4J's biased average for DL4J's layer.
     */
    public record Parameters(double[] gamma, double[] beta, double[] runningMean, double[] runningVariance) {}

    /**
     * Pre- and post-BN activations of layer {@code bnLayer} for {@code probe}.
     *
     * @param bnLayer index of a {@code BatchNormalization} layer (see {@code NetBuilder.hiddenBlocks})
     * @param train   true: normalise with the probe batch's statistics (what {@code fit} does);
     *                false: with the running statistics (inference)
     */
    public static PrePost of(MultiLayerNetwork net, int bnLayer, INDArray probe, boolean train) {
        checkBatchNorm(net, bnLayer);
        double[][] pre = bnLayer == 0 ? probe.toDoubleMatrix() : lastActivation(net, bnLayer - 1, probe, train);
        double[][] post = lastActivation(net, bnLayer, probe, train);
        return new PrePost(pre, post);
    }

    /**
     * Runs {@code input} ({@code [rows, features]}) through a freshly initialised DL4J BN layer
     * (gamma 1, beta 0, running mean 0, running variance 1, eps 1e-5), for the "what BN does" figure.
     * In training mode the output has per-feature mean 0 and (biased) variance σ²/(σ²+eps) ≈ 1;
     * in inference mode a fresh layer changes almost nothing, because its running statistics are still 0 and 1.
     */
    public static PrePost standalone(INDArray input, boolean train) {
        if (input.rank() != 2 || input.size(0) < 2) {
            throw new IllegalArgumentException("BatchNorm input must be [rows >= 2, features], got shape " + java.util.Arrays.toString(input.shape()));
        }
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .list()
                .layer(new BatchNormalization.Builder().build())
                .setInputType(InputType.feedForward(input.size(1)))
                .build());
        net.init();
        return of(net, 0, input.castTo(DataType.FLOAT), train);
    }

    /** gamma, beta, running mean and running variance of layer {@code bnLayer}. */
    public static Parameters parameters(MultiLayerNetwork net, int bnLayer) {
        BatchNormalization conf = checkBatchNorm(net, bnLayer);
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(bnLayer);
        double[] variance;
        if (conf.isUseLogStd()) {
            variance = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector();
            for (int i = 0; i < variance.length; i++) variance[i] = Math.pow(10, 2 * variance[i]);
        } else {
            variance = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).toDoubleVector();
        }
        return new Parameters(
                layer.getParam(BatchNormalizationParamInitializer.GAMMA).toDoubleVector(),
                layer.getParam(BatchNormalizationParamInitializer.BETA).toDoubleVector(),
                layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector(),
                variance);
    }

    /** Mean of each column. */
    public static double[] featureMeans(double[][] rows) {
        int f = rows[0].length;
        double[] mean = new double[f];
        for (double[] r : rows) for (int j = 0; j < f; j++) mean[j] += r[j];
        for (int j = 0; j < f; j++) mean[j] /= rows.length;
        return mean;
    }

    /** Standard deviation of each column; {@code unbiased} divides by n-1 like {@code torch.std}. */
    public static double[] featureStds(double[][] rows, boolean unbiased) {
        double[] mean = featureMeans(rows);
        int f = mean.length;
        double[] ss = new double[f];
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                double d = r[j] - mean[j];
                ss[j] += d * d;
            }
        }
        double denom = unbiased ? rows.length - 1 : rows.length;
        for (int j = 0; j < f; j++) ss[j] = Math.sqrt(ss[j] / denom);
        return ss;
    }

    private static double[][] lastActivation(MultiLayerNetwork net, int layer, INDArray x, boolean train) {
        java.util.List<INDArray> acts = net.feedForwardToLayer(layer, x, train);
        return acts.get(acts.size() - 1).dup().toDoubleMatrix();
    }

    private static BatchNormalization checkBatchNorm(MultiLayerNetwork net, int index) {
        if (index < 0 || index >= net.getnLayers()) {
            throw new IllegalArgumentException("layer index " + index + " is outside 0.." + (net.getnLayers() - 1));
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayerWiseConfigurations().getConf(index).getLayer();
        if (!(conf instanceof BatchNormalization)) {
            throw new IllegalArgumentException("layer " + index + " is a " + conf.getClass().getSimpleName() + ", not BatchNormalization");
        }
        return (BatchNormalization) conf;
    }

    private static double[] flatten(double[][] m) {
        int n = 0;
        for (double[] r : m) n += r.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] r : m) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }

    private static double[] column(double[][] m, int j) {
        if (m.length == 0 || j < 0 || j >= m[0].length) {
            throw new IllegalArgumentException("feature " + j + " is outside 0.." + (m.length == 0 ? -1 : m[0].length - 1));
        }
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = m[i][j];
        return out;
    }
}
