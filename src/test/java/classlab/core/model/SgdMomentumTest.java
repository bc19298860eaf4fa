package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

class SgdMomentumTest {
    @Test
    void stepsAreTorchSgdWithMomentum() {
        // torch.optim.SGD(lr=0.1, momentum=0.9): buf = g1; step1 = 0.1*g1; buf = 0.9*g1 + g2; step2 = 0.1*buf.
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 2);
        GradientUpdater<?> u = new SgdMomentum(0.1, 0.9).instantiate(state, true);
        INDArray g1 = Nd4j.createFromArray(1.0, -2.0).reshape(1, 2);
        u.applyUpdater(g1, 0, 0);
        assertArrayEquals(new double[] {0.1, -0.2}, g1.toDoubleVector(), 1e-12);
        INDArray g2 = Nd4j.createFromArray(0.5, 0.5).reshape(1, 2);
        u.applyUpdater(g2, 1, 0);
        assertArrayEquals(new double[] {0.1 * (0.9 * 1.0 + 0.5), 0.1 * (0.9 * -2.0 + 0.5)}, g2.toDoubleVector(), 1e-12);
    }

    @Test
    void aNetworkTrainsWithItAndTakesANewLearningRate() {
        NetSpec spec = NetSpec.mlp(4, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.SGD_MOMENTUM, 0.05, 1);
        MultiLayerNetwork net = NetBuilder.build(spec);
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
        INDArray y = Nd4j.createFromArray(new float[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}});
        net.fit(x, y);
        double first = net.score();
        for (int i = 0; i < 30; i++) net.fit(x, y);
        assertEquals(true, net.score() < first / 2, "loss " + first + " -> " + net.score());
        net.setLearningRate(0.001);
        assertEquals(0.001, net.getLearningRate(0), 1e-12);
    }
}
