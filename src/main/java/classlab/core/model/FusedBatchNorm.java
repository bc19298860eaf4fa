package classlab.core.model;

import java.util.Collection;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * PyTorch's {@code nn.BatchNorm1d} / {@code nn.BatchNorm2d} (momentum 0.1, eps 1e-5, affine, running
 * statistics) as a DL4J layer whose arithmetic is libnd4j's fused custom ops: {@code moments} for the
 * batch mean and (biased) variance, {@code batchnorm} for the normalisation and {@code batchnorm_bp}
 * for the whole backward pass. DL4J's own {@code BatchNormalization} layer runs some twenty small
 * ops per step instead, which at batch 8 cost more than the dense layers around it (issue 8).
 *
 * <p>It is a {@link org.deeplearning4j.nn.conf.layers.BatchNormalization} for everything that reads
 * one (probes, the lessons' running statistics, the batch-of-one rule), with the same parameters:
 * {@code gamma}, {@code beta}, {@code mean} and {@code var} (the variance itself, not DL4J's default
 * {@code log10stdev}), each of shape {@code [C]}. What differs from DL4J's layer is PyTorch's rule for
 * the running variance: it averages the UNBIASED batch variance (sum of squares / (n − 1), with n the
 * values per channel, batch × height × width), where DL4J 1.0.0-M2.1 averages the biased one.
 * A training batch is normalised with the biased variance in both, as in PyTorch.
 * Running statistics move only in {@code fit} (the backward pass), as in DL4J: a forward pass in
 * training mode ({@code output(x, true)}) leaves them alone. Checked against
 * {@code ../shared/reference/batchnorm.json} and DL4J's layer in {@code FusedBatchNormTest}.
 *
 * <p>Inputs: {@code [N, C]} after a dense layer, or {@code [N, C, H, W]} (NCHW) after a convolution.
 */
public class FusedBatchNorm extends org.deeplearning4j.nn.conf.layers.BatchNormalization {
    /** PyTorch's default momentum (DL4J decay = 1 − momentum) and eps. */
    public static final double MOMENTUM = 0.1;
    public static final double EPS = 1e-5;

    /** A layer with PyTorch's defaults; {@code nIn}/{@code nOut} come from the network's input type. */
    public FusedBatchNorm() {
        setDecay(1 - MOMENTUM);
        setEps(EPS);
        setUseLogStd(false);
        setCnn2DFormat(CNN2DFormat.NCHW);
    }

    /**
     * The network's updater for every parameter, also the running mean and variance (DL4J: a no-op
     * updater for them). The layer keeps their gradients at zero and moves them itself, and the
     * optimisers here (Adam, SGD, SGD with momentum, no weight decay) step a parameter with a zero
     * gradient by exactly zero; the parameters then form one updater block instead of splitting at
     * every BatchNorm: one Adam op and one division per step instead of five each in notebook 004's
     * 4-layer BatchNorm MLP.
     */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return getIUpdater();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return wire(new Impl(conf, networkDataType), initializer(), conf, listeners, layerIndex, layerParamsView, initializeParams);
    }

    /** What DL4J's own {@code instantiate} methods do with a new layer: listeners, index, parameter views. */
    static <L extends org.deeplearning4j.nn.api.Layer> L wire(L layer, ParamInitializer init, NeuralNetConfiguration conf,
                                                              Collection<TrainingListener> listeners, int layerIndex,
                                                              INDArray layerParamsView, boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(init.init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** The layer itself: forward and backward through libnd4j's fused ops. */
    public static final class Impl extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        private static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
        private static final String VAR = BatchNormalizationParamInitializer.GLOBAL_VAR;
        private static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
        private static final String BETA = BatchNormalizationParamInitializer.BETA;

        /**
         * Batch mean and biased variance of the last training-mode forward pass, {@code [C]} each: the
         * two halves of {@code batchStats} {@code [2C]}, laid out as the running mean and variance are.
         */
        private INDArray batchStats;
        private INDArray batchMean;
        private INDArray batchVar;
        /**
         * What {@code batchnorm_bp} says about the statistics (unused): the two halves of a {@code [2C]}
         * scratch vector, kept with it.
         */
        private INDArray scratchMean;
        private INDArray scratchVar;
        /** View {@code [2C]} of the running mean and variance (adjacent in DL4J's parameter layout). */
        private INDArray runningStats;
        /** The flat parameter vector that view was made from. */
        private INDArray statsOf;
        /** Values per channel in that batch (N, or N·H·W). */
        private long valuesPerChannel;
        /**
         * The layer's three ops, made once and pointed at each step's arrays ({@link #retarget}): a new op
         * object costs ND4J more Java work (a random UUID from {@code SecureRandom}, argument lists) than these
         * ops' arithmetic at batch 8. {@code moments} is remade when the input's rank changes (its axes).
         */
        private DynamicCustomOp moments;
        private int momentsRank;
        private DynamicCustomOp normalize;
        private DynamicCustomOp backward;

        public Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** No DL4J helper (oneDNN/cuDNN): the fused ops are the implementation. */
        @Override public LayerHelper getHelper() { return null; }

        @Override public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(false);
            return preOutput(input, training ? TrainingMode.TRAIN : TrainingMode.TEST, workspaceMgr);
        }

        @Override public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr workspaceMgr) {
            INDArray in = checkInput(x);
            INDArray mean;
            INDArray var;
            if (mode == TrainingMode.TRAIN) {
                long channels = in.size(1);
                if (batchMean == null || batchMean.length() != channels) {
                    // Kept between the forward and the backward pass, outside any workspace (two small vectors per layer).
                    try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        batchStats = Nd4j.createUninitialized(dataType, 2 * channels);
                        batchMean = batchStats.get(NDArrayIndex.interval(0, channels));
                        batchVar = batchStats.get(NDArrayIndex.interval(channels, 2 * channels));
                        INDArray scratch = Nd4j.createUninitialized(dataType, 2 * channels);
                        scratchMean = scratch.get(NDArrayIndex.interval(0, channels));
                        scratchVar = scratch.get(NDArrayIndex.interval(channels, 2 * channels));
                    }
                }
                if (moments == null || momentsRank != in.rank()) {
                    moments = DynamicCustomOp.builder("moments").addInputs(in).addOutputs(batchMean, batchVar)
                            .addIntegerArguments(reductionAxes(in)).build();
                    momentsRank = in.rank();
                }
                Nd4j.exec(retarget(moments, new INDArray[] {in}, new INDArray[] {batchMean, batchVar}));
                valuesPerChannel = in.length() / channels;
                mean = batchMean;
                var = batchVar;
            } else {
                mean = getParam(MEAN);
                var = getParam(VAR);
            }
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, in.shape(), 'c');
            INDArray[] inputs = {in, mean, var, getParam(GAMMA), getParam(BETA)};
            if (normalize == null) {
                normalize = DynamicCustomOp.builder("batchnorm").addInputs(inputs).addOutputs(out)
                        .addIntegerArguments(1, 1, 1).addFloatingPointArguments(layerConf().getEps()).build();
            }
            Nd4j.exec(retarget(normalize, inputs, new INDArray[] {out}));
            return out;
        }

        @Override public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            assertInputSet(true);
            INDArray in = checkInput(input);
            if (batchMean == null || valuesPerChannel != in.length() / in.size(1)) {
                throw new IllegalStateException("layer " + layerId() + ": backward pass without a training-mode forward pass on this input");
            }
            statsViews();
            INDArray dGamma = gradientViews.get(GAMMA);
            INDArray dBeta = gradientViews.get(BETA);
            INDArray next = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, in.shape(), 'c');
            // The op's gradients w.r.t. the statistics go to scratch: the statistics are no trained parameters.
            INDArray[] inputs = {in, batchMean, batchVar, getParam(GAMMA), getParam(BETA), epsilon};
            INDArray[] outputs = {next, scratchMean, scratchVar, dGamma, dBeta};
            if (backward == null) {
                backward = DynamicCustomOp.builder("batchnorm_bp").addInputs(inputs).addOutputs(outputs)
                        .addIntegerArguments(1, 1, 1).addFloatingPointArguments(layerConf().getEps()).build();
            }
            Nd4j.exec(retarget(backward, inputs, outputs));
            moveRunningStats(1 - layerConf().getDecay());

            Gradient g = new DefaultGradient();
            g.setGradientFor(GAMMA, dGamma);
            g.setGradientFor(BETA, dBeta);
            g.setGradientFor(MEAN, gradientViews.get(MEAN));
            g.setGradientFor(VAR, gradientViews.get(VAR));
            return new Pair<>(g, next);
        }

        /**
         * Sets {@link #runningStats} from the layer's flat parameter vector, where DL4J's initializer puts
         * gamma, beta, mean and variance one after another, and zeroes the statistics' gradient slots.
         */
        private void statsViews() {
            if (runningStats != null && statsOf == paramsFlattened) return;
            statsOf = paramsFlattened;
            long c = layerConf().getNOut();
            INDArray mean = getParam(MEAN);
            if (getParam(VAR).offset() != mean.offset() + c) {
                throw new IllegalStateException("layer " + layerId() + ": running mean and variance are not adjacent parameters");
            }
            runningStats = Nd4j.create(mean.data(), new long[] {2 * c}, new long[] {1}, mean.offset(), 'c');
            gradientViews.get(MEAN).assign(0);
            gradientViews.get(VAR).assign(0);
        }

        private static DynamicCustomOp retarget(DynamicCustomOp op, INDArray[] inputs, INDArray[] outputs) {
            for (int i = 0; i < inputs.length; i++) op.setInputArgument(i, inputs[i]);
            for (int i = 0; i < outputs.length; i++) op.setOutputArgument(i, outputs[i]);
            return op;
        }

        /** Every gradient slot is divided by the batch size in one op (the statistics' slots hold zeros). */
        @Override public boolean updaterDivideByMinibatch(String paramName) { return true; }

        /**
         * Running statistics, PyTorch's rule: {@code r ← (1 − m)·r + m·w·b} per value, with {@code w} 1 for
         * the mean and {@code n/(n−1)} for the variance (the unbiased batch variance). Updated here, in place,
         * in the layer's data type; their gradient slots stay zero (the updater's step for them is zero, see
         * {@link #getUpdaterByParam}). 2C values (128 in notebook 004's layers): a loop over the host
         * buffers costs less than the two libnd4j ops it replaced ({@code MulOp}, then {@code Axpy}), whose
         * dispatch was a fifth of the ops of a batch-8 BatchNorm step.
         */
        private void moveRunningStats(double m) {
            int n = (int) batchStats.length();
            int c = n / 2;
            double bessel = valuesPerChannel > 1 ? valuesPerChannel / (valuesPerChannel - 1.0) : 1.0;
            // A view's buffer starts at the view's first element (ND4J: an array's offset is its buffer's).
            Pointer stats = batchStats.data().addressPointer();
            Pointer running = runningStats.data().addressPointer();
            if (dataType == DataType.FLOAT && stats instanceof FloatPointer b && running instanceof FloatPointer r) {
                // the ops' float arithmetic: m·w rounded to float, then (1 − m)·r + that·b
                float[] bv = floatScratch(0, n);
                float[] rv = floatScratch(1, n);
                b.get(bv, 0, n);
                r.get(rv, 0, n);
                float keep = (float) (1 - m);
                float wMean = (float) m;
                float wVar = (float) (m * bessel);
                for (int i = 0; i < n; i++) rv[i] = keep * rv[i] + (i < c ? wMean : wVar) * bv[i];
                r.put(rv, 0, n);
            } else {
                DataBuffer sb = batchStats.data();
                DataBuffer rb = runningStats.data();
                for (int i = 0; i < n; i++) rb.put(i, (1 - m) * rb.getDouble(i) + (i < c ? m : m * bessel) * sb.getDouble(i));
            }
        }

        /** Two float arrays of at least {@code n} values, kept with the layer. */
        private float[] floatScratch(int which, int n) {
            if (hostScratch[which] == null || hostScratch[which].length < n) hostScratch[which] = new float[n];
            return hostScratch[which];
        }

        private final float[][] hostScratch = new float[2][];

        private INDArray checkInput(INDArray x) {
            int rank = x.rank();
            if (rank != 2 && rank != 4) {
                throw new IllegalArgumentException("layer " + layerId() + ": BatchNorm takes [N, C] or [N, C, H, W] input, got shape "
                        + java.util.Arrays.toString(x.shape()));
            }
            if (x.size(1) != layerConf().getNOut()) {
                throw new IllegalArgumentException("layer " + layerId() + ": BatchNorm has " + layerConf().getNOut()
                        + " channels, got input of shape " + java.util.Arrays.toString(x.shape()));
            }
            return x.dataType() == dataType ? x : x.castTo(dataType);
        }

        /** The axes a channel's statistics run over: all but axis 1. */
        private static int[] reductionAxes(INDArray x) {
            return x.rank() == 2 ? new int[] {0} : new int[] {0, 2, 3};
        }
    }
}
