package classlab.core.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.metrics.ReferenceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every layer's backward against central differences (double precision), and the layers' documented behaviour. */
class ScratchLayersTest {
    private static final double TOLERANCE = 1e-6;

    private static double[][] randn(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return x;
    }

    private static void assertChecked(Map<String, Double> errors, String... arrays) {
        assertEquals(java.util.List.of(arrays), java.util.List.copyOf(errors.keySet()));
        errors.forEach((k, e) -> assertTrue(e < TOLERANCE, k + ": relative error " + e));
    }

    @Test
    void everyLayersBackwardMatchesCentralDifferences() {
        double[][] x = randn(6, 5, 1);
        assertChecked(GradientCheck.layer(new Sigmoid(), x, 2), "x");
        // ReLU's kink: keep inputs away from 0 by more than the difference step.
        double[][] away = randn(6, 5, 3);
        for (double[] row : away) for (int j = 0; j < row.length; j++) if (Math.abs(row[j]) < 0.01) row[j] = 0.5;
        assertChecked(GradientCheck.layer(new Relu(), away, 4), "x");
        Random r = new Random(5);
        double[] w = new double[5 * 3], b = new double[3];
        for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian();
        assertChecked(GradientCheck.layer(new Affine("1", 5, 3, w, b), x, 6), "x", "w1", "b1");
        for (Dropout.Variant v : Dropout.Variant.values()) {
            assertChecked(GradientCheck.layer(new Dropout(0.4, v, 7), x, 8), "x");
        }
        BatchNorm bn = new BatchNorm("1", 5, 0.1);
        for (int j = 0; j < 5; j++) { bn.gamma().value()[j] = 1 + 0.3 * j; bn.beta().value()[j] = -0.2 * j; }
        assertChecked(GradientCheck.layer(bn, x, 9), "x", "gamma1", "beta1");
        assertTrue(GradientCheck.softmaxWithLoss(randn(6, 4, 10), new int[] {0, 3, 1, 2, 2, 0}) < TOLERANCE);
    }

    @Test
    void aWholeTwoLayerNetMatchesCentralDifferences() {
        for (ScratchNet.Activation a : ScratchNet.Activation.values()) {
            ScratchNet net = new ScratchNet(new int[] {6, 5, 3}, a, WeightInit.HE, Optimizers.create("sgd", 0.1), 11);
            assertChecked(GradientCheck.network(net, randn(8, 6, 12), new int[] {0, 1, 2, 0, 1, 2, 2, 1}), "w1", "b1", "w2", "b2");
        }
    }

    @Test
    void aWrongBackwardIsCaught() {
        Layer halfSigmoid = new Layer() {
            private final Sigmoid s = new Sigmoid();
            @Override public double[][] forward(double[][] x, boolean train) { return s.forward(x, train); }
            @Override public double[][] backward(double[][] dout) {
                double[][] dx = s.backward(dout);
                for (double[] row : dx) for (int j = 0; j < row.length; j++) row[j] *= 0.5;
                return dx;
            }
        };
        assertTrue(GradientCheck.layer(halfSigmoid, randn(4, 3, 1), 2).get("x") > 0.1);
    }

    @Test
    void bothDropoutVariantsKeepTheExpectedValueOfTrainingEqualToInference() {
        double[][] ones = new double[200][100];
        for (double[] row : ones) java.util.Arrays.fill(row, 1.0);
        for (Dropout.Variant v : Dropout.Variant.values()) {
            Dropout d = new Dropout(0.3, v, 1);
            double train = mean(d.forward(ones, true));
            double eval = mean(d.forward(ones, false));
            assertEquals(eval, train, 0.01, v + ": E[training output] = inference output");
            assertEquals(v == Dropout.Variant.INVERTED ? 1.0 : 0.7, eval, 1e-12, v + " scales at " + (v == Dropout.Variant.INVERTED ? "training" : "test") + " time");
        }
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0, Dropout.Variant.INVERTED, 1));
    }

    @Test
    void batchNormEqualsPyTorchsBatchNorm1d() {
        JsonNode ref = ReferenceJson.load("batchnorm.json");
        double[][] x = matrix(ref.get("x"));
        BatchNorm bn = new BatchNorm("1", x[0].length, ref.get("momentum").asDouble());
        assertEquals(ref.get("eps").asDouble(), BatchNorm.EPS);
        assertMatrix(matrix(ref.get("train_out")), bn.forward(x, true), 1e-5);
        assertArrayEquals(ReferenceJson.doubles(ref.get("running_mean_after_one_step")), bn.runningMean(), 1e-5);
        assertArrayEquals(ReferenceJson.doubles(ref.get("running_var_after_one_step")), bn.runningVar(), 1e-5);
        assertMatrix(matrix(ref.get("eval_out_after_one_step")), bn.forward(x, false), 1e-5);
    }

    @Test
    void softmaxWithLossIsTheMeanCrossEntropy() {
        SoftmaxWithLoss s = new SoftmaxWithLoss();
        // logits [ln 1, ln 3]: p = [0.25, 0.75]; labels 1 and 0 → (−ln 0.75 − ln 0.25) / 2
        double loss = s.forward(new double[][] {{0, Math.log(3)}, {0, Math.log(3)}}, new int[] {1, 0});
        assertEquals((-Math.log(0.75) - Math.log(0.25)) / 2, loss, 1e-12);
        assertArrayEquals(new double[] {0.25, 0.75}, s.probabilities()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.forward(new double[][] {{0, 1}}, new int[] {2}));
    }

    private static double mean(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v;
        return s / (a.length * a[0].length);
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) m[i] = ReferenceJson.doubles(rows.get(i));
        return m;
    }

    private static void assertMatrix(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], tol, "row " + i);
    }
}
