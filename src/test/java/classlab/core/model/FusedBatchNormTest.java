package classlab.core.model;

import static classlab.core.metrics.ReferenceJson.doubles;
import static classlab.core.metrics.ReferenceJson.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.lesson.bngradients.BatchNormStats;
import classlab.core.metrics.ReferenceJson;
import classlab.testsupport.Close;
import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link FusedBatchNorm} against PyTorch's BatchNorm1d ({@code ../shared/reference/batchnorm.json},
 * 1e-5) and against DL4J's own BatchNormalization layer trained side by side (same start, same
 * batches, Adam): everything equal except the running variance, which follows PyTorch's unbiased rule.
 */
class FusedBatchNormTest {
    private static final double TOL = 1e-5;

    @Test
    void equalsPyTorchBatchNorm1d() throws Exception {
        JsonNode ref = ReferenceJson.load("batchnorm.json");
        double[][] xRows = matrix(ref.get("x"));
        int n = xRows.length;
        int features = xRows[0].length;
        INDArray x = Nd4j.create(xRows).castTo(DataType.DOUBLE);
        MultiLayerNetwork net = net(DataType.DOUBLE, new Sgd(0.0), InputType.feedForward(features), new FusedBatchNorm(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build());

        assertClose(matrix(ref.get("train_out")), net.feedForwardToLayer(0, x, true).get(1).toDoubleMatrix(), "train_out");
        var bn = net.getLayer(0);
        assertArrayEquals(new double[features], BatchNormStats.runningMean(bn), 0, "a training-mode forward pass moves nothing");

        net.fit(new DataSet(x, Nd4j.zeros(DataType.DOUBLE, n, 1)));
        assertClose(doubles(ref.get("running_mean_after_one_step")), BatchNormStats.runningMean(bn), "running_mean");
        assertClose(doubles(ref.get("running_var_after_one_step")), BatchNormStats.runningVariance(bn), "running_var");
        assertClose(matrix(ref.get("eval_out_after_one_step")), net.feedForwardToLayer(0, x, false).get(1).toDoubleMatrix(),
                "eval_out_after_one_step");
    }

    @Test
    void trainsLikeDl4jsLayerOnDenseInput() {
        InputType in = InputType.feedForward(5);
        trainSideBySide(in, 8, 6, 5, l -> new Layer[] {
                new DenseLayer.Builder().nOut(4).activation(Activation.IDENTITY).build(), l,
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build()});
    }

    @Test
    void trainsLikeDl4jsLayerOnImages() {
        InputType in = InputType.convolutionalFlat(4, 4, 2);
        trainSideBySide(in, 6, 4, 2 * 4 * 4, l -> new Layer[] {
                new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Same).build(), l,
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build()});
    }

