package classlab.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link ReLUActivation} gives DL4J's ReLU forward values and {@code relu_bp} gradients, also at z = 0. */
class ReLUActivationTest {

    @Test
    void matchesDl4jsReluForwardAndBackward() {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5);
        z.putScalar(new long[] {0, 0, 0, 0}, 0f);   // the boundary: gradient 0, as PyTorch's threshold_backward
        INDArray eps = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5);
        float[] expectedOut = new ActivationReLU().getActivation(z.dup(), true).data().asFloat();
        float[] expectedGrad = new ActivationReLU().backprop(z.dup(), eps.dup()).getFirst().data().asFloat();
        float[] out = new ReLUActivation().getActivation(z.dup(), true).data().asFloat();
        float[] grad = new ReLUActivation().backprop(z.dup(), eps.dup()).getFirst().data().asFloat();
        assertArrayEquals(expectedOut, out);
        // -0.0 (eps · 0) and 0.0 are the same gradient
        for (int i = 0; i < grad.length; i++) grad[i] += 0f;
        assertArrayEquals(expectedGrad, grad);
    }
}
