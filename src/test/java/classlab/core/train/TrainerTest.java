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

    private static Trainer batchNormTrainer(int batch, List<String> notes) {
        NetSpec spec = NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, 0.01, 3)
                .withBatchNorm(true);
        return new Trainer(NetBuilder.build(spec), RunControl.unattended(new MetricLog(), notes::add), batch, 3)
                .batchSizeParam("bn_effect_batch_size");
    }

    /** Issue 12 kind 1: PyTorch refuses BatchNorm on batches of one; so does the trainer, naming the parameter. */
    @Test
    void batchNormRefusesBatchesOfOneNamingTheParameter() {
        Batches data = Batches.of(blobs(20, 7), Batches.LabelEncoding.ONE_HOT);
        classlab.core.UserException e = assertThrows(classlab.core.UserException.class,
                () -> batchNormTrainer(1, new java.util.ArrayList<>()).fitEpoch(data));
        assertEquals("bn_effect_batch_size", e.param());
        assertEquals("error.batchnorm.batch_of_one", e.key());
        assertTrue(e.getMessage().startsWith("bn_effect_batch_size: batches of one example"), e.getMessage());
    }

    /** Trial 7, item 17: a batch size above the rows trains full batch, said once in the run's notes; equal to the rows, nothing is said. */
    @Test
    void aBatchLargerThanTheDataTrainsFullBatchAndSaysSoOnce() {
        List<String> notes = new java.util.ArrayList<>();
        Batches data = Batches.of(blobs(35, 7), Batches.LabelEncoding.ONE_HOT);
        Trainer trainer = batchNormTrainer(50, notes);
        trainer.fitEpoch(data);
        trainer.fitEpoch(data);
        assertEquals(2, trainer.iteration());
        assertEquals(List.of("note.batch_larger_than_data|param.bn_effect_batch_size|50|35"), notes);
        List<String> none = new java.util.ArrayList<>();
        batchNormTrainer(35, none).fitEpoch(data);
        assertEquals(List.of(), none);
    }

    /** 35 = 2 × 17 + 1 (as 800 = 47 × 17 + 1 with the bn_effect_batch_size=17): the last batch of one is left out, once noted. */
    @Test
    void batchNormDropsALastBatchOfOneAndSaysSo() {
        List<String> notes = new java.util.ArrayList<>();
        Trainer trainer = batchNormTrainer(17, notes);
        Batches data = Batches.of(blobs(35, 7), Batches.LabelEncoding.ONE_HOT);
        trainer.fitEpoch(data);
        trainer.fitEpoch(data);
        assertEquals(2 * 2, trainer.iteration());
        assertEquals(List.of("note.batchnorm.drop_last|param.bn_effect_batch_size|17|35"), notes);
        // without BatchNorm nothing is left out: 3 iterations per epoch
        NetSpec plain = NetSpec.mlp(10, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, 0.01, 3);
        Trainer noBn = new Trainer(NetBuilder.build(plain), RunControl.unattended(new MetricLog()), 17, 3);
        noBn.fitEpoch(data);
        assertEquals(3, noBn.iteration());
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
