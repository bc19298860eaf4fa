package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.LabeledData;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** Two Gaussian blobs in 10 dimensions, separable. */
    private static LabeledData blobs(int n, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[n][10];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 10; j++) x[i][j] = (float) (rng.nextGaussian() + (y[i] == 1 ? 1.5 : -1.5));
        }
        return new LabeledData(x, y, 2, new String[] {"a", "b"});
    }

    private static double[] train(long seed, int epochs) {
        NetSpec spec = NetSpec.mlp(10, List.of(16), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, 0.01, seed)
                .withDropout(0.2);
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 16, seed);
        Batches data = Batches.of(blobs(200, 7), Batches.LabelEncoding.ONE_HOT);
        double[] losses = new double[epochs];
        for (int e = 0; e < epochs; e++) losses[e] = trainer.fitEpoch(data);
        return losses;
    }

    @Test
    void theSameSeedGivesTheSameCurve() {
        assertArrayEquals(train(5, 4), train(5, 4), 0.0);
    }

    @Test
    void aDifferentSeedGivesADifferentCurve() {
        double[] a = train(5, 2);
        double[] b = train(6, 2);
        assertTrue(a[0] != b[0] || a[1] != b[1]);
    }

    @Test
    void lossFallsAndAccuracyIsHighOnSeparableData() {
        double[] losses = train(1, 10);
        assertTrue(losses[9] < losses[0] * 0.5, java.util.Arrays.toString(losses));
    }

    @Test
    void miniBatchesAdvanceIterationsAndTheEpochCounter() {
        MultiLayerNetwork net = NetBuilder.build(NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.SGD, 0.1, 1));
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 32, 1);
        Batches data = Batches.of(blobs(100, 1), Batches.LabelEncoding.ONE_HOT);
        trainer.fitEpoch(data);
        assertEquals(4, trainer.iteration(), "100 rows at batch 32 = 4 iterations");
        assertEquals(1, trainer.epoch());
        assertEquals(1, net.getEpochCount());
    }

    @Test
    void anExplodingLearningRateStopsWithDivergence() {
        NetSpec spec = NetSpec.mlp(10, List.of(16), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.SGD, 1e30, 1);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 0, 1);
        Batches data = Batches.of(blobs(100, 2), Batches.LabelEncoding.BINARY_COLUMN);
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 20; i++) trainer.fitEpoch(data);
        });
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }
}
