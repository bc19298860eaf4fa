package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.testsupport.Close;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link ReLULayer} trains exactly like DL4J's activation layer with ReLU, and predicts the same. */
class ReLULayerTest {

    @Test
    void trainsLikeDl4jsActivationLayer() {
        MultiLayerNetwork dl4j = net(new ActivationLayer.Builder().activation(Activation.RELU).build());
        MultiLayerNetwork ours = net(new ReLULayer());
        ours.setParams(dl4j.params().dup());
        for (int step = 0; step < 3; step++) {
            Nd4j.getRandom().setSeed(30 + step);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, 4);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
            for (int i = 0; i < 6; i++) y.putScalar(i, (i + step) % 3, 1f);
            dl4j.fit(x, y);
            ours.fit(x, y);
            assertEquals(dl4j.score(), ours.score(), 1e-6, "loss, step " + step);
            Close.assertClose(dl4j.output(x).data().asDouble(), ours.output(x).data().asDouble(), 1e-6, "inference output, step " + step);
        }
        Close.assertClose(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-6, "parameters");
    }

    /** Linear 4→5 (identity) → the ReLU layer → Linear 5→3 with softmax cross-entropy. */
    private static MultiLayerNetwork net(Layer relu) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT).seed(4).updater(new Sgd(0.1))
                .list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build())
                .layer(relu)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4)).build());
        net.init();
        return net;
    }
}