    /**
     * Trains two networks that differ only in the BatchNorm layer (index 1) on the same batches and
     * compares all parameters, the running mean, and the running variance after converting DL4J's
     * biased average with {@link BatchNormStats#toPyTorchRunningVariance}.
     */
    private static void trainSideBySide(InputType in, int batch, int steps, int inputs, java.util.function.Function<Layer, Layer[]> layers) {
        MultiLayerNetwork dl4j = net(DataType.DOUBLE, new Sgd(0.1), in,
                layers.apply(new BatchNormalization.Builder().useLogStd(false).build()));
        MultiLayerNetwork fused = net(DataType.DOUBLE, new Sgd(0.1), in, layers.apply(new FusedBatchNorm()));
        fused.setParams(dl4j.params().dup());
        Nd4j.getRandom().setSeed(3);
        for (int s = 0; s < steps; s++) {
            INDArray x = Nd4j.randn(DataType.DOUBLE, batch, inputs).muli(2).addi(1);
            INDArray y = Nd4j.zeros(DataType.DOUBLE, batch, 3);
            for (int i = 0; i < batch; i++) y.putScalar(i, (i + s) % 3, 1);
            assertClose(dl4j.output(x, true).toDoubleMatrix(), fused.output(x, true).toDoubleMatrix(), "train-mode output, step " + s);
            dl4j.fit(x, y);
            fused.fit(x, y);
            assertEquals(dl4j.score(), fused.score(), TOL, "loss, step " + s);
        }
        for (String p : dl4j.paramTable().keySet()) {
            if (p.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)) continue;
            assertClose(Nd4j.toFlattened(dl4j.getParam(p)).toDoubleVector(), Nd4j.toFlattened(fused.getParam(p)).toDoubleVector(), p);
        }
        long perChannel = (long) batch * (in.getType() == InputType.Type.FF ? 1 : 16);
        double[] expectedVar = BatchNormStats.toPyTorchRunningVariance(BatchNormStats.runningVariance(dl4j.getLayer(1)), steps,
                (int) perChannel, 0.9);
        assertClose(expectedVar, BatchNormStats.runningVariance(fused.getLayer(1)), "running var (PyTorch rule)");
        var both = BatchNormStats.runningVariances(fused.getLayer(1), steps, (int) perChannel, 0.9);
        assertClose(BatchNormStats.runningVariance(dl4j.getLayer(1)), both.dl4j(), "running var converted back to DL4J's rule");
        INDArray probe = Nd4j.randn(DataType.DOUBLE, 4, inputs);
        fused.getLayer(1).setParam(BatchNormalizationParamInitializer.GLOBAL_VAR,
                dl4j.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup());
        assertClose(dl4j.output(probe, false).toDoubleMatrix(), fused.output(probe, false).toDoubleMatrix(), "eval output, same statistics");
    }

    private static MultiLayerNetwork net(DataType type, org.nd4j.linalg.learning.config.IUpdater updater, InputType in, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(type).updater(updater).seed(1).list();
        for (Layer l : layers) list.layer(l);
        MultiLayerConfiguration conf = list.setInputType(in).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        Close.assertClose(expected, actual, TOL, what);
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        Close.assertClose(expected, actual, TOL, what);
    }

    /**
     * The running statistics are trained by the layer itself, with the network's updater on zero
     * gradients: every parameter in one updater block, and after one step from zero the running mean
     * is {@code m·mean(z)} and the running variance {@code 0.9 + m·var_unbiased(z)} for each optimiser.
     */
    @Test
    void runningStatisticsMoveOnceWithEveryOptimiserInOneUpdaterBlock() {
        for (NetSpec.Optimizer optimizer : NetSpec.Optimizer.values()) {
            NetSpec spec = NetSpec.mlp(5, java.util.List.of(6), NetSpec.Output.LOGIT_BCE, 1, optimizer, 0.1, 3).withBatchNorm(true);
            MultiLayerNetwork net = NetBuilder.build(spec);
            classlab.core.train.FlatGradientUpdater.install(net);
            assertEquals(1, ((org.deeplearning4j.nn.updater.MultiLayerUpdater) net.getUpdater()).getUpdaterBlocks().size(), optimizer + ": updater blocks");
            Nd4j.getRandom().setSeed(8);
            INDArray x = Nd4j.rand(DataType.FLOAT, 7, 5);
            INDArray y = Nd4j.rand(DataType.FLOAT, 7, 1).gt(0.5).castTo(DataType.FLOAT);
            INDArray z = net.feedForward(x, true).get(1);   // the BatchNorm's input
            net.fit(x, y);
            var bn = net.getLayer(1);
            double[] mean = z.mean(0).toDoubleVector();
            double[] var = z.var(true, 0).toDoubleVector();
            double[] expectedMean = new double[mean.length];
            double[] expectedVar = new double[var.length];
            for (int c = 0; c < mean.length; c++) {
                expectedMean[c] = FusedBatchNorm.MOMENTUM * mean[c];
                expectedVar[c] = (1 - FusedBatchNorm.MOMENTUM) + FusedBatchNorm.MOMENTUM * var[c];
            }
            Close.assertClose(expectedMean, BatchNormStats.runningMean(bn), TOL, optimizer + ": running mean");
            Close.assertClose(expectedVar, BatchNormStats.runningVariance(bn), TOL, optimizer + ": running variance");
            net.fit(x, y);
            assertEquals(0.0, net.getFlattenedGradients().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(5 * 6 + 6 + 12, 5 * 6 + 6 + 24)).amaxNumber().doubleValue(), 0,
                    optimizer + ": the statistics' gradient slots stay zero");
        }
    }
}
