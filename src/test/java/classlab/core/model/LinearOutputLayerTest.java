package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.train.loss.BceLoss;
import classlab.core.train.loss.SoftmaxCrossEntropyLoss;
import classlab.testsupport.Close;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** {@link LinearOutputLayer} trains and scores exactly like DL4J's OutputLayer with the same loss. */
class LinearOutputLayerTest {

    @Test
    void softmaxCrossEntropyTrainsAndScoresLikeDl4jsOutputLayer() {
        // Class weights and label smoothing: the loss's score and gradient both depend on every term.
        check(Activation.SOFTMAX, new SoftmaxCrossEntropyLoss(new double[] {1.0, 2.0, 0.5}, 0.1), 3);
    }

    @Test
    void bceTrainsAndScoresLikeDl4jsOutputLayer() {
        check(Activation.SIGMOID, new BceLoss(), 1);
    }

    private static void check(Activation activation, ILossFunction loss, int outputs) {
        MultiLayerNetwork dl4j = net(b -> b.build(), activation, loss, outputs);
        MultiLayerNetwork ours = net(LinearOutputLayer::new, activation, loss, outputs);
        ours.setParams(dl4j.params().dup());
        for (int step = 0; step < 4; step++) {
            Nd4j.getRandom().setSeed(20 + step);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 9, 5);
            INDArray y = Nd4j.zeros(DataType.DOUBLE, 9, outputs);
            for (int i = 0; i < 9; i++) y.putScalar(i, outputs == 1 ? 0 : (i + step) % outputs, outputs == 1 ? (i + step) % 2 : 1);
            dl4j.fit(x, y);
            ours.fit(x, y);
            assertEquals(dl4j.score(), ours.score(), 1e-12, "training score, step " + step);
            // A score asked for afterwards (inference mode, another batch) is computed, not the kept one.
            DataSet other = new DataSet(x.mul(0.5), y);
            assertEquals(dl4j.score(other, false), ours.score(other, false), 1e-12, "score of other data, step " + step);
            assertEquals(dl4j.score(other, true), ours.score(other, true), 1e-12, "training-mode score of other data, step " + step);
        }
        Close.assertClose(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-12, "parameters");
    }

    /** 5 → tanh 6 → output layer made by {@code output} from its builder, Adam. */
    private static MultiLayerNetwork net(Function<OutputLayer.Builder, Layer> output, Activation activation, ILossFunction loss,
                                         int outputs) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(3).updater(new Adam(0.05))
                .list()
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
                .layer(output.apply(new OutputLayer.Builder().nOut(outputs).activation(activation).lossFunction(loss)))
                .setInputType(InputType.feedForward(5))
                .build());
        net.init();
        return net;
    }
}
