package classlab.core.lesson.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import classlab.core.model.LayerSpec;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CifarNetsTest {
    private static final LayerSpec.Shape CIFAR = LayerSpec.Shape.image(3, 32, 32);

    private static NetSpec spec(CifarNets.Kind kind) {
        return CifarNets.spec(kind, CIFAR, 10, NetSpec.Optimizer.ADAM, 1e-3, 1);
    }

    @Test
    void parameterCountsAreTheNotebooks() {
        // count_params(model) printed by notebook 002 §2 (and PyTorch for CNN_V2 of §5).
        assertEquals(789_258, spec(CifarNets.Kind.MLP).trainableParameterCount());
        assertEquals(94_538, spec(CifarNets.Kind.CNN_V1).trainableParameterCount());
        assertEquals(141_354, spec(CifarNets.Kind.CNN_V2).trainableParameterCount());
    }

    @Test
    void builtNetworksHaveThoseParametersAndTheNotebooksShapes() {
        MultiLayerNetwork mlp = NetBuilder.build(spec(CifarNets.Kind.MLP));
        assertEquals(789_258, mlp.numParams(), "no BatchNorm: DL4J's count equals PyTorch's");
        MultiLayerNetwork cnn = NetBuilder.build(spec(CifarNets.Kind.CNN_V1));
        assertEquals(94_538, cnn.numParams());
        GlobalPoolingLayer gap = (GlobalPoolingLayer) cnn.getLayer(8).conf().getLayer();
        assertEquals(PoolingType.AVG, gap.getPoolingType(), "AdaptiveAvgPool2d, not DL4J's default MAX");
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3 * 32 * 32);
        List<INDArray> acts = cnn.feedForward(x, false);
        // padding 1 keeps 32x32 (ConvolutionMode.Same); MaxPool2d(2) halves it. CNN_V1 runs channels-last: [N, H, W, C].
        assertArrayEquals(new long[] {2, 32, 32, 32}, acts.get(1).shape());
        assertArrayEquals(new long[] {2, 16, 16, 64}, acts.get(4).shape());
        assertArrayEquals(new long[] {2, 8, 8, 128}, acts.get(7).shape());
        assertArrayEquals(new long[] {2, 10}, cnn.output(x).shape());
        MultiLayerNetwork v2 = NetBuilder.build(spec(CifarNets.Kind.CNN_V2));
        // DL4J also stores BatchNorm's running mean and variance as parameters: 2 x (32+32+64+64+128) more.
        assertEquals(141_354 + 2 * (32 + 32 + 64 + 64 + 128), v2.numParams());
    }

    @Test
    void theSameNetsFitMnistImages() {
        NetSpec mnist = CifarNets.spec(CifarNets.Kind.CNN_V1, LayerSpec.Shape.image(1, 28, 28), 10, NetSpec.Optimizer.SGD_MOMENTUM, 0.01, 1);
        assertEquals(32 * 9 + 32 + 18_496 + 73_856 + 1_290, mnist.trainableParameterCount());
        assertEquals(784 * 256 + 256 + 2_570, CifarNets.spec(CifarNets.Kind.MLP, LayerSpec.Shape.image(1, 28, 28), 10,
                NetSpec.Optimizer.ADAM, 1e-3, 1).trainableParameterCount());
        long deeper = NetSpec.sequential(CIFAR, CifarNets.cnnV2Deeper(3), 10, NetSpec.Optimizer.ADAM, 1e-3, 1).trainableParameterCount();
        assertEquals(141_354 + 3 * (128 * 128 * 9 + 128 + 2 * 128), deeper, "three more Conv(128)-BN-ReLU blocks");
    }

    @Test
    void layersThatDoNotFitTheirInputAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetSpec.sequential(LayerSpec.Shape.flat(20),
                List.of(new LayerSpec.Conv2d(8, 3)), 2, NetSpec.Optimizer.ADAM, 1e-3, 1));
        assertEquals("Conv2d needs an image input [C, H, W], got a flat vector of 20", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetSpec.sequential(LayerSpec.Shape.image(1, 2, 2),
                List.of(new LayerSpec.MaxPool2d(2), new LayerSpec.MaxPool2d(2)), 2, NetSpec.Optimizer.ADAM, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Conv2d(8, 2));
    }
}
