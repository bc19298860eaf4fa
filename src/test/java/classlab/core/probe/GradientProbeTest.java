package classlab.core.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.NetSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

class GradientProbeTest {
    /** Dense(0) → BN(1) → ReLU(2) → Dense(3) → Output(4), in double precision for finite differences. */
    private static final int[] WEIGHT_LAYERS = {0, 3, 4};

    private static MultiLayerNetwork smallBnNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.DOUBLE).updater(new Adam(0.01)).weightInit(WeightInit.UNIFORM).list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder().nOut(1).activation(Activation.SIGMOID).lossFunction(new LossBinaryXENT()).build())
                .setInputType(InputType.feedForward(3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSet batch(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.DOUBLE, n, 3);
        INDArray y = Nd4j.rand(DataType.DOUBLE, n, 1).gt(0.5).castTo(DataType.DOUBLE);
        return new DataSet(x, y);
    }

    /** The probe's values are the gradient of the batch-MEAN loss: checked by central differences of the score. */
    @Test
    void onePassMatchesFiniteDifferencesOfTheMeanLoss() {
        MultiLayerNetwork net = smallBnNet();
        DataSet data = batch(12, 3);
        double[] probed = GradientProbe.meanAbsWeightGradients(net, data.getFeatures(), data.getLabels(), WEIGHT_LAYERS);

        double h = 1e-6;
        for (int k = 0; k < WEIGHT_LAYERS.length; k++) {
            INDArray w = net.getLayer(WEIGHT_LAYERS[k]).getParam("W"); // live view
            double sumAbs = 0;
            for (long i = 0; i < w.length(); i++) {
                double original = w.getDouble(i);
                w.putScalar(i, original + h);
                double up = net.score(data, true);
                w.putScalar(i, original - h);
                double down = net.score(data, true);
                w.putScalar(i, original);
                sumAbs += Math.abs((up - down) / (2 * h));
            }
            double numeric = sumAbs / w.length();
            assertEquals(numeric, probed[k], 1e-6 * Math.max(1, numeric) + 1e-4 * numeric, "layer " + WEIGHT_LAYERS[k]);
        }
    }

    @Test
    void onePassDoesNotChangeParametersOrRunningStatistics() {
        MultiLayerNetwork net = smallBnNet();
        INDArray before = net.params().dup();
        DataSet data = batch(8, 4);
        GradientProbe.meanAbsWeightGradients(net, data.getFeatures(), data.getLabels(), WEIGHT_LAYERS);
        assertEquals(before, net.params());
    }

    /** During fit, the first sample equals a one-pass measurement on an identical copy of the network. */
    @Test
    void listenerSamplesEveryNthIterationWithMovingAverage() {
        MultiLayerNetwork net = smallBnNet();
        DataSet data = batch(16, 5);
        double[] expectedFirst = GradientProbe.meanAbsWeightGradients(net.clone(), data.getFeatures(), data.getLabels(), WEIGHT_LAYERS);

        List<Integer> iterations = new ArrayList<>();
        List<double[]> latest = new ArrayList<>();
        List<double[]> smoothed = new ArrayList<>();
        double weight = 0.25;
        GradientProbe probe = new GradientProbe(WEIGHT_LAYERS, 3, weight).onSample((it, l, s) -> {
            iterations.add(it);
            latest.add(l.clone());
            smoothed.add(s.clone());
        });
        net.addListeners(probe);
        for (int i = 0; i < 10; i++) net.fit(data);

        assertEquals(List.of(1, 4, 7, 10), iterations);
        assertEquals(4, probe.samples());
        assertArrayEquals(expectedFirst, latest.get(0), 1e-12);
        assertArrayEquals(latest.get(0), smoothed.get(0), 0, "the first sample starts the average");
        for (int s = 1; s < latest.size(); s++) {
            for (int k = 0; k < WEIGHT_LAYERS.length; k++) {
                double expected = weight * latest.get(s)[k] + (1 - weight) * smoothed.get(s - 1)[k];
                assertEquals(expected, smoothed.get(s)[k], 1e-15);
            }
        }
        assertArrayEquals(smoothed.get(3), probe.smoothed(), 0);
        assertArrayEquals(latest.get(3), probe.latest(), 0);
    }

    @Test
    void weightLayersOfNetSpecNetworks() {
        NetSpec plain = NetSpec.mlp(20, List.of(64, 32), NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.ADAM, 1e-3, 1);
        assertArrayEquals(new int[] {0, 1, 2}, GradientProbe.weightLayers(plain));
        // Dense → BN → ReLU per hidden block.
        assertArrayEquals(new int[] {0, 3, 6}, GradientProbe.weightLayers(plain.withBatchNorm(true)));
    }

    @Test
    void spreadIsMaxOverMin() {
        assertEquals(8.0, GradientProbe.spread(new double[] {0.5, 4.0, 1.0}), 0);
        assertEquals(1.0, GradientProbe.spread(new double[] {2.0, 2.0}), 0);
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GradientProbe(new int[0], 1, 0.5))
                .getMessage().contains("at least one weight layer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GradientProbe(new int[] {0}, 0, 0.5))
                .getMessage().contains("sampleEvery"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GradientProbe(new int[] {0}, 1, 0))
                .getMessage().contains("emaWeight"));
        MultiLayerNetwork net = smallBnNet();
        DataSet data = batch(4, 6);
        assertTrue(assertThrows(IllegalStateException.class,
                () -> GradientProbe.meanAbsWeightGradients(net, data.getFeatures(), data.getLabels(), new int[] {1}))
                .getMessage().contains("1_W"));
    }
}
