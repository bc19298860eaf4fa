package classlab.core.lesson.bngradients;

import classlab.core.metrics.ReferenceJson;
import static classlab.core.metrics.ReferenceJson.doubles;
import static classlab.core.metrics.ReferenceJson.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.testsupport.Close;
import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's BatchNormalization against PyTorch's BatchNorm1d (../shared/reference/batchnorm.json,
 * tolerance 1e-5): training-mode output, running statistics after one step, evaluation output.
 * The running variance differs by convention (DL4J: biased batch variance, PyTorch: unbiased);
 * {@link BatchNormStats#toPyTorchRunningVariance} converts and is checked here.
 */
class BatchNormReferenceTest {
    private static final double TOL = 1e-5;

    @ParameterizedTest(name = "useLogStd={0}")
    @ValueSource(booleans = {true, false})
    void matchesPyTorchBatchNorm1d(boolean useLogStd) throws Exception {
        JsonNode ref = ReferenceJson.load("batchnorm.json");
        double[][] xRows = matrix(ref.get("x"));
        int n = xRows.length;
        double eps = ref.get("eps").asDouble();
        double decay = 1 - ref.get("momentum").asDouble();
        INDArray x = Nd4j.create(xRows).castTo(DataType.DOUBLE);
        MultiLayerNetwork net = batchNormNet(xRows[0].length, eps, decay, useLogStd);

        // Training mode: normalised with the batch's own (biased) statistics.
        assertClose(matrix(ref.get("train_out")), net.feedForwardToLayer(0, x, true).get(1).dup().toDoubleMatrix(), "train_out");

        // One fit step updates the running statistics once; Sgd(0) leaves gamma = 1 and beta = 0 as in the reference.
        net.fit(new DataSet(x, Nd4j.zeros(DataType.DOUBLE, n, 1)));
        var bn = net.getLayer(0);
        assertClose(doubles(ref.get("running_mean_after_one_step")), BatchNormStats.runningMean(bn), "running mean");

        double[] varDl4j = BatchNormStats.runningVariance(bn);
        double[] biasedBatchVar = x.var(false, 0).toDoubleVector();
        for (int f = 0; f < varDl4j.length; f++) {
            // DL4J M2.1 averages the BIASED batch variance (this line fails if a DL4J version switches convention).
            assertEquals(decay * 1 + (1 - decay) * biasedBatchVar[f], varDl4j[f], TOL * Math.max(1, varDl4j[f]), "DL4J running var " + f);
        }
        double[] refVar = doubles(ref.get("running_var_after_one_step"));
        assertTrue(Math.abs(varDl4j[0] - refVar[0]) > 1e-3, "DL4J's raw running var is expected to differ from PyTorch's");
        double[] converted = BatchNormStats.toPyTorchRunningVariance(varDl4j, 1, n, decay);
        assertClose(refVar, converted, "running var converted to PyTorch's convention");

        // Evaluation mode with DL4J's own statistics: (x − mean) / sqrt(var + eps).
        double[] mean = BatchNormStats.runningMean(bn);
        double[][] evalOwn = net.feedForwardToLayer(0, x, false).get(1).dup().toDoubleMatrix();
        double[][] expectedOwn = new double[n][mean.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < mean.length; f++) expectedOwn[i][f] = (xRows[i][f] - mean[f]) / Math.sqrt(varDl4j[f] + eps);
        }
        assertClose(expectedOwn, evalOwn, "eval output with DL4J's running stats");

        // With PyTorch's running variance put in, DL4J's evaluation output is PyTorch's.
        setRunningVariance(bn, converted, useLogStd);
        assertClose(matrix(ref.get("eval_out_after_one_step")), net.feedForwardToLayer(0, x, false).get(1).dup().toDoubleMatrix(),
                "eval_out_after_one_step");
    }

    private static MultiLayerNetwork batchNormNet(int features, double eps, double decay, boolean useLogStd) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).updater(new Sgd(0.0)).seed(1).list()
                .layer(new BatchNormalization.Builder().nIn(features).nOut(features).eps(eps).decay(decay).useLogStd(useLogStd).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(features).nOut(1).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static void setRunningVariance(org.deeplearning4j.nn.api.Layer bn, double[] var, boolean useLogStd) {
        if (useLogStd) {
            double[] logStd = new double[var.length];
            for (int i = 0; i < var.length; i++) logStd[i] = Math.log10(Math.sqrt(var[i]));
            bn.setParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, Nd4j.create(logStd));
        } else {
            bn.setParam(BatchNormalizationParamInitializer.GLOBAL_VAR, Nd4j.create(var));
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        Close.assertClose(expected, actual, TOL, what);
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        Close.assertClose(expected, actual, TOL, what);
    }
}
