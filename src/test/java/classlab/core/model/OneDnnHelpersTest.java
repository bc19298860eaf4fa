package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import classlab.core.train.Backend;
import classlab.core.train.MetricLog;
import classlab.core.train.NativeBuild;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's oneDNN layer helpers (switched on by the app's native settings on CPUs that run a oneDNN
 * build) compute the same loss and gradients as DL4J's built-in path, on fixed input: a small
 * convolutional net with BatchNorm and max pooling, and the deep BatchNorm MLP of lesson 9 at
 * batch 8. Float32 sums in another order differ in the last digits, hence the relative tolerances.
 */
class OneDnnHelpersTest {
    private static MultiLayerConfiguration convBn() {
        return new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(16, 16, 3))
                .build();
    }

    /** Lesson 9's deep BatchNorm MLP with DL4J's own layers (NetBuilder uses FusedBatchNorm, which has no helper). */
    private static MultiLayerConfiguration denseBn() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).list();
        for (int width : List.of(64, 64, 64, 32)) {
            list.layer(new DenseLayer.Builder().nOut(width).activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        return list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.feedForward(20)).build();
    }

    /** Loss and the L2 norm of every parameter's gradient, with the helpers on or off. */
    private static Map<String, Double> lossAndGradientNorms(Supplier<MultiLayerConfiguration> conf, boolean helpers,
                                                           INDArray x, INDArray y, int helperLayer) {
        String before = System.getProperty(NativeBuild.HELPERS_DISABLE);
        System.setProperty(NativeBuild.HELPERS_DISABLE, Boolean.toString(!helpers));
        MultiLayerNetwork net;
        try {
            net = new MultiLayerNetwork(conf.get());
            net.init();
        } finally {
            if (before == null) System.clearProperty(NativeBuild.HELPERS_DISABLE);
            else System.setProperty(NativeBuild.HELPERS_DISABLE, before);
        }
        assertEquals(helpers, net.getLayer(helperLayer).getHelper() != null, "helper of layer " + helperLayer + " in use");
        Map<String, Double> out = new TreeMap<>();
        // Two training steps, so that the second one starts from parameters the first one updated.
        for (int step = 0; step < 2; step++) {
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
            out.put("loss" + step, net.score());
            for (Map.Entry<String, INDArray> e : net.gradient().gradientForVariable().entrySet()) {
                out.put(e.getKey() + "#" + step, e.getValue().norm2Number().doubleValue());
            }
            net.fit(x, y);
        }
        return out;
    }

    /**
     * Equal to 0.01 % or 1e-4 absolute (measured: 2e-5 relative at most). Two quantities are float32 noise near 0 in both
     * paths: a convolution bias followed by BatchNorm has a gradient that is 0 in exact arithmetic (1e-5 to 3e-5 seen), and
     * BatchNorm's running mean of a zero-centred input (8e-4, moved by 2e-5 when 4,096 values per channel are summed in
     * another order); every other norm here is above 1, where the relative part decides.
     */
    private static void assertSame(Map<String, Double> builtIn, Map<String, Double> helpers) {
        assertEquals(builtIn.keySet(), helpers.keySet());
        for (String k : builtIn.keySet()) {
            double a = builtIn.get(k), b = helpers.get(k);
            assertEquals(a, b, 1e-4 + 1e-4 * Math.abs(a), k + ": built-in " + a + ", oneDNN " + b + "\n" + builtIn + "\n" + helpers);
        }
    }

    @Test
    void trainersSwitchOneDnnKernelsOnOnlyForConvolutionalNetworks() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helpers");
        var env = org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance();
        MultiLayerNetwork dense = new MultiLayerNetwork(denseBn());
        dense.init();
        new Trainer(dense, RunControl.unattended(new MetricLog()), 8, 1);
        assertFalse(env.isUseONEDNN());
        MultiLayerNetwork conv = new MultiLayerNetwork(convBn());
        conv.init();
        new Trainer(conv, RunControl.unattended(new MetricLog()), 8, 1);
        assertTrue(env.isUseONEDNN());
        // DL4J's helper check still sees a oneDNN build after a switch-off.
        new Trainer(dense, RunControl.unattended(new MetricLog()), 8, 1);
        assertTrue(org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    @Test
    void convolutionPoolingAndBatchNormMatchTheBuiltInPath() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helpers");
        Backend.useOneDnnKernels(true);  // as the Trainer sets it for a convolutional network
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 3, 16, 16).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 10);
        for (int i = 0; i < 16; i++) y.putScalar(i, i % 10, 1f);
        assertSame(lossAndGradientNorms(OneDnnHelpersTest::convBn, false, x, y, 0),
                lossAndGradientNorms(OneDnnHelpersTest::convBn, true, x, y, 0));
    }

    @Test
    void denseBatchNormAtBatch8MatchesTheBuiltInPath() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helpers");
        Backend.useOneDnnKernels(false);  // as the Trainer sets it for a network without convolutions
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 8, 20);
        INDArray y = Nd4j.create(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, new long[] {8, 1}, DataType.FLOAT);
        Map<String, Double> builtIn = lossAndGradientNorms(OneDnnHelpersTest::denseBn, false, x, y, 1);
        Map<String, Double> helpers = lossAndGradientNorms(OneDnnHelpersTest::denseBn, true, x, y, 1);
        assertNotNull(builtIn.get("loss1"));
        assertSame(builtIn, helpers);
    }
}
