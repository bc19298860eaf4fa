package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.testsupport.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stop and Pause during an evaluation pass (trial of L7's challenge: Stop waited for the epoch's whole
 * evaluation, forwarded in chunks of 2,048 rows with no checkpoint). Work is counted in rows the
 * evaluation converted, not in time: the stop or pause is asked for from inside the first chunk.
 */
class EvaluationCheckpointTest {
    private static final int ROWS = 1000;
    private static final int FEATURES = 6;

    /** Random rows, counting the rows converted; {@link #onFirstBatch} runs inside the first conversion. */
    private static final class CountingSource implements BatchSource {
        final AtomicInteger converted = new AtomicInteger();
        Runnable onFirstBatch = () -> { };
        private final float[] x = new float[ROWS * FEATURES];

        CountingSource() {
            Random rng = new Random(3);
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        }

        @Override public int size() { return ROWS; }

        @Override public Batch batch(int[] rows, Random augmentRng) {
            if (converted.getAndAdd(rows.length) == 0) onFirstBatch.run();
            float[] f = new float[rows.length * FEATURES];
            float[] y = new float[rows.length * 2];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(x, rows[r] * FEATURES, f, r * FEATURES, FEATURES);
                y[r * 2 + rows[r] % 2] = 1;
            }
            return new Batch(Nd4j.create(f, new long[] {rows.length, FEATURES}, DataType.FLOAT),
                    Nd4j.create(y, new long[] {rows.length, 2}, DataType.FLOAT));
        }
    }

    private static MultiLayerNetwork net() {
        return NetBuilder.build(NetSpec.mlp(FEATURES, List.of(8), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.ADAM, 0.01, 5));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Wait.until(condition, Duration.ofSeconds(60));
    }

    @Test
    void stopDuringAnEvaluationEndsItAfterTheChunkInHand() throws Exception {
        MultiLayerNetwork net = net();
        CountingSource source = new CountingSource();
        TrainingEngine engine = new TrainingEngine(() -> { });
        source.onFirstBatch = engine::stop;
        engine.start(control -> Trainer.outputs(net, source), false);
        assertTrue(engine.await(60, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertTrue(Trainer.EVAL_CHUNK <= 128, "a chunk of " + Trainer.EVAL_CHUNK + " rows");
        assertEquals(Trainer.EVAL_CHUNK, source.converted.get(), "rows evaluated of " + ROWS + " after a stop in the first chunk");
    }

    /**
     * A pause asked for during an evaluation holds it after the chunk in hand; Step then lets the evaluation
     * finish and trains exactly one iteration (the step is not used up by the evaluation's chunks); the
     * outputs are those of an evaluation that was not paused.
     */
    @Test
    void pauseHoldsAnEvaluationAndStepTrainsOneIterationAfterIt() throws Exception {
        MultiLayerNetwork net = net();
        double[][] unpaused = Trainer.outputs(net, new CountingSource());
        CountingSource source = new CountingSource();
        TrainingEngine engine = new TrainingEngine(() -> { });
        source.onFirstBatch = engine::pause;
        AtomicInteger iterations = new AtomicInteger();
        double[][][] outputs = new double[1][][];
        engine.start(control -> {
            outputs[0] = Trainer.outputs(net, source);
            for (int i = 0; i < 1000; i++) {
                control.checkpoint();
                iterations.incrementAndGet();
            }
        }, false);
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        assertEquals(Trainer.EVAL_CHUNK, source.converted.get(), "rows evaluated before the pause took effect");
        engine.step();
        waitUntil(() -> iterations.get() == 1 && engine.state() == TrainingEngine.State.PAUSED);
        assertEquals(ROWS, source.converted.get());
        assertEquals(1, iterations.get());
        for (int i = 0; i < ROWS; i++) assertArrayEquals(unpaused[i], outputs[0][i], 0.0, "row " + i);
        engine.stop();
        assertTrue(engine.await(60, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(1, iterations.get());
    }

    /** Off a run's training thread (demos, the command line) an evaluation has no checkpoint to stop at. */
    @Test
    void anEvaluationOffARunsThreadIsNotStopped() {
        CountingSource source = new CountingSource();
        TrainingEngine engine = new TrainingEngine(() -> { });
        source.onFirstBatch = engine::stop;
        assertEquals(ROWS, Trainer.outputs(net(), source).length);
        assertEquals(ROWS, source.converted.get());
    }
}
