package classlab.core.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BatchNormProbeTest {
    @Test
    void standaloneTrainingModeNormalisesEachFeature() {
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.randn(DataType.FLOAT, 256, 128).muli(5).addi(3);
        BatchNormProbe.PrePost r = BatchNormProbe.standalone(x, true);
        double[] mean = BatchNormProbe.featureMeans(r.post());
        double[] std = BatchNormProbe.featureStds(r.post(), false);
        for (int j = 0; j < 128; j++) {
            assertEquals(0.0, mean[j], 1e-4, "post-BN mean of feature " + j);
            assertEquals(1.0, std[j], 1e-3, "post-BN std of feature " + j);
        }
        double[] preMean = BatchNormProbe.featureMeans(r.pre());
        assertEquals(3.0, java.util.Arrays.stream(preMean).average().orElseThrow(), 0.2);
    }

    @Test
    void standaloneInferenceModeWithFreshStatisticsBarelyChangesTheInput() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 16, 4).muli(5).addi(3);
        BatchNormProbe.PrePost r = BatchNormProbe.standalone(x, false);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 4; j++) assertEquals(r.pre()[i][j] / Math.sqrt(1 + 1e-5), r.post()[i][j], 1e-4);
        }
    }

    @Test
    void networkLayerPostIsTheTrueBnOutputNotTheReluAlias() {
        NetSpec spec = NetSpec.mlp(30, List.of(40), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.ADAM, 1e-3, 7).withBatchNorm(true);
        MultiLayerNetwork net = NetBuilder.build(spec);
        int bn = NetBuilder.hiddenBlocks(spec).get(0).batchNorm();
        INDArray probe = Nd4j.rand(DataType.FLOAT, 64, 30);
        BatchNormProbe.PrePost train = BatchNormProbe.of(net, bn, probe, true);
        // Independent recomputation from the pre-BN values with the batch's (biased) statistics.
        double[] mean = BatchNormProbe.featureMeans(train.pre());
        double[] std = BatchNormProbe.featureStds(train.pre(), false);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 40; j++) {
                double expected = (train.pre()[i][j] - mean[j]) / Math.sqrt(std[j] * std[j] + 1e-5);
                assertEquals(expected, train.post()[i][j], 1e-3);
            }
        }
        BatchNormProbe.PrePost eval = BatchNormProbe.of(net, bn, probe, false);
        double min = java.util.Arrays.stream(eval.postFlat()).min().orElseThrow();
        assertTrue(min < 0, "eval-mode BN output must keep negative values (the ReLU alias would be >= 0), min " + min);
        BatchNormProbe.Parameters p = BatchNormProbe.parameters(net, bn);
        assertEquals(1.0, p.gamma()[0], 1e-6);
        assertEquals(0.0, p.runningMean()[0], 1e-6);
        assertEquals(1.0, p.runningVariance()[0], 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchNormProbe.of(net, 0, probe, true));
        assertTrue(e.getMessage().contains("not BatchNormalization"));
    }
}
