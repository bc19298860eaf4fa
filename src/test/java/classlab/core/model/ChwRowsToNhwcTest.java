package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import classlab.core.lesson.cifar.CifarNets;
import classlab.core.train.NativeBuild;
import classlab.testsupport.Close;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A CNN fed through {@link ChwRowsToNhwc} (channels-last layers) computes what the same CNN computes
 * in NCHW: the same activations, loss and parameters after training steps, with DL4J's oneDNN helpers.
 */
class ChwRowsToNhwcTest {

    @Test
    void channelsLastTrainsLikeNchw() {
        assumeTrue(NativeBuild.forThisMachine().usesOneDnn(), "this CPU runs the plain build: no oneDNN helper");
        MultiLayerNetwork nchw = net(false);
        MultiLayerNetwork nhwc = net(true);
        assertEquals(CNN2DFormat.NHWC, ((ConvolutionLayer) nhwc.getLayer(0).conf().getLayer()).getCnn2dDataFormat());
        nhwc.setParams(nchw.params().dup());
        for (int step = 0; step < 3; step++) {
            INDArray[] xy = Conv2dLayerTest.batch(40 + step, step);
            INDArray x = xy[0];
            INDArray y = xy[1];
            java.util.List<INDArray> a = nchw.feedForward(x, true);
            java.util.List<INDArray> b = nhwc.feedForward(x, true);
            for (int l = 1; l < a.size(); l++) {
                INDArray bl = b.get(l).rank() == 4 ? b.get(l).permute(0, 3, 1, 2) : b.get(l);
                assertArrayEquals(a.get(l).shape(), bl.shape(), "layer " + (l - 1) + " shape");
                Close.assertClose(a.get(l).dup('c').data().asDouble(), bl.dup('c').data().asDouble(), 1e-6, "layer " + (l - 1));
            }
            nchw.fit(x, y);
            nhwc.fit(x, y);
            assertEquals(nchw.score(), nhwc.score(), 1e-6, "loss, step " + step);
        }
        Close.assertClose(nchw.params().toDoubleVector(), nhwc.params().toDoubleVector(), 1e-6, "parameters");
    }

    @Test
    void netBuilderRunsCnnV1ChannelsLastAndCnnV2AsBefore() {
        LayerSpec.Shape cifar = new LayerSpec.Shape(3, 32, 32);
        assertEquals(true, NetBuilder.channelsLast(CifarNets.spec(CifarNets.Kind.CNN_V1, cifar, 10, NetSpec.Optimizer.ADAM, 1e-3, 1)));
        assertEquals(false, NetBuilder.channelsLast(CifarNets.spec(CifarNets.Kind.CNN_V2, cifar, 10, NetSpec.Optimizer.ADAM, 1e-3, 1)));
        assertEquals(false, NetBuilder.channelsLast(CifarNets.spec(CifarNets.Kind.MLP, cifar, 10, NetSpec.Optimizer.ADAM, 1e-3, 1)));
    }

    /** conv 3×3 → 4, ReLU, max-pool 2, conv 3×3 → 5, ReLU, global average, softmax 3 on 2×6×6 rows; helpers on. */
    private static MultiLayerNetwork net(boolean channelsLast) {
        String before = System.getProperty(NativeBuild.HELPERS_DISABLE);
        System.setProperty(NativeBuild.HELPERS_DISABLE, "false");
        try {
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                    .dataType(DataType.FLOAT).seed(6).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Same)
                    .list()
                    .layer(new Conv2dLayer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(new ReLUActivation())))
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                    .layer(new Conv2dLayer(new ConvolutionLayer.Builder(3, 3).nOut(5).activation(new ReLUActivation())))
                    .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build());
            if (channelsLast) list.inputPreProcessor(0, new ChwRowsToNhwc(6, 6, 2));
            MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutionalFlat(6, 6, 2)).build());
            net.init();
            return net;
        } finally {
            if (before == null) System.clearProperty(NativeBuild.HELPERS_DISABLE);
            else System.setProperty(NativeBuild.HELPERS_DISABLE, before);
        }
    }
}
