package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import classlab.core.train.NativeBuild;
import classlab.testsupport.Close;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link Conv2dLayer} trains exactly like DL4J's ConvolutionLayer with DL4J's oneDNN helper (the path
 * where it keeps the pre-activation), through a ReLU applied in place and an identity activation.
 */
class Conv2dLayerTest {

    @Test
    void trainsLikeDl4jsConvolutionLayerWithTheHelper() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helper");
        MultiLayerNetwork dl4j = withHelpers(b -> b.build());
        MultiLayerNetwork ours = withHelpers(Conv2dLayer::new);
        assertEquals(true, ours.getLayer(0).getHelper() != null, "oneDNN helper in use");
        ours.setParams(dl4j.params().dup());
        for (int step = 0; step < 3; step++) {
            INDArray[] xy = Conv2dLayerTest.batch(20 + step, step);
            INDArray x = xy[0];
            INDArray y = xy[1];
            dl4j.fit(x, y);
            ours.fit(x, y);
            assertEquals(dl4j.score(), ours.score(), 1e-6, "loss, step " + step);
        }
        Close.assertClose(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-6, "parameters");
    }

    /**
     * With {@link ReLUActivation} the layer keeps no copy of its pre-activation (its output tells where it
     * is positive), also when the next layer's inverted dropout scales that output in place.
     */
    @Test
    void withReLUActivationAndAFollowingDropoutTrainsLikeDl4jsLayer() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helper");
        MultiLayerNetwork dl4j = withHelpers(b -> b.build(), 0.6);
        MultiLayerNetwork ours = withHelpers(b -> {
            if (b.build().getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationReLU) b.activation(new ReLUActivation());
            return new Conv2dLayer(b);
        }, 0.6);
        ours.setParams(dl4j.params().dup());
        for (int step = 0; step < 3; step++) {
            INDArray[] xy = Conv2dLayerTest.batch(50 + step, step);
            INDArray x = xy[0];
            INDArray y = xy[1];
            Nd4j.getRandom().setSeed(70 + step);
            dl4j.fit(x, y);
            Nd4j.getRandom().setSeed(70 + step);
            ours.fit(x, y);
            assertEquals(dl4j.score(), ours.score(), 1e-6, "loss, step " + step);
        }
        Close.assertClose(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-6, "parameters");
    }

    private static MultiLayerNetwork withHelpers(Function<ConvolutionLayer.Builder, Layer> conv) {
        return withHelpers(conv, 0);
    }

    /**
     * conv 3×3 → 4 (ReLU) → [dropout, keep probability {@code retain} if &gt; 0] conv 3×3 → 5 (identity) →
     * global average → softmax 3 on 2×6×6 input, helpers on.
     */
    private static MultiLayerNetwork withHelpers(Function<ConvolutionLayer.Builder, Layer> conv, double retain) {
        String before = System.getProperty(NativeBuild.HELPERS_DISABLE);
        System.setProperty(NativeBuild.HELPERS_DISABLE, "false");
        try {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .dataType(DataType.FLOAT).seed(6).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Same)
                    .list()
                    .layer(conv.apply(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU)))
                    .layer(conv.apply(retain > 0 ? new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.IDENTITY).dropOut(retain)
                            : new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.IDENTITY)))
                    .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutionalFlat(6, 6, 2))
                    .build());
            net.init();
            return net;
        } finally {
            if (before == null) System.clearProperty(NativeBuild.HELPERS_DISABLE);
            else System.setProperty(NativeBuild.HELPERS_DISABLE, before);
        }
    }

    /** Four random 2×6×6 images (flat, centred) and one-hot labels of 3 classes shifted by {@code shift}. */
    static INDArray[] batch(long seed, int shift) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 2 * 6 * 6).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 3);
        for (int i = 0; i < 4; i++) y.putScalar(i, (i + shift) % 3, 1f);
        return new INDArray[] {x, y};
    }
}
