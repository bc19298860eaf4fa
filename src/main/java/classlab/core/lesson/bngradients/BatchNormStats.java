package classlab.core.lesson.bngradients;

import classlab.core.model.FusedBatchNorm;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Running statistics of a DL4J BatchNormalization layer, and their PyTorch equivalent.
 *
 * <p>Both libraries update the running mean the same way ({@code decay 0.9 == momentum 0.1}). They
 * differ for the running variance: PyTorch's {@code BatchNorm1d} adds the UNBIASED batch variance
 * (divided by N−1) to {@code running_var}, DL4J 1.0.0-M2.1 the BIASED one (divided by N). Both
 * normalise a training batch with the biased variance. ClassLab's networks use
 * {@link FusedBatchNorm}, which keeps PyTorch's rule; DL4J's own layer keeps DL4J's.
 * Checked against {@code ../shared/reference/batchnorm.json} in the tests.
 */
public final class BatchNormStats {
    private BatchNormStats() {}

    /** The running mean, one value per feature. */
    public static double[] runningMean(Layer batchNorm) {
        return param(batchNorm, BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector();
    }

    /**
     * The running variance as the layer keeps it: an average of UNBIASED batch variances for a
     * {@link FusedBatchNorm} (PyTorch's {@code running_var}), of BIASED ones for DL4J's own layer,
     * converted from {@code log10(std)} when the layer stores that (DL4J's default, {@code useLogStd=true}).
     */
    public static double[] runningVariance(Layer batchNorm) {
        INDArray logStd = batchNorm.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        if (logStd != null) {
            double[] v = logStd.toDoubleVector();
            for (int i = 0; i < v.length; i++) v[i] = Math.pow(10, 2 * v[i]);
            return v;
        }
        return param(batchNorm, BatchNormalizationParamInitializer.GLOBAL_VAR).toDoubleVector();
    }

    /**
     * PyTorch's {@code running_var} for the same updates: after {@code steps} updates with batches of
     * {@code batchSize} rows, starting from variance 1, DL4J holds
     * {@code d^t + (1−d)·Σ d^k·v_k} with biased batch variances {@code v_k}; PyTorch holds the same with
     * {@code v_k·N/(N−1)}. Hence {@code pytorch = d^t + (dl4j − d^t)·N/(N−1)}. Exact when every batch
     * had {@code batchSize} rows.
     *
     * @param decay DL4J's decay (PyTorch's {@code 1 − momentum}); 0.9 by default in both
     */
    public static double[] toPyTorchRunningVariance(double[] dl4jVariance, long steps, int batchSize, double decay) {
        return rescaleBatchShare(dl4jVariance, steps, decay, 1 / besselFactor(batchSize, steps));
    }

    /** N/(N−1), checking the arguments of the two conversions. */
    private static double besselFactor(int batchSize, long steps) {
        if (batchSize < 2) throw new IllegalArgumentException("batchSize must be at least 2 for an unbiased variance, got " + batchSize);
        if (steps < 0) throw new IllegalArgumentException("steps must not be negative, got " + steps);
        return batchSize / (batchSize - 1.0);
    }

    /** {@code d^t + (v − d^t) / divisor}: the part of the running variance that came from batches, rescaled. */
    private static double[] rescaleBatchShare(double[] variance, long steps, double decay, double divisor) {
        double initialShare = Math.pow(decay, steps);
        double[] out = new double[variance.length];
        for (int i = 0; i < out.length; i++) out[i] = initialShare + (variance[i] - initialShare) / divisor;
        return out;
    }

    /** Whether the layer updates its running variance by PyTorch's rule (unbiased batch variance). */
    public static boolean followsPyTorch(Layer batchNorm) {
        return batchNorm.conf().getLayer() instanceof FusedBatchNorm;
    }

    /** The running variance under both rules, per feature. */
    public record RunningVariances(double[] dl4j, double[] pytorch) {}

    /**
     * The layer's running variance and what the other library's rule would hold after the same
     * {@code steps} updates with batches of {@code batchSize} rows (see {@link #toPyTorchRunningVariance}).
     */
    public static RunningVariances runningVariances(Layer batchNorm, long steps, int batchSize, double decay) {
        double[] stored = runningVariance(batchNorm);
        return followsPyTorch(batchNorm)
                ? new RunningVariances(toDl4jRunningVariance(stored, steps, batchSize, decay), stored)
                : new RunningVariances(stored, toPyTorchRunningVariance(stored, steps, batchSize, decay));
    }

    /** The inverse of {@link #toPyTorchRunningVariance}: {@code dl4j = d^t + (pytorch − d^t)·(N−1)/N}. */
    public static double[] toDl4jRunningVariance(double[] pytorchVariance, long steps, int batchSize, double decay) {
        return rescaleBatchShare(pytorchVariance, steps, decay, besselFactor(batchSize, steps));
    }

    private static INDArray param(Layer layer, String key) {
        INDArray p = layer.paramTable().get(key);
        if (p == null) throw new IllegalArgumentException("layer " + layer.getIndex() + " has no BatchNorm parameter '" + key + "'");
        return p;
    }
}
