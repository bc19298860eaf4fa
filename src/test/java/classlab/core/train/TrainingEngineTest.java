package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.testsupport.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class TrainingEngineTest {
    /** Counts thread-exit clean-ups and records the thread they ran on; no ND4J is loaded by these tests. */
    private final AtomicInteger cleanups = new AtomicInteger();
    private final List<String> cleanupThreads = new CopyOnWriteArrayList<>();
    private final TrainingEngine engine = new TrainingEngine(() -> {
        cleanupThreads.add(Thread.currentThread().getName());
        cleanups.incrementAndGet();
    });
    private final AtomicInteger iterations = new AtomicInteger();

    /** A job of many short "iterations", each behind a checkpoint, like the Trainer's mini-batches. */
    private void startCounting(boolean paused) {
        engine.start(control -> {
            for (int i = 0; i < 100_000; i++) {
                control.checkpoint();
                iterations.incrementAndGet();
                Thread.sleep(1);
            }
        }, paused);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Wait.until(condition, Duration.ofSeconds(10));
    }

    /**
     * Run after run trains on the same thread (a new thread per run left native memory behind, README
     * Memory); a second engine training at the same time gets a thread of its own; a stop's interrupt
     * ends its own job only, not the thread's next one.
     */
    /**
     * The time left counts down within an epoch: 10 of 30 epochs ended at 10 s, so the run takes 30 s; at 12 s,
     * 18 s are left (estimated from 12 s as if it were 10 epochs' time it said 24, and rose until the epoch ended).
     */
    @Test
    void timeLeftCountsDownBetweenEpochEnds() {
        long second = 1_000_000_000L;
        TrainingEngine.Progress atEnd = new TrainingEngine.Progress("a", 1, 1, 10, 30, 100, 0.5, 10 * second);
        TrainingEngine.Progress later = new TrainingEngine.Progress("a", 1, 1, 10, 30, 115, 0.5, 12 * second, 10 * second);
        assertEquals(20.0, atEnd.secondsLeft(), 1e-9);
        assertEquals(18.0, later.secondsLeft(), 1e-9);
        assertEquals(0.0, new TrainingEngine.Progress("a", 1, 1, 10, 30, 115, 0.5, 40 * second, 10 * second).secondsLeft(), 1e-9,
                "never below zero");
        assertTrue(Double.isNaN(new TrainingEngine.Progress("a", 1, 1, 0, 30, 5, 0.5, second).secondsLeft()), "before an epoch ended");
    }

    /**
     * The set-up before the first mini-batch (data, networks) counts once, not at the epochs' pace: 2 s of it
     * and the first of 4 × 30 epochs ended at 2.25 s leave 2 + 0.25 × 120 - 2.25 = 29.75 s; counted with the
     * epochs it said 267.75 s (trial, regularization: "about 2:03 left" after its first epoch, done in 20 s).
     */
    @Test
    void timeLeftCountsTheSetUpOnce() {
        long ms = 1_000_000L;
        assertEquals(29.75, new TrainingEngine.Progress("a", 1, 4, 1, 30, 25, 0.5, 2250 * ms, 2250 * ms, 2000 * ms).secondsLeft(), 1e-9);
        assertEquals(267.75, new TrainingEngine.Progress("a", 1, 4, 1, 30, 25, 0.5, 2250 * ms, 2250 * ms).secondsLeft(), 1e-9,
                "set-up not known");
    }

    /** The engine takes the set-up as the time its run's first mini-batch ended, and keeps it for the run. */
    @Test
    void theSetUpIsTheTimeToTheFirstMiniBatch() throws Exception {
        engine.start(control -> {
            Thread.sleep(300);   // loading the data
            TrainLoop<Integer> loop = new TrainLoop<>(FOUR_ROWS, control, 2, 1);
            control.progress("a", 0, 3);
            for (int epoch = 1; epoch <= 3; epoch++) {
                loop.fitEpoch(4);
                control.progress("a", epoch, 3);
            }
        }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        TrainingEngine.Progress p = engine.progress();
        assertTrue(p.setupNanos() >= 300_000_000L && p.setupNanos() <= p.fractionNanos(), p.toString());
    }

    @Test
    void runAfterRunReusesTheTrainingThreadAndTwoRunsAtOnceGetTwo() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        for (int run = 0; run < 3; run++) {
            engine.start(control -> ranOn.add(Thread.currentThread()), false);
            assertTrue(engine.await(10, TimeUnit.SECONDS));
        }
        assertEquals(1, ranOn.stream().distinct().count(), "three runs one after another, one thread: " + ranOn);

        startCounting(false);
        waitUntil(() -> iterations.get() > 0);
        TrainingEngine other = new TrainingEngine(() -> { });
        CountDownLatch otherRan = new CountDownLatch(1);
        other.start(control -> {
            ranOn.add(Thread.currentThread());
            otherRan.countDown();
        }, false);
        assertTrue(otherRan.await(10, TimeUnit.SECONDS), "the second engine's run started while the first trains");
        assertTrue(other.await(10, TimeUnit.SECONDS));
        assertTrue(engine.isBusy());
        assertNotSame(ranOn.get(0), ranOn.get(3), "two runs at once, two threads");

        engine.stop();
        assertTrue(engine.await(10, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        boolean[] interrupted = {true};
        engine.start(control -> {
            interrupted[0] = Thread.currentThread().isInterrupted();
            Thread.sleep(50);   // would throw at once if the stop's interrupt had carried over
        }, false);
        assertTrue(engine.await(10, TimeUnit.SECONDS));
        assertFalse(interrupted[0], "the next job starts without the last stop's interrupt");
        assertEquals(TrainingEngine.State.FINISHED, engine.state());
    }

    /**
     * Step while paused trains one mini-batch and lets the evaluation after it run, so a full-batch run
     * (one mini-batch per epoch, L1 pattern) shows the stepped epoch's point; the next mini-batch waits.
     */
    @Test
    void aStepsMiniBatchIsFollowedByItsEvaluation() throws Exception {
        AtomicInteger evaluated = new AtomicInteger();
        engine.start(control -> {
            for (int epoch = 0; epoch < 1_000; epoch++) {
                control.checkpoint();
                iterations.incrementAndGet();
                TrainingEngine.evaluationCheckpoint();
                evaluated.incrementAndGet();
            }
        }, true);
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        engine.step();
        waitUntil(() -> evaluated.get() == 1);
        Thread.sleep(100);
        assertEquals(1, iterations.get(), "one step, one mini-batch");
        assertEquals(1, evaluated.get());
        engine.stop();
        assertTrue(engine.await(10, TimeUnit.SECONDS));
    }

    /** The training thread's CPU time of the last job is kept (bench/app-vs-run compares it with `run`'s); none before a job. */
    @Test
    void theJobsThreadCpuTimeIsKept() throws Exception {
        assertEquals(-1, engine.jobCpuNanos());
        long[] spent = new long[1];
        engine.start(control -> {
            long start = TrainingEngine.threadCpuNanos();
            double x = 0;
            for (int i = 0; i < 2_000_000; i++) x += Math.sqrt(i);
            spent[0] = TrainingEngine.threadCpuNanos() - start + (x < 0 ? 1 : 0);
        }, false);
        assertTrue(engine.await(10, TimeUnit.SECONDS));
        if (TrainingEngine.threadCpuNanos() < 0) return;   // a JVM without thread CPU time reports -1
        assertTrue(engine.jobCpuNanos() >= spent[0] && spent[0] > 0, engine.jobCpuNanos() + " ns for a job whose work took " + spent[0]);
    }

    /**
     * When a job ends (also by a failure), each training loop that trained in it frees what its model keeps
     * between epochs (Dl4jTrainable's shuffled copy), on the training thread, before the thread-exit clean-up.
     */
    @Test
    void theRunsTrainingLoopsReleaseWhatTheyKeepWhenTheJobEnds() throws Exception {
        List<String> released = new CopyOnWriteArrayList<>();
        engine.start(control -> {
            for (String name : List.of("first", "second")) {
                TrainLoop<int[]> loop = new TrainLoop<>(new Trainable<int[]>() {
                    @Override public int rows(int[] data) { return data.length; }
                    @Override public int[] reorder(int[] data, int[] order) { return order; }
                    @Override public double fitBatch(int[] data, int start, int end) { return 0.5; }
                    @Override public void setLearningRate(double lr) { }
                    @Override public void releaseKept() {
                        released.add(name + " on " + Thread.currentThread().getName() + " after " + cleanups.get() + " clean-ups");
                    }
                }, control, 2, 7);
                loop.fitEpoch(new int[] {1, 2, 3, 4});
            }
            throw new IllegalStateException("failed after training");
        }, false);
        assertTrue(engine.await(10, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.FAILED, engine.state());
        assertEquals(List.of("first on classlab-trainer after 0 clean-ups", "second on classlab-trainer after 0 clean-ups"),
                released.stream().sorted().toList());
        assertEquals(1, cleanups.get());
    }

    /** The time left is estimated from training time: a pause does not count (trial item 14: 0:13 grew to 0:18 while paused). */
    @Test
    void timePausedIsNotTrainingTime() throws Exception {
        engine.start(control -> {
            control.progress("a", 1, 4);
            control.checkpoint();   // starts paused: waits here until resumed
            control.progress("a", 2, 4);
        }, true);
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        Thread.sleep(400);
        engine.resume();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        long elapsedMillis = engine.progress().elapsedNanos() / 1_000_000;
        assertTrue(elapsedMillis < 300, "the 400 ms pause counted as training: " + elapsedMillis + " ms");
    }

    @Test
    void pauseHoldsTheJobAndResumeContinues() throws Exception {
        startCounting(false);
        waitUntil(() -> iterations.get() >= 5);
        engine.pause();
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        int atPause = iterations.get();
        Thread.sleep(200);
        assertEquals(atPause, iterations.get(), "no iteration may run while paused");
        engine.resume();
        waitUntil(() -> iterations.get() > atPause + 3);
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
    }

    @Test
    void stepRunsExactlyOneIterationFromPaused() throws Exception {
        startCounting(true);
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        assertEquals(0, iterations.get());
        for (int step = 1; step <= 3; step++) {
            engine.step();
            int expected = step;
            waitUntil(() -> iterations.get() == expected && engine.state() == TrainingEngine.State.PAUSED);
            Thread.sleep(50);
            assertEquals(expected, iterations.get());
        }
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
    }

    @Test
    void stopReleasesAPausedJob() throws Exception {
        startCounting(true);
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertFalse(engine.isBusy());
    }

    @Test
    void divergenceEndsTheRunAsFailedWithTheMessage() throws Exception {
        engine.start(control -> { throw new DivergedException(3, 41, Double.NaN); }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.FAILED, engine.state());
        assertTrue(engine.failureMessage().contains("NaN"), engine.failureMessage());
        assertTrue(engine.failureMessage().contains("epoch 4"), engine.failureMessage());
    }

    @Test
    void aSecondRunCannotStartWhileOneIsBusy() throws Exception {
        startCounting(false);
        assertThrows(IllegalStateException.class, () -> engine.start(c -> { }, false));
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
    }

    @Test
    void stopShowsStoppingUntilTheJobReachesItsCheckpoint() throws Exception {
        List<TrainingEngine.State> seen = new CopyOnWriteArrayList<>();
        engine.addListener((s, m) -> seen.add(s));
        CountDownLatch inIteration = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.start(control -> {
            control.checkpoint();
            inIteration.countDown();
            // a long iteration that, like a DL4J fit, does not answer interrupts: the stop waits for it
            while (release.getCount() > 0) Thread.onSpinWait();
            control.checkpoint();
        }, false);
        inIteration.await();
        engine.stop();
        assertEquals(TrainingEngine.State.STOPPING, engine.state());
        engine.resume();               // neither resume nor pause may leave STOPPING
        assertEquals(TrainingEngine.State.STOPPING, engine.state());
        release.countDown();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(List.of(TrainingEngine.State.RUNNING, TrainingEngine.State.STOPPING, TrainingEngine.State.STOPPED), new ArrayList<>(seen));
    }

    @Test
    void theThreadExitCleanupRunsOnceOnTheTrainingThreadBeforeTheEndIsAnnounced() throws Exception {
        List<Integer> cleanupsWhenAnnounced = new CopyOnWriteArrayList<>();
        engine.addListener((s, m) -> { if (s == TrainingEngine.State.FINISHED) cleanupsWhenAnnounced.add(cleanups.get()); });
        engine.start(control -> control.checkpoint(), false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.FINISHED, engine.state());
        assertEquals(List.of(1), cleanupsWhenAnnounced);
        assertEquals(List.of("classlab-trainer"), cleanupThreads);
        engine.start(control -> { throw new IllegalStateException("boom"); }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(TrainingEngine.State.FAILED, engine.state());
        assertEquals("boom", engine.failureMessage());
        assertEquals(2, cleanups.get(), "failed runs are cleaned up too");
    }

    /** Any Localized failure (a damaged data file, say) reaches listeners as its deferred message, which the pane words. */
    @Test
    void aLocalizedFailureIsAnnouncedAsItsMessage() throws Exception {
        classlab.core.data.DataFormatException damaged =
                new classlab.core.data.DataFormatException("data.cifar.class_names", "batches.meta.txt", 3, 10);
        List<String> announced = new CopyOnWriteArrayList<>();
        engine.addListener((s, m) -> { if (s == TrainingEngine.State.FAILED) announced.add(m); });
        engine.start(control -> { throw damaged; }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(damaged.deferredMessage()), announced);
        assertEquals(damaged.deferredMessage(), engine.failure());
        assertEquals("batches.meta.txt lists 3 class names; CIFAR-10 has 10.", engine.failureMessage());
    }

    /** A job blocked outside the training loop (waiting for a silent server) ends on Stop, as stopped, not failed. */
    @Test
    void stopEndsAJobBlockedOutsideTheLoop() throws Exception {
        java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
        engine.start(control -> {
            blocked.countDown();
            new java.util.concurrent.CountDownLatch(1).await();  // never counted down
        }, false);
        blocked.await();
        engine.stop();
        assertTrue(engine.await(10, TimeUnit.SECONDS), "ended");
        assertEquals(TrainingEngine.State.STOPPED, engine.state());
        assertEquals(null, engine.failureMessage());
    }

    /** A model of {@code data} rows that learns nothing: the loops' bookkeeping alone. */
    private static final Trainable<Integer> FOUR_ROWS = new Trainable<>() {
        @Override public int rows(Integer data) { return data; }
        @Override public Integer reorder(Integer data, int[] order) { return data; }
        @Override public double fitBatch(Integer data, int start, int end) { return 0.5; }
        @Override public void setLearningRate(double lr) { }
    };

    /**
     * Each training loop of a run is its own network for the live loss chart, numbered in order of its
     * first batch. Networks made together train side by side and their curves start at the same
     * iteration (multiclass's tab A trains its two nets epoch by epoch in turn: drawn one iteration apart
     * before, trial 8); a network made after others trained follows the furthest of them. The run's
     * iteration (the status line) is the furthest network's, not the sum (it said 20 beside two curves of 10).
     */
    @Test
    void iterationsNameTheNetworkThatTrainedThem() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        engine.addIterationListener((iteration, network, loss) -> seen.add(iteration + ":" + network));
        engine.start(control -> {
            TrainLoop<Integer> first = new TrainLoop<>(FOUR_ROWS, control, 2, 1);
            TrainLoop<Integer> second = new TrainLoop<>(FOUR_ROWS, control, 2, 1);
            first.fitEpoch(4);
            second.fitEpoch(4);
            first.fitEpoch(4);
            TrainLoop<Integer> third = new TrainLoop<>(FOUR_ROWS, control, 2, 1);
            third.fitEpoch(4);
        }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("1:1", "2:1", "1:2", "2:2", "3:1", "4:1", "5:3", "6:3"), new ArrayList<>(seen));
        assertEquals(6, engine.progress().iteration());
    }

    /**
     * Networks trained side by side under one experiment (multiclass 4A's sigmoid and logit nets) are
     * named by their loops' labels, which the live loss chart turns into the epoch charts' names; a
     * loop without one is still named after the configuration announced before it trains.
     */
    @Test
    void labelledLoopsNameTheirNetworks() throws Exception {
        engine.start(control -> {
            TrainLoop<Integer> sigmoid = new TrainLoop<>(FOUR_ROWS, control, 0, 1).label("binary_logits · sigmoid_bce");
            TrainLoop<Integer> logit = new TrainLoop<>(FOUR_ROWS, control, 0, 1).label("binary_logits · logit_bce");
            control.progress("binary_logits", 0, 1);
            sigmoid.fitEpoch(4);
            logit.fitEpoch(4);
            control.progress("binary_logits", 1, 1);
            control.progress("later", 0, 1);
            new TrainLoop<>(FOUR_ROWS, control, 0, 1).fitEpoch(4);
        }, false);
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertEquals("binary_logits · sigmoid_bce", engine.networkLabel(1));
        assertEquals("binary_logits · logit_bce", engine.networkLabel(2));
        assertEquals("later", engine.networkLabel(3));
    }

    /**
     * ND4J is used by one thread at a time (Nd4jAccess): the training thread holds the lock while
     * its job runs and lets a waiting thread (demo, digit pad) in at every checkpoint and while paused.
     */
    @Test
    void theTrainingThreadHoldsTheNd4jLockBetweenCheckpointsOnly() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean heldInJob = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger otherRuns = new java.util.concurrent.atomic.AtomicInteger();
        engine.start(control -> {
            for (int i = 0; i < 100_000; i++) {
                control.checkpoint();
                if (!Nd4jAccess.heldByCurrentThread()) heldInJob.set(false);
                iterations.incrementAndGet();
                Thread.sleep(1);
            }
        }, false);
        waitUntil(() -> iterations.get() >= 3);
        // While the job runs: another thread gets its turn after the current iteration.
        Thread other = new Thread(() -> Nd4jAccess.get(otherRuns::incrementAndGet));
        other.start();
        other.join(5000);
        assertEquals(1, otherRuns.get(), "a waiting thread runs between iterations");
        engine.pause();
        waitUntil(() -> engine.state() == TrainingEngine.State.PAUSED);
        Thread whilePaused = new Thread(() -> Nd4jAccess.get(otherRuns::incrementAndGet));
        whilePaused.start();
        whilePaused.join(5000);
        assertEquals(2, otherRuns.get(), "a paused run does not hold ND4J");
        engine.stop();
        assertTrue(engine.await(5, TimeUnit.SECONDS));
        assertTrue(heldInJob.get(), "the job ran every iteration with the lock");
        assertFalse(Nd4jAccess.heldByCurrentThread());
        Thread afterwards = new Thread(() -> Nd4jAccess.get(otherRuns::incrementAndGet));
        afterwards.start();
        afterwards.join(5000);
        assertEquals(3, otherRuns.get(), "an ended run leaves the lock free");
    }
}
