package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import classlab.testsupport.Close;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link LinearLayer} trains exactly like DL4J's DenseLayer, and the first layer returns no input gradient. */
class LinearLayerTest {

    @Test
    void trainsLikeDl4jsDenseLayer() {
        // ReLU followed by a dropout layer that scales its input in place, sigmoid, tanh, identity.
        MultiLayerNetwork dl4j = net(a -> new DenseLayer.Builder().nOut(6).activation(a).build(), false);
        MultiLayerNetwork ours = net(a -> new LinearLayer(6, a.getActivationFunction(), true), false);
        MultiLayerNetwork firstWithoutInputGradient = net(a -> new LinearLayer(6, a.getActivationFunction(), true), true);
        ours.setParams(dl4j.params().dup());
        firstWithoutInputGradient.setParams(dl4j.params().dup());
        for (int step = 0; step < 4; step++) {
            Nd4j.getRandom().setSeed(10 + step);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 7, 5);
            INDArray y = Nd4j.zeros(DataType.DOUBLE, 7, 3);
            for (int i = 0; i < 7; i++) y.putScalar(i, (i + step) % 3, 1);
            for (MultiLayerNetwork net : new MultiLayerNetwork[] {dl4j, ours, firstWithoutInputGradient}) {
                Nd4j.getRandom().setSeed(100 + step); // the same dropout masks for all three
                net.fit(x, y);
            }
            assertEquals(dl4j.score(), ours.score(), 1e-12, "loss, step " + step);
        }
        double[] expected = dl4j.params().toDoubleVector();
        Close.assertClose(expected, ours.params().toDoubleVector(), 1e-10, "parameters");
        Close.assertClose(expected, firstWithoutInputGradient.params().toDoubleVector(), 1e-10, "parameters, no input gradient");
        INDArray probe = Nd4j.randn(DataType.DOUBLE, 3, 5);
        Close.assertClose(dl4j.output(probe, false).toDoubleMatrix(), ours.output(probe, false).toDoubleMatrix(), 1e-12, "eval output");
    }

    /**
     * Float products large enough for oneDNN's kernel ({@link MatrixProducts}), written into row-major
     * results, give DL4J's dense layer's training to float rounding.
     */
    @Test
    void largeFloatProductsTrainLikeDl4jsDenseLayer() {
        MultiLayerNetwork dl4j = floatNet(a -> new DenseLayer.Builder().nOut(120).activation(a).build());
        MultiLayerNetwork ours = floatNet(a -> new LinearLayer(120, a.getActivationFunction(), true));
        ours.setParams(dl4j.params().dup());
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 100);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 64, 3);
        for (int i = 0; i < 64; i++) y.putScalar(i, i % 3, 1);
        for (int step = 0; step < 3; step++) {
            dl4j.fit(x, y);
            ours.fit(x, y);
            assertEquals(dl4j.score(), ours.score(), 1e-5, "loss, step " + step);
        }
        Close.assertClose(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-5, "parameters");
    }

    /** 100 → relu 120 → relu 120 → softmax 3 in float, SGD(0.5): 64×100×120 = 768,000 multiply-adds in the first layer. */
    private static MultiLayerNetwork floatNet(Function<Activation, Layer> dense) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT).seed(5).updater(new org.nd4j.linalg.learning.config.Sgd(0.5))
                .list()
                .layer(dense.apply(Activation.RELU))
                .layer(dense.apply(Activation.RELU))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(100))
                .build());
        net.init();
        return net;
    }

    @Test
    void firstLayerReturnsNoInputGradient() {
        MultiLayerNetwork net = net(a -> new LinearLayer(6, a.getActivationFunction(), true), true);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 5);
        net.initGradientsView();
        var layer = net.getLayer(0);
        layer.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        INDArray out = layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
        assertNull(layer.backpropGradient(Nd4j.onesLike(out), LayerWorkspaceMgr.noWorkspaces()).getSecond());
    }

    /** 5 → relu 6 → dropout → sigmoid 6 → tanh 6 → identity 6 → softmax 3, Adam; {@code firstSkips}: layer 0 computes no input gradient. */
    private static MultiLayerNetwork net(Function<Activation, Layer> dense, boolean firstSkips) {
        Layer first = dense.apply(Activation.RELU);
        if (firstSkips) ((LinearLayer) first).setInputGradient(false);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(4).updater(new Adam(0.01))
                .list()
                .layer(first)
                .layer(new DropoutLayer.Builder(0.7).build())
                .layer(dense.apply(Activation.SIGMOID))
                .layer(dense.apply(Activation.TANH))
                .layer(dense.apply(Activation.IDENTITY))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(5))
                .build());
        net.init();
        return net;
    }
}
