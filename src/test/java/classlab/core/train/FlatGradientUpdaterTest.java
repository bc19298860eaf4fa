package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.FusedBatchNorm;
import classlab.core.model.SgdMomentum;
import classlab.core.model.TorchAdam;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link FlatGradientUpdater} trains exactly as DL4J's own updater, also when installed mid-run. */
class FlatGradientUpdaterTest {

    @Test
    void sameParametersAsDl4jsUpdater() {
        MultiLayerNetwork plain = net();
        MultiLayerNetwork flat = net();
        MultiLayerNetwork switched = net();
        FlatGradientUpdater.install(flat);
        Nd4j.getRandom().setSeed(5);
        for (int step = 0; step < 4; step++) {
            if (step == 2) FlatGradientUpdater.install(switched); // keeps Adam's moments of the first two steps
            INDArray x = Nd4j.randn(DataType.DOUBLE, 6, 4);
            INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 2);
            for (int i = 0; i < 6; i++) y.putScalar(i, (i + step) % 2, 1);
            plain.fit(x, y);
            flat.fit(x, y);
            switched.fit(x, y);
        }
        assertTrue(flat.getUpdater() instanceof FlatGradientUpdater);
        // The case it exists for: the network's own gradient is recognised although DL4J hands out a new view of it.
        assertTrue(FlatGradientUpdater.isOwnGradient(flat, flat.gradient()));
        assertTrue(flat.gradient().gradient() != flat.getFlattenedGradients());
        assertFalse(FlatGradientUpdater.isOwnGradient(flat, new org.deeplearning4j.nn.gradient.DefaultGradient(flat.getFlattenedGradients().dup())));
        double[] expected = plain.params().toDoubleVector();
        assertArrayEquals(expected, flat.params().toDoubleVector(), 1e-12);
        assertArrayEquals(expected, switched.params().toDoubleVector(), 1e-12);
        assertArrayEquals(plain.getUpdater().getStateViewArray().toDoubleVector(), flat.getUpdater().getStateViewArray().toDoubleVector(), 1e-12);
    }

    /** A learning rate changed before every step trains as DL4J's {@code net.setLearningRate} does, on this class's path. */
    @Test
    void learningRateSetInPlaceTrainsAsDl4jsSetLearningRate() {
        for (UpdaterKind kind : UpdaterKind.values()) {
            MultiLayerNetwork dl4j = net(kind.make());
            MultiLayerNetwork ours = net(kind.make());
            FlatGradientUpdater.install(ours);
            Nd4j.getRandom().setSeed(7);
            for (int step = 0; step < 5; step++) {
                double lr = 0.05 / (step + 1);
                dl4j.setLearningRate(lr);
                FlatGradientUpdater.setLearningRate(ours, lr);
                INDArray x = Nd4j.randn(DataType.DOUBLE, 6, 4);
                INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 2);
                for (int i = 0; i < 6; i++) y.putScalar(i, (i + step) % 2, 1);
                dl4j.fit(x, y);
                ours.fit(x, y);
            }
            assertTrue(ours.getUpdater() instanceof FlatGradientUpdater, kind.name());
            assertFalse(dl4j.getUpdater() instanceof FlatGradientUpdater, kind.name());
            assertArrayEquals(dl4j.params().toDoubleVector(), ours.params().toDoubleVector(), 1e-12, kind.name());
            INDArray dl4jState = dl4j.getUpdater().getStateViewArray();  // none for plain SGD
            if (dl4jState != null) {
                assertArrayEquals(dl4jState.toDoubleVector(), ours.getUpdater().getStateViewArray().toDoubleVector(), 1e-12, kind.name());
            }
        }
    }

    /** The updaters the lessons build ({@code NetBuilder}): DL4J's SGD and ClassLab's PyTorch-rule Adam and momentum SGD. */
    private enum UpdaterKind {
        SGD, TORCH_ADAM, SGD_MOMENTUM;

        IUpdater make() {
            return switch (this) {
                case SGD -> new Sgd(0.05);
                case TORCH_ADAM -> new TorchAdam(0.05);
                case SGD_MOMENTUM -> new SgdMomentum(0.05, 0.9);
            };
        }
    }

    private static MultiLayerNetwork net() {
        return net(new Adam(0.01));
    }

    /** Dense → BatchNorm (running statistics are not divided by the batch size) → ReLU → softmax, {@code updater} with L2 and weight decay. */
    private static MultiLayerNetwork net(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(2).updater(updater).l2(1e-3).weightDecay(1e-2)
                .list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build())
                .layer(new FusedBatchNorm())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4))
                .build());
        net.init();
        return net;
    }
}
