package classlab.core.lesson.scratch;

import classlab.core.scratch.Affine;
import classlab.core.scratch.Layer;
import classlab.core.scratch.Param;
import classlab.core.scratch.Relu;
import classlab.core.scratch.Sigmoid;
import classlab.core.scratch.SoftmaxWithLoss;
import classlab.core.train.Nd4jSeeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The from-scratch layers and DL4J on the same weights: a 2-layer net Affine → activation →
 * Affine → SoftmaxWithLoss written with plain arrays, and DL4J's DenseLayer → OutputLayer(softmax,
 * MCXENT) in double precision with the same W and b. Compared: softmax outputs, the mean
 * cross-entropy and every gradient. DL4J's gradient is the sum over the mini-batch (its updater
 * divides by N; dl4j-javafx-notes §7), so it is divided by N here.
 */
final class Dl4jAgreement {
    /** Largest absolute difference tolerated; both sides compute in double, so differences are rounding (~1e-16). */
    static final double TOLERANCE = 1e-9;

    /** One compared quantity: its label (a message key or a parameter name) and the largest |scratch − DL4J|. */
    record Row(String quantity, double maxAbsDiff) {
        boolean agrees() { return maxAbsDiff <= TOLERANCE; }
    }

    private Dl4jAgreement() {}

    /**
     * @param activation {@code "relu"} or {@code "sigmoid"}
     * @param rows       mini-batch size N
     * @return rows for the outputs, the loss, and dW1, db1, dW2, db2
     */
    static List<Row> compare(String activation, int in, int hidden, int out, int rows, long seed) {
        Random rng = new Random(seed);
        double[] w1 = gaussian(in * hidden, rng, Math.sqrt(2.0 / in)), b1 = gaussian(hidden, rng, 0.1);
        double[] w2 = gaussian(hidden * out, rng, Math.sqrt(2.0 / hidden)), b2 = gaussian(out, rng, 0.1);
        double[][] x = new double[rows][in];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < in; j++) x[i][j] = rng.nextGaussian();
            y[i] = rng.nextInt(out);
        }

        // From scratch.
        Affine fc1 = new Affine("1", in, hidden, w1.clone(), b1.clone());
        Layer act = activation.equals("relu") ? new Relu() : new Sigmoid();
        Affine fc2 = new Affine("2", hidden, out, w2.clone(), b2.clone());
        SoftmaxWithLoss last = new SoftmaxWithLoss();
        double loss = last.forward(fc2.forward(act.forward(fc1.forward(x, true), true), true), y);
        fc1.backward(act.backward(fc2.backward(last.backward())));

        // DL4J, same weights (its W is [nIn, nOut] like ours).
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(Nd4jSeeds.of(seed)).dataType(DataType.DOUBLE).updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden)
                        .activation(activation.equals("relu") ? Activation.RELU : Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(out)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.setParam("0_W", Nd4j.create(w1, new long[] {in, hidden}, 'c'));
        net.setParam("0_b", Nd4j.create(b1, new long[] {1, hidden}, 'c'));
        net.setParam("1_W", Nd4j.create(w2, new long[] {hidden, out}, 'c'));
        net.setParam("1_b", Nd4j.create(b2, new long[] {1, out}, 'c'));
        INDArray features = Nd4j.create(x);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, rows, out);
        for (int i = 0; i < rows; i++) labels.putScalar(i, y[i], 1.0);
        INDArray probs = net.output(features, false);
        net.setInput(features);
        net.setLabels(labels);
        net.computeGradientAndScore();

        Map<String, INDArray> grads = new LinkedHashMap<>(net.gradient().gradientForVariable());
        return List.of(
                new Row("row.softmax_output", maxAbsDiff(last.probabilities(), probs.toDoubleMatrix())),
                new Row("row.loss", Math.abs(loss - net.score())),
                row(fc1.weight(), grads.get("0_W"), rows),
                row(fc1.bias(), grads.get("0_b"), rows),
                row(fc2.weight(), grads.get("1_W"), rows),
                row(fc2.bias(), grads.get("1_b"), rows));
    }

    private static Row row(Param p, INDArray dl4jSummed, int rows) {
        double[] theirs = dl4jSummed.dup('c').data().asDouble();
        double max = 0;
        for (int i = 0; i < theirs.length; i++) max = Math.max(max, Math.abs(p.grad()[i] - theirs[i] / rows));
        return new Row("dL/d" + p.name(), max);
    }

    private static double maxAbsDiff(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
        return max;
    }

    private static double[] gaussian(int n, Random rng, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = std * rng.nextGaussian();
        return v;
    }
}
