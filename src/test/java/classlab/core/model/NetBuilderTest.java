package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class NetBuilderTest {
    @Test
    void parameterCountMatchesPyTorchForThePlainMlp() {
        NetSpec spec = NetSpec.mlp(784, List.of(256, 128, 64), NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, 1e-3, 1);
        MultiLayerNetwork net = NetBuilder.build(spec);
        // PyTorch: 784*256+256 + 256*128+128 + 128*64+64 + 64*10+10
        assertEquals(242_762, spec.trainableParameterCount());
        assertEquals(242_762, net.numParams());
    }

    @Test
    void batchNormAddsGammaBetaAndRunningStatistics() {
        NetSpec spec = NetSpec.mlp(20, List.of(64, 32), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.SGD, 0.01, 1).withBatchNorm(true);
        MultiLayerNetwork net = NetBuilder.build(spec);
        long pytorchTrainable = (20 * 64 + 64) + 2 * 64 + (64 * 32 + 32) + 2 * 32 + (32 + 1);
        assertEquals(pytorchTrainable, spec.trainableParameterCount());
        // DL4J also stores running mean and variance as parameters: 2 more per BN feature.
        assertEquals(pytorchTrainable + 2 * (64 + 32), net.numParams());
        NetBuilder.HiddenBlock first = NetBuilder.hiddenBlocks(spec).get(0);
        assertTrue(net.getLayer(first.batchNorm()).conf().getLayer() instanceof BatchNormalization);
        assertEquals(NetBuilder.outputLayerIndex(spec), net.getnLayers() - 1);
    }

    @Test
    void dropoutPIsTheDropProbabilityAndBecomesDl4jRetainProbability() {
        NetSpec spec = NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.SGD, 0.1, 1).withDropout(0.3);
        MultiLayerNetwork net = NetBuilder.build(spec);
        int dropoutIndex = NetBuilder.hiddenBlocks(spec).get(0).dropout();
        DropoutLayer layer = (DropoutLayer) net.getLayer(dropoutIndex).conf().getLayer();
        assertEquals(0.7, ((Dropout) layer.getIDropout()).getP(), 1e-12);
    }

    @Test
    void invalidSpecsAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.SGD, -1, 1));
        assertTrue(e.getMessage().contains("learning rate"));
        assertThrows(IllegalArgumentException.class,
                () -> NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.SGD, 0.1, 1).withDropout(1.0));
        assertThrows(IllegalArgumentException.class,
                () -> NetSpec.mlp(10, List.of(0), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.SGD, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NetSpec.mlp(10, List.of(8), NetSpec.Output.SIGMOID_BCE, 3, NetSpec.Optimizer.SGD, 0.1, 1));
    }
}
