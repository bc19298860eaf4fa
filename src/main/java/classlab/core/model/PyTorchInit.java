package classlab.core.model;

import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's default bias initialisation, which DL4J lacks: {@code nn.Linear} and {@code nn.Conv2d}
 * draw each bias from U(−1/√fan_in, 1/√fan_in) ({@code reset_parameters}), DL4J sets biases to a
 * constant (0). Weights need nothing: DL4J's {@code WeightInit.UNIFORM} is already U(±1/√fan_in),
 * PyTorch's {@code kaiming_uniform_(a=√5)}. A BatchNorm right after a layer cancels that layer's
 * bias, so this matters most for the output layer and for networks without BatchNorm.
 */
public final class PyTorchInit {
    private PyTorchInit() {}

    /**
     * Draws every dense, output and convolution bias of {@code net} (after {@code net.init()}) from
     * U(−1/√fan_in, 1/√fan_in) with a {@link Random} seeded by {@code seed}; fan_in = nIn × kernel area.
     */
    public static void biases(MultiLayerNetwork net, long seed) {
        Random rng = new Random(seed ^ 0x5DEECE66DL);
        for (Layer layer : net.getLayers()) {
            if (!(layer.conf().getLayer() instanceof FeedForwardLayer ff) || !layer.paramTable().containsKey("b")) continue;
            long fanIn = ff.getNIn();
            if (ff instanceof ConvolutionLayer conv) fanIn *= (long) conv.getKernelSize()[0] * conv.getKernelSize()[1];
            double bound = 1.0 / Math.sqrt(fanIn);
            INDArray b = layer.getParam("b");
            for (long i = 0; i < b.length(); i++) b.putScalar(i, (rng.nextDouble() * 2 - 1) * bound);
        }
    }
}
