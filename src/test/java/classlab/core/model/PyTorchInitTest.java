package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** Biases as PyTorch's nn.Linear draws them: U(±1/√fan_in), not DL4J's zeros; the same seed gives the same net. */
class PyTorchInitTest {
    @Test
    void biasesAreUniformWithinOneOverRootFanIn() {
        NetSpec spec = NetSpec.mlp(784, List.of(64), NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, 1e-3, 5);
        MultiLayerNetwork net = NetBuilder.build(spec);
        double[] hidden = net.getLayer(0).getParam("b").toDoubleVector();
        double[] output = net.getLayer(1).getParam("b").toDoubleVector();
        double hiddenBound = 1 / Math.sqrt(784), outputBound = 1 / Math.sqrt(64);
        double maxHidden = 0, maxOutput = 0;
        for (double b : hidden) maxHidden = Math.max(maxHidden, Math.abs(b));
        for (double b : output) maxOutput = Math.max(maxOutput, Math.abs(b));
        assertTrue(maxHidden <= hiddenBound && maxHidden > 0.8 * hiddenBound, "hidden biases up to " + maxHidden);
        assertTrue(maxOutput <= outputBound && maxOutput > 0.5 * outputBound, "output biases up to " + maxOutput);
        assertArrayEquals(output, NetBuilder.build(spec).getLayer(1).getParam("b").toDoubleVector(), 0.0);
    }
}
