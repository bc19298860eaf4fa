package classlab.core.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.train.DivergedException;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.TrainLoop;
import classlab.core.train.TrainingEngine;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The from-scratch net under the shared loop and engine: seeded, NaN stop, pause/step/stop; no ND4J involved. */
class ScratchNetTrainingTest {
    /** Two Gaussian blobs in 4 dimensions, 64 rows, classes 0 and 1. */
    private static ScratchNet.Data blobs() {
        Random r = new Random(3);
        float[][] x = new float[64][4];
        int[] y = new int[64];
        for (int i = 0; i < 64; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) x[i][j] = (float) (r.nextGaussian() + (y[i] == 1 ? 1.5 : -1.5));
        }
        return new ScratchNet.Data(x, y);
    }

    private static ScratchNet net(String optimizer, double lr) {
        return new ScratchNet(new int[] {4, 8, 2}, ScratchNet.Activation.RELU, WeightInit.HE, Optimizers.create(optimizer, lr), 5);
    }

    private static double[] losses(long seed) {
        TrainLoop<ScratchNet.Data> loop = new TrainLoop<>(net("adam", 0.01), RunControl.unattended(new MetricLog()), 16, seed);
        double[] l = new double[5];
        for (int e = 0; e < l.length; e++) l[e] = loop.fitEpoch(blobs());
        return l;
    }

    @Test
    void theSameSeedGivesTheSameLossesAndTrainingLearns() {
        double[] a = losses(7);
        assertArrayEquals(a, losses(7), 0.0);
        assertTrue(a[4] < a[0] * 0.5, "the loss falls: " + a[0] + " → " + a[4]);
        ScratchNet.Data d = blobs();
        ScratchNet net = net("sgd", 0.5);
        TrainLoop<ScratchNet.Data> loop = new TrainLoop<>(net, RunControl.unattended(new MetricLog()), 16, 1);
        for (int e = 0; e < 10; e++) loop.fitEpoch(d);
        assertTrue(net.accuracy(d) > 0.95, "separable blobs: " + net.accuracy(d));
    }

    @Test
    void aDivergingRunStopsWithTheNaNMessage() {
        TrainLoop<ScratchNet.Data> loop = new TrainLoop<>(net("sgd", 1e200), RunControl.unattended(new MetricLog()), 16, 1);
        DivergedException e = assertThrows(DivergedException.class, () -> { for (int i = 0; i < 20; i++) loop.fitEpoch(blobs()); });
        assertTrue(e.getMessage().contains("NaN") || e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void theEngineStepsTheScratchNetOneMiniBatchAtATime() throws Exception {
        TrainingEngine engine = new TrainingEngine(() -> { });
        AtomicInteger iterations = new AtomicInteger();
        engine.start(control -> {
            TrainLoop<ScratchNet.Data> loop = new TrainLoop<>(net("momentum", 0.1), control, 8, 1)
                    .onIteration((it, ep, loss) -> iterations.set(it));
            for (int e = 0; e < 1000; e++) loop.fitEpoch(blobs());
        }, true);
        for (int step = 1; step <= 3; step++) {
            engine.step();
            int expected = step;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(iterations.get() == expected && engine.state() == TrainingEngine.State.PAUSED)) {
                if (System.nanoTime() > deadline) throw new AssertionError("step " + step + " not reached: " + iterations.get());
                Thread.sleep(2);
            }
        }
        Thread.sleep(50);
        assertEquals(3, iterations.get(), "a paused run does not move");
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
    }
}
