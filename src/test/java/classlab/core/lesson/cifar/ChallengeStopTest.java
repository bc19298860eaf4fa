package classlab.core.lesson.cifar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.classroom.RunHistory;
import classlab.core.classroom.RunRecord;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.train.MetricLog;
import classlab.core.train.TrainingEngine;
import classlab.testsupport.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Stop and Pause during an epoch of the challenge experiment (teacher's trial: Stop took effect only when the
 * epoch ended, about 2 minutes on a loaded machine, because the epoch's evaluation passes had no checkpoint).
 * Everything is counted in mini-batches: Stop and Pause are asked for from the engine's iteration listener, on
 * the training thread, right after a given mini-batch of the challenge's network; no wall time is measured.
 * MNIST fallback, 240 training images in mini-batches of 32: 8 per epoch; the CNN_V1 baseline trains first.
 */
class ChallengeStopTest {
    private static final int BATCHES_PER_EPOCH = 8;

    private final CifarLesson lesson = new CifarLesson(TestEnvironments.mnistMini());
    private final ParamValues values = lesson.defaults().with("dataset", "mnist").with("train_size", "300").with("test_size", "200")
            .with("epochs", "2").with("batch_size", "32").with("cnn_width", "8").with("extra_blocks", "0");
    private final TrainingEngine engine = TrainingEngine.forDl4j();
    private final RunHistory history = new RunHistory(lesson, engine.metricLog());
    /** Mini-batches the challenge's network (the run's second) trained. */
    private final AtomicInteger challengeBatches = new AtomicInteger();

    /** Starts the challenge; {@code afterBatch} gets the challenge network's mini-batch count after each of its mini-batches. */
    private void start(Consumer<Integer> afterBatch) {
        engine.addIterationListener((iteration, network, loss) -> {
            if (network == 2) afterBatch.accept(challengeBatches.incrementAndGet());
        });
        history.begin("challenge", values, Instant.now());
        engine.start(control -> lesson.run("challenge", values, control), false);
    }

    private RunRecord endedRun() throws InterruptedException {
        assertTrue(engine.await(10, TimeUnit.MINUTES), "the run did not end");
        return history.end(engine.state().name(), engine.progress());
    }

    private List<MetricLog.Row> challengeMetrics() {
        return engine.metricLog().rows().stream().filter(r -> r.experiment().equals("challenge")).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Wait.until(condition, Duration.ofMinutes(10));
    }

    /** A stop after a mini-batch in the middle of the first epoch ends the run before the next one. */
    @Test
    void stopInTheMiddleOfAnEpochEndsTheRunBeforeTheNextMiniBatch() throws Exception {
        start(batch -> { if (batch == 3) engine.stop(); });
        RunRecord run = endedRun();
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(3, challengeBatches.get(), "mini-batches of the challenge's network");
        assertTrue(run.stopped());
        assertEquals("challenge", run.endedAt().label());
        assertEquals(0, run.endedAt().epoch(), "no epoch of the challenge's network finished");
        assertEquals(List.of(), challengeMetrics());
    }

    /**
     * A stop after the first epoch's last mini-batch ends the run at the first chunk of the epoch's
     * evaluation (2,000 training images for the train accuracy, the validation images): no epoch-1 metric is
     * logged and the run is recorded as stopped in epoch 1 (0 of 2 finished) with all 8 of its mini-batches.
     * Before the fix the whole evaluation ran and its four metrics were logged after the stop.
     */
    @Test
    void stopAfterAnEpochsLastMiniBatchDoesNotWaitForItsEvaluation() throws Exception {
        start(batch -> { if (batch == BATCHES_PER_EPOCH) engine.stop(); });
        RunRecord run = endedRun();
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(BATCHES_PER_EPOCH, challengeBatches.get());
        assertEquals(List.of(), challengeMetrics(), "metrics of an evaluation that ran after the stop");
        assertTrue(run.stopped());
        assertEquals("challenge", run.endedAt().label());
        assertEquals(0, run.endedAt().epoch());
        assertEquals(2, run.endedAt().epochs());
        assertEquals(2L * BATCHES_PER_EPOCH + BATCHES_PER_EPOCH, run.endedAt().iteration(), "baseline's 16 and the challenge's 8");
    }

    /**
     * A pause at the same place holds the run before the epoch's evaluation; Step lets the evaluation run
     * through and trains exactly one more mini-batch (the first of epoch 2), then the run is paused again.
     */
    @Test
    void pauseAfterAnEpochsLastMiniBatchHoldsItsEvaluationAndStepTrainsOneMiniBatch() throws Exception {
        start(batch -> { if (batch == BATCHES_PER_EPOCH) engine.pause(); });
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        assertEquals(BATCHES_PER_EPOCH, challengeBatches.get());
        assertEquals(List.of(), challengeMetrics(), "metrics of an evaluation that ran after the pause");

        engine.step();
        waitUntil(() -> challengeBatches.get() == BATCHES_PER_EPOCH + 1 && engine.state() == TrainingEngine.State.PAUSED);
        assertEquals(List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy"),
                challengeMetrics().stream().map(MetricLog.Row::metric).toList());
        assertTrue(challengeMetrics().stream().allMatch(r -> r.epoch() == 1));

        engine.stop();
        RunRecord run = endedRun();
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(BATCHES_PER_EPOCH + 1, challengeBatches.get());
        assertTrue(run.stopped());
        assertEquals(1, run.endedAt().epoch());
    }
}
