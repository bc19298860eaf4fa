package classlab.core.train.loss;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The training losses at saturated predictions, in float32 as the networks run, against PyTorch
 * 1.13. Reference numbers printed by (Debian python3-torch 1.13):
 * <pre>
 * import torch; F = torch.nn.functional
 * z = torch.tensor([30., -30., 100., -100., 30., -30., 100., -100.], requires_grad=True)
 * y = torch.tensor([0., 1., 0., 1., 1., 0., 1., 0.])
 * l = F.binary_cross_entropy(torch.sigmoid(z), y, reduction='none'); l.sum().backward(); print(l, z.grad)
 * # BCEWithLogits: F.binary_cross_entropy_with_logits(z, y, reduction='none'), same way
 * F.binary_cross_entropy(torch.tensor([0., 1., 0., 1.]), torch.tensor([1., 0., 0., 1.]), reduction='none')
 * F.cross_entropy(torch.tensor([[30., 0.]]), torch.tensor([1]))   # 30.0, grad [[1, -1]]
 * F.cross_entropy(torch.tensor([[30.,0,0],[-30,0,0],[100,0,0],[-100,0,0],[100,-100,0]]),
 *                 torch.tensor([1,0,1,0,1]), reduction='none')   # 30, 30.6931, 100, 100.6931, 200
 * </pre>
 */
class SaturatedLossEdgeTest {
    private static final double[] Z = {30, -30, 100, -100, 30, -30, 100, -100};
    private static final double[] Y = {0, 1, 0, 1, 1, 0, 1, 0};

    private static INDArray column(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT).reshape(v.length, 1);
    }

    private static void assertPerExample(double[] expected, ILossFunction loss, INDArray y, INDArray z, IActivation act) {
        INDArray scores = loss.computeScoreArray(y, z, act, null);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], scores.getDouble(i), 1e-4 * Math.max(1, expected[i]), "loss of example " + i);
        }
    }

    private static void assertGradient(double[] expected, ILossFunction loss, INDArray y, INDArray z, IActivation act) {
        INDArray g = loss.computeGradient(y, z, act, null);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], g.getDouble(i), 1e-6 + 1e-4 * Math.abs(expected[i]), "gradient of example " + i);
        }
    }

    @Test
    void sigmoidBceClampsLogAtMinus100LikePyTorch() {
        // DL4J's LossBinaryXENT gives 11.51 for each of the certain misses
        assertPerExample(new double[]{100, 30, 100, 100, 0, 0, 0, 0}, new BceLoss(), column(Y), column(Z), new ActivationSigmoid());
        // PyTorch: (p − y)/max(p(1−p), 1e-12) · p(1−p); at z = −30, y = 1: −1e12 · 9.3576e-14
        assertGradient(new double[]{0, -0.09357624, 0, 0, 0, 8.7565e-15, 0, 0}, new BceLoss(), column(Y), column(Z),
                new ActivationSigmoid());
    }

    @Test
    void bceOnProbabilitiesZeroAndOneCosts100() {
        assertPerExample(new double[]{100, 100, 0, 0}, new BceLoss(), column(1, 0, 0, 1), column(0, 1, 0, 1),
                new ActivationIdentity());
    }

    @Test
    void bceWithLogitsIsExactAtTheEdges() {
        assertPerExample(new double[]{30, 30, 100, 100, 0, 0, 0, 0}, new BceWithLogitsLoss(), column(Y), column(Z),
                new ActivationIdentity());
        assertGradient(new double[]{1, -1, 1, -1, 0, 0, 0, 0}, new BceWithLogitsLoss(), column(Y), column(Z),
                new ActivationIdentity());
    }

    /** The training step's fused score and gradient (libnd4j's sigm_cross_entropy_loss) equal the separate ones. */
    @Test
    void bceWithLogitsScoreAndGradientTogetherEqualTheSeparateOnes() {
        double[] z = {30, -30, 100, -100, 30, -30, 100, -100, 0, 0.5, -2, 1e4};
        double[] y = {0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0.25, 1};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray zs = Nd4j.createFromArray(z).castTo(type).reshape(z.length, 1);
            INDArray ys = Nd4j.createFromArray(y).castTo(type).reshape(y.length, 1);
            BceWithLogitsLoss loss = new BceWithLogitsLoss();
            var both = loss.computeGradientAndScore(ys, zs, new ActivationIdentity(), null, true);
            double separate = loss.computeScore(ys, zs, new ActivationIdentity(), null, true);
            assertEquals(separate, both.getFirst(), 1e-5 * separate, type + " score");
            INDArray g = loss.computeGradient(ys, zs, new ActivationIdentity(), null);
            for (int i = 0; i < z.length; i++) {
                assertEquals(g.getDouble(i), both.getSecond().getDouble(i), 1e-7, type + " gradient " + i);
            }
            assertEquals(z[1], zs.getDouble(1), 0, "the logits are not changed");
        }
    }

    @Test
    void softmaxCrossEntropyUsesLogSoftmaxOfTheLogits() {
        // rows: logits, target, PyTorch loss; DL4J's LossMCXENT reports 23.03 for the first row
        double[][] logits = {{30, 0, 0}, {-30, 0, 0}, {100, 0, 0}, {-100, 0, 0}, {100, -100, 0}};
        int[] targets = {1, 0, 1, 0, 1};
        double[] expected = {30.0, 30.6931, 100.0, 100.6931, 200.0};
        INDArray z = Nd4j.createFromArray(logits).castTo(DataType.FLOAT);
        INDArray y = Nd4j.zeros(DataType.FLOAT, logits.length, 3);
        for (int i = 0; i < targets.length; i++) y.putScalar(i, targets[i], 1);
        assertPerExample(expected, new SoftmaxCrossEntropyLoss(), y, z, new ActivationSoftmax());
        INDArray two = Nd4j.createFromArray(new double[][]{{30, 0}}).castTo(DataType.FLOAT);
        INDArray wrong = Nd4j.createFromArray(new double[][]{{0, 1}}).castTo(DataType.FLOAT);
        assertEquals(30.0, new SoftmaxCrossEntropyLoss().computeScore(wrong, two, new ActivationSoftmax(), null, true), 1e-4);
        INDArray g = new SoftmaxCrossEntropyLoss().computeGradient(wrong, two, new ActivationSoftmax(), null);
        assertEquals(1.0, g.getDouble(0, 0), 1e-6);
        assertEquals(-1.0, g.getDouble(0, 1), 1e-6);
    }
}
