package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.LabeledData;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** {@link Warmup}: trains every network when ND4J is free, gives way at once when it is not, changes no run's results. */
class WarmupTest {

    @Test
    void trainsEveryNetworkWhenNd4jIsFree() throws Exception {
        Backend.awaitReady();
        int[] steps = new int[1];
        Thread t = new Thread(() -> steps[0] = Warmup.run(), "warmup-under-test");
        t.start();
        t.join(120_000);
        int expected = Warmup.specs().stream().mapToInt(w -> w.batch() <= 0 ? Warmup.EPOCHS : Warmup.EPOCHS * Warmup.ROWS / w.batch()).sum();
        assertEquals(expected, steps[0]);
        assertEquals(425, expected, "two networks at batch 8 (200 steps each) and one full-batch (25)");
    }

    @Test
    void givesWayToAThreadUsingNd4j() throws Exception {
        Backend.awaitReady();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread run = new Thread(() -> Nd4jAccess.get(() -> {   // as a training run holds ND4J between its checkpoints
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "run-under-test");
        run.start();
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        int[] steps = {-1};
        Thread warm = new Thread(() -> steps[0] = Warmup.run(), "warmup-under-test");
        warm.start();
        // it trains nothing, and only its last clean-up (the thread's workspaces) waits for the run's lock
        Thread.sleep(200);
        release.countDown();
        warm.join(30_000);
        run.join(30_000);
        assertEquals(0, steps[0]);
    }

    @Test
    void aSeededRunTrainsTheSameAfterAWarmup() throws Exception {
        Backend.awaitReady();
        double[] before = trainSeeded();
        Thread t = new Thread(Warmup::run, "warmup-under-test");
        t.start();
        t.join(120_000);
        assertArrayEquals(before, trainSeeded(), 0.0);
    }

    /** A dropout network trained 3 epochs from seed 7, as a lesson does (global seed, then its network). */
    private static double[] trainSeeded() {
        return Nd4jAccess.get(() -> {
            Nd4jSeeds.seedGlobal(7);
            MultiLayerNetwork net = NetBuilder.build(NetSpec.mlp(20, List.of(8), NetSpec.Output.SOFTMAX_CE, 2,
                    NetSpec.Optimizer.ADAM, 0.01, 7).withDropout(0.3));
            float[][] x = new float[16][20];
            int[] y = new int[16];
            for (int i = 0; i < 16; i++) {
                for (int j = 0; j < 20; j++) x[i][j] = (i * 31 + j * 17) % 11 / 10f;
                y[i] = i % 2;
            }
            Batches data = Batches.of(new LabeledData(x, y, 2, new String[] {"a", "b"}), Batches.LabelEncoding.ONE_HOT);
            Trainer trainer = new Trainer(net, new RunControl() {
                @Override public void checkpoint() {}

                @Override public boolean stopRequested() { return false; }

                @Override public void log(String experiment, int epoch, String metric, double value) {}
            }, 4, 7);
            for (int e = 0; e < 3; e++) trainer.fitEpoch(data);
            return net.params().dup().toDoubleVector();
        });
    }
}
