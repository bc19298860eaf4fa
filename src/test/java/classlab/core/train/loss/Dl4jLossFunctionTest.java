package classlab.core.train.loss;

import classlab.core.metrics.ReferenceJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.Arrays;

import static classlab.core.metrics.ReferenceJson.assertRelClose;
import static classlab.core.metrics.ReferenceJson.doubles;
import static classlab.core.metrics.ReferenceJson.ints;
import static classlab.core.metrics.ReferenceJson.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DL4J loss functions: scores vs PyTorch, gradients vs finite differences, JSON round trip. */
class Dl4jLossFunctionTest {
    private static final double REL = 1e-6;
    private static DataType previousType;
    private static JsonNode ref;

    @BeforeAll
    static void doublePrecision() {
        previousType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        ref = ReferenceJson.load("losses.json");
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousType, previousType);
    }

    private static INDArray oneHot(int[] targets, int k) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, targets.length, k);
        for (int i = 0; i < targets.length; i++) y.putScalar(i, targets[i], 1.0);
        return y;
    }

    @Test
    void softmaxCrossEntropyScoresEqualPyTorch() {
        JsonNode batch = ref.get("batch");
        double[][] logitRows = matrix(batch.get("logits"));
        int[] targets = ints(batch.get("targets"));
        INDArray logits = Nd4j.createFromArray(logitRows);
        INDArray labels = oneHot(targets, 10);
        ActivationSoftmax softmax = new ActivationSoftmax();
        double[] weights = doubles(ref.get("class_weights").get("weights"));

        assertRelClose(batch.get("ce").asDouble(),
                new SoftmaxCrossEntropyLoss().computeScore(labels, logits, softmax, null, true), REL, "ce");
        assertRelClose(batch.get("ce_smooth_0.1").asDouble(),
                new SoftmaxCrossEntropyLoss(null, 0.1).computeScore(labels, logits, softmax, null, true), REL, "ce eps 0.1");
        assertRelClose(batch.get("ce_smooth_0.2").asDouble(),
                new SoftmaxCrossEntropyLoss(null, 0.2).computeScore(labels, logits, softmax, null, true), REL, "ce eps 0.2");
        SoftmaxCrossEntropyLoss weighted = new SoftmaxCrossEntropyLoss(weights, 0.0);
        double weightedCe = ref.get("class_weights").get("weighted_ce").asDouble();
        assertRelClose(weightedCe, weighted.computeScore(labels, logits, softmax, null, true), REL, "weighted ce");
        // DL4J's output layer uses average=false and divides by N itself
        assertRelClose(weightedCe, weighted.computeScore(labels, logits, softmax, null, false) / targets.length, REL,
                "weighted ce via the network's convention");
        // weights and smoothing together: PyTorch's formula as written out in Losses
        assertRelClose(Losses.crossEntropy(logitRows, targets, weights, 0.1),
                new SoftmaxCrossEntropyLoss(weights, 0.1).computeScore(labels, logits, softmax, null, true), REL,
                "weighted ce eps 0.1");
    }

    @Test
    void perExampleMaskDropsExamplesFromNumeratorAndDenominator() {
        JsonNode batch = ref.get("batch");
        double[][] logitRows = matrix(batch.get("logits"));
        int[] targets = ints(batch.get("targets"));
        double[] weights = doubles(ref.get("class_weights").get("weights"));
        INDArray mask = Nd4j.ones(DataType.DOUBLE, targets.length, 1);
        for (int i = 32; i < targets.length; i++) mask.putScalar(i, 0, 0.0);
        double[][] firstHalf = Arrays.copyOf(logitRows, 32);
        int[] firstTargets = Arrays.copyOf(targets, 32);
        double masked = new SoftmaxCrossEntropyLoss(weights, 0.1).computeScore(oneHot(targets, 10),
                Nd4j.createFromArray(logitRows), new ActivationSoftmax(), mask, false);
        // the network divides by the full batch size 64
        assertRelClose(Losses.crossEntropy(firstHalf, firstTargets, weights, 0.1), masked / 64, REL, "masked score");
    }

    @Test
    void bceWithLogitsScoreEqualsPyTorchAndStaysExactWhenSaturated() {
        JsonNode bin = ref.get("binary");
        INDArray logits = Nd4j.createFromArray(doubles(bin.get("logits"))).reshape(-1, 1);
        INDArray labels = Nd4j.createFromArray(doubles(bin.get("targets"))).reshape(-1, 1);
        BceWithLogitsLoss loss = new BceWithLogitsLoss();
        assertRelClose(bin.get("bce_with_logits").asDouble(),
                loss.computeScore(labels, logits, new ActivationIdentity(), null, true), REL, "bce with logits");
        // notes §8.2: logit 20 with label 0 costs 20 and keeps gradient 1
        INDArray z = Nd4j.createFromArray(new double[]{20.0}).reshape(1, 1);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        assertEquals(20.0, loss.computeScore(y, z, new ActivationIdentity(), null, true), 1e-8);
        assertEquals(1.0, loss.computeGradient(y, z, new ActivationIdentity(), null).getDouble(0), 1e-8);
    }

    @Test
    void softmaxLossRejectsOtherActivations() {
        INDArray z = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SoftmaxCrossEntropyLoss().computeScore(z, z, new ActivationSigmoid(), null, true));
        assertTrue(e.getMessage().contains("SOFTMAX"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropyLoss(new double[]{1, -1}, 0));
    }

    private static MultiLayerNetwork tinyNet(ILossFunction loss, Activation outputActivation, int nOut, double lr) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.DOUBLE).updater(new Sgd(lr)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder().nIn(4).nOut(nOut).activation(outputActivation).lossFunction(loss).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Central differences of net.score() for every parameter. */
    private static double[] numericalGradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        double h = 1e-6;
        INDArray params = net.params().dup();
        double[] grad = new double[(int) params.length()];
        for (int i = 0; i < grad.length; i++) {
            double original = params.getDouble(i);
            params.putScalar(i, original + h);
            net.setParams(params);
            double plus = scoreOf(net, x, y);
            params.putScalar(i, original - h);
            net.setParams(params);
            double minus = scoreOf(net, x, y);
            params.putScalar(i, original);
            grad[i] = (plus - minus) / (2 * h);
        }
        net.setParams(params);
        return grad;
    }

    private static double scoreOf(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.score();
    }

    /**
     * Measured DL4J convention: after computeGradientAndScore, net.gradient() holds the gradient
     * summed over the batch, i.e. N × d(net.score())/dθ; the updater divides by N. Checked here for
     * weighted + smoothed cross-entropy, where a gradient that ignored the N / Σw_y factor would
     * be off by that factor.
     */
    @Test
    void softmaxLossGradientMatchesFiniteDifferencesOfTheNetworkScore() {
        int n = 6;
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 3).subi(0.5).muli(4);
        INDArray y = oneHot(new int[]{0, 1, 2, 2, 1, 2}, 3);
        double[] weights = {0.5, 2.0, 1.5};
        MultiLayerNetwork net = tinyNet(new SoftmaxCrossEntropyLoss(weights, 0.1), Activation.SOFTMAX, 3, 0.1);

        double score = scoreOf(net, x, y);
        double[] analytic = net.gradient().gradient().dup().toDoubleVector();
        double[] numeric = numericalGradient(net, x, y);
        for (int i = 0; i < numeric.length; i++) {
            assertEquals(n * numeric[i], analytic[i], 1e-6 * Math.max(1, Math.abs(analytic[i])), "parameter " + i);
        }

        // the network score is PyTorch's mean on the output layer's logits
        INDArray hidden = net.feedForwardToLayer(0, x, false).get(1);
        INDArray logits = hidden.mmul(net.getParam("1_W")).addiRowVector(net.getParam("1_b"));
        double[][] rows = logits.toDoubleMatrix();
        assertRelClose(Losses.crossEntropy(rows, new int[]{0, 1, 2, 2, 1, 2}, weights, 0.1), score, REL, "network score");
    }

    /**
     * The output layer's combined call (one dot product for the score, the gradient written over the
     * exponentials) gives the numbers of the separate calls, for plain, weighted + smoothed and masked
     * losses, in float and double, with labels and logits that are row views of larger arrays (as a
     * mini-batch of the shuffled training rows is).
     */
    @Test
    void softmaxGradientAndScoreTogetherEqualTheSeparateCalls() {
        for (DataType type : new DataType[]{DataType.DOUBLE, DataType.FLOAT}) {
            INDArray allLogits = Nd4j.rand(type, 12, 4).subi(0.5).muli(6);
            INDArray allLabels = oneHot(new int[]{0, 1, 2, 3, 3, 2, 1, 0, 1, 2, 0, 3}, 4).castTo(type);
            INDArray logits = allLogits.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 9), org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray labels = allLabels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 9), org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray mask = Nd4j.ones(type, 7, 1);
            mask.putScalar(3, 0, 0.0);
            double tol = type == DataType.FLOAT ? 1e-5 : 1e-12;
            for (SoftmaxCrossEntropyLoss loss : new SoftmaxCrossEntropyLoss[]{new SoftmaxCrossEntropyLoss(),
                    new SoftmaxCrossEntropyLoss(new double[]{0.5, 2.0, 1.5, 1.0}, 0.1)}) {
                for (INDArray m : new INDArray[]{null, mask}) {
                    ActivationSoftmax softmax = new ActivationSoftmax();
                    var both = loss.computeGradientAndScore(labels, logits, softmax, m, false);
                    double score = loss.computeScore(labels, logits, softmax, m, false);
                    INDArray gradient = loss.computeGradient(labels, logits, softmax, m);
                    String what = type + " " + loss + " mask=" + (m != null);
                    assertEquals(score, both.getFirst(), tol * Math.abs(score), what);
                    assertTrue(gradient.equalsWithEps(both.getSecond(), tol), what + ": " + gradient + " vs " + both.getSecond());
                }
            }
        }
    }

    @Test
    void oneSgdStepMovesParametersByLearningRateTimesMeanGradient() {
        int n = 6;
        double lr = 0.05;
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 3).subi(0.5).muli(4);
        INDArray y = oneHot(new int[]{2, 1, 0, 0, 1, 2}, 3);
        MultiLayerNetwork net = tinyNet(new SoftmaxCrossEntropyLoss(new double[]{3, 1, 1}, 0.2), Activation.SOFTMAX, 3, lr);
        double[] numeric = numericalGradient(net, x, y);
        double[] before = net.params().dup().toDoubleVector();
        net.fit(new DataSet(x, y));
        double[] after = net.params().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertEquals(-lr * numeric[i], after[i] - before[i], 1e-8, "update of parameter " + i);
        }
    }

    @Test
    void bceWithLogitsGradientMatchesFiniteDifferences() {
        assertBinaryGradientMatchesFiniteDifferences(new BceWithLogitsLoss(), Activation.IDENTITY);
    }

    @Test
    void sigmoidBceGradientMatchesFiniteDifferences() {
        assertBinaryGradientMatchesFiniteDifferences(new BceLoss(), Activation.SIGMOID);
    }

    private static void assertBinaryGradientMatchesFiniteDifferences(ILossFunction loss, Activation output) {
        int n = 5;
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 3).subi(0.5).muli(4);
        INDArray y = Nd4j.createFromArray(new double[]{1, 0, 0, 1, 1}).reshape(n, 1);
        MultiLayerNetwork net = tinyNet(loss, output, 1, 0.1);
        scoreOf(net, x, y);
        double[] analytic = net.gradient().gradient().dup().toDoubleVector();
        double[] numeric = numericalGradient(net, x, y);
        for (int i = 0; i < numeric.length; i++) {
            assertEquals(n * numeric[i], analytic[i], 1e-6 * Math.max(1, Math.abs(analytic[i])), "parameter " + i);
        }
    }

    @Test
    void lossesSurviveJsonConfigRoundTrip() {
        SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss(new double[]{0.5, 2.0, 1.5}, 0.1);
        MultiLayerConfiguration conf = tinyNet(ce, Activation.SOFTMAX, 3, 0.1).getLayerWiseConfigurations();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        ILossFunction back = ((OutputLayer) restored.getConf(1).getLayer()).getLossFn();
        assertEquals(ce, back);
        assertEquals(ce.hashCode(), back.hashCode());
        assertNotEquals(new SoftmaxCrossEntropyLoss(), back);

        MultiLayerConfiguration bce = tinyNet(new BceWithLogitsLoss(), Activation.IDENTITY, 1, 0.1).getLayerWiseConfigurations();
        ILossFunction bceBack = ((OutputLayer)
                MultiLayerConfiguration.fromJson(bce.toJson()).getConf(1).getLayer()).getLossFn();
        assertEquals(new BceWithLogitsLoss(), bceBack);
    }
}
