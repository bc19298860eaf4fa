package classlab.core.train;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one job at a time on a background thread with pause, single step and stop. The job
 * cooperates by calling {@link RunControl#checkpoint()} between iterations (the {@link TrainLoop}
 * does this for every mini-batch), so pausing never interrupts a model in the middle of an update
 * and the model is never touched by two threads.
 *
 * <p>Work between iterations that can take long, evaluating a network on a data set, passes
 * {@link #evaluationCheckpoint()} between chunks ({@link Trainer}'s evaluation helpers do), so Stop
 * and Pause also take effect during an epoch's evaluation, not after it.
 *
 * <p>States: IDLE → RUNNING ⇄ PAUSED; RUNNING/PAUSED → STOPPING (stop asked, the job has not yet
 * reached its next checkpoint) → STOPPED; RUNNING → FINISHED or FAILED. Every change goes through
 * one method under the engine's lock, which also calls the listeners, so listeners see the
 * changes in the order they happened. Listeners are called on the thread that caused the change
 * (the training thread or the caller of {@link #stop()} / {@link #resume()}); UI listeners must
 * hand over to their own thread and must not block.
 *
 * <p>When a job ends, the engine runs its clean-up on the job's thread (the app and the command line
 * pass {@link Backend#releaseThreadMemory}, which frees the thread's ND4J workspaces); the engine
 * itself does not touch ND4J. Jobs run on training threads that outlive the runs ({@link #IDLE_TRAINERS}).
 */
public final class TrainingEngine {
    public enum State { IDLE, RUNNING, PAUSED, STOPPING, FINISHED, STOPPED, FAILED }

    private static final Set<State> BUSY = EnumSet.of(State.RUNNING, State.PAUSED, State.STOPPING);

    /**
     * Idle training threads, the most recently used first. A run takes the first (or makes one), so run
     * after run trains on the same thread; several lessons training at once get one each. They are never
     * ended (daemons; as many as runs were ever at once). A new thread per run left native memory behind
     * in libnd4j per thread that ND4J's workspace release does not free: the regularization lesson's
     * default experiment (1 epoch) run 40 times in one JVM grew to 540-650 MB resident on fresh threads,
     * 450-560 MB on one reused thread (runs 10-40; README, Memory).
     */
    private static final java.util.Deque<TrainerThread> IDLE_TRAINERS = new java.util.ArrayDeque<>();

    /** A training thread: runs the jobs handed to it one after another. */
    private static final class TrainerThread extends Thread {
        private final java.util.concurrent.BlockingQueue<Runnable> jobs = new java.util.concurrent.LinkedBlockingQueue<>();

        TrainerThread() {
            super("classlab-trainer");
            setDaemon(true);
        }

        @Override public void run() {
            while (true) {
                Runnable job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    continue;   // a stop's interrupt that came after its job ended
                }
                try {
                    job.run();
                } catch (Throwable t) {
                    getUncaughtExceptionHandler().uncaughtException(this, t);
                }
            }
        }
    }

    /**
     * Runs {@code job} on an idle training thread (or a new one), returns it to the idle ones when the job
     * has ended and then completes {@code done}: whoever sees the job done finds its thread free.
     */
    private static void runOnTrainerThread(Runnable job, CompletableFuture<Void> done) {
        TrainerThread thread;
        synchronized (IDLE_TRAINERS) { thread = IDLE_TRAINERS.pollFirst(); }
        boolean fresh = thread == null;
        TrainerThread self = fresh ? new TrainerThread() : thread;
        self.jobs.add(() -> {
            try {
                job.run();
            } finally {
                Thread.interrupted();   // a stop's interrupt belongs to this job, not to the thread's next one
                synchronized (IDLE_TRAINERS) { IDLE_TRAINERS.addFirst(self); }
                done.complete(null);
            }
        });
        if (fresh) self.start();
    }

    /** Work to run on the training thread. */
    @FunctionalInterface
    public interface Job { void run(RunControl control) throws Exception; }

    @FunctionalInterface
    public interface Listener {
        /** {@code message} explains FAILED states (for example divergence to NaN); null otherwise. */
        void stateChanged(State state, String message);
    }

    /** The engine whose job runs on the calling thread (its training thread), for {@link #evaluationCheckpoint()}. */
    private static final ThreadLocal<TrainingEngine> RUNNING_ON_THIS_THREAD = new ThreadLocal<>();

    private final Object lock = new Object();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final MetricLog metricLog = new MetricLog();
    private final Runnable threadExitCleanup;
    private volatile State state = State.IDLE;
    private volatile String failureMessage;
    private volatile String failure;
    private volatile boolean stopRequested;
    private boolean pauseRequested;
    private int stepsGranted;
    /** A granted step's mini-batch is training (until the next iteration checkpoint): evaluations pass. */
    private boolean stepTraining;
    /** Completes when the current (or last) job has ended; null before the first. */
    private CompletableFuture<Void> jobDone;
    /** The thread of the job that is running (for {@link #stop}'s interrupt), null between jobs. */
    private Thread jobThread;
    private volatile Progress progress = Progress.NONE;
    private volatile int plannedConfigurations = 1;
    /** The run's training loops in the order they first reported (training thread only). */
    private final java.util.Map<TrainLoop<?>, Integer> networks = new java.util.IdentityHashMap<>();
    /**
     * Per training loop, the run's iterations done when it was made (training thread only): its curve
     * on the live loss chart starts after them. Networks made together start at the same iteration and
     * lie over each other; with the run's own count, two nets trained in turn were drawn one iteration apart.
     */
    private final java.util.Map<TrainLoop<?>, Long> iterationsBefore = new java.util.IdentityHashMap<>();
    /** The progress label each network of the run trained under (known from the end of its first epoch). */
    private final java.util.Map<Integer, String> networkLabels = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int lastNetwork;
    private volatile long runStartNanos;
    /** Time the current run spent paused (a pause must not count as training time in the time left). */
    private volatile long pausedNanos;
    /** CPU time of the last finished job's thread, ns; -1 before the first or where the JVM does not measure it. */
    private volatile long jobCpuNanos = -1;
    /** Time the last finished job's thread was ready to run but had no core, ns; -1 where unknown. */
    private volatile long jobRunQueueNanos = -1;
    /** Time the training thread waited for {@link Nd4jAccess} during the current or last job, ns (training thread writes). */
    private volatile long lockWaitNanos;

    /**
     * @param threadExitCleanup run on the training thread after each job, before the final state is
     *                          announced (for example {@link Backend#releaseThreadMemory})
     */
    public TrainingEngine(Runnable threadExitCleanup) {
        this.threadExitCleanup = threadExitCleanup;
    }

    /**
     * An engine whose jobs train DL4J networks: frees the training thread's ND4J workspaces after each
     * job and has the {@link NativeMemoryGuard} collect what the run left ({@link NativeMemoryGuard#runEnded}).
     */
    public static TrainingEngine forDl4j() {
        return new TrainingEngine(() -> {
            Backend.releaseThreadMemory();
            NativeMemoryGuard.runEnded();
        });
    }

    public void addListener(Listener l) { listeners.add(l); }

    /**
     * Called on the training thread after every mini-batch with the run's iteration count, the network
     * it trained (1 for the run's first training loop, 2 for the next one, ...) and its loss.
     */
    @FunctionalInterface
    public interface IterationListener { void iterationDone(long iteration, int network, double loss); }

    /**
     * The progress label ({@link RunControl#progress}'s experiment argument, e.g. "dropout" or
     * "bn_effect · bn") that network {@code network} of the current run trains under, or null until
     * it is known: from its first mini-batch when the experiment announced the configuration with
     * epoch 0 before training it, else from the end of its first epoch. Any thread.
     */
    public String networkLabel(int network) { return networkLabels.get(network); }

    private final List<IterationListener> iterationListeners = new CopyOnWriteArrayList<>();

    public void addIterationListener(IterationListener l) { iterationListeners.add(l); }

    public State state() { return state; }

    /** Why the last run failed, in English, or null. */
    public String failureMessage() { return failureMessage; }

    /** Why the last run failed as a deferred message ({@code LessonStrings.resolve} words it), or null. */
    public String failure() { return failure; }

    /** Metrics logged by runs since the last {@link #clearLog()}. */
    public MetricLog metricLog() { return metricLog; }

    public void clearLog() { metricLog.clear(); }

    /**
     * Where the current (or last) run is, as reported by the experiment: which configuration of how
     * many, which epoch of how many, how many iterations (mini-batches) so far.
     *
     * @param label         the experiment's label for the configuration being trained (a message key
     *                      or id, for example {@code "none"} or {@code "bn_effect · bn"}); "" before the first epoch
     * @param configuration 1-based index of the configuration being trained (changes of label count up)
     * @param configurations configurations the experiment announced ({@link RunControl#plan}), ≥ configuration
     * @param epoch         epochs finished in this configuration (0 before the first ends)
     * @param epochs        epochs planned for this configuration (0 when not yet known)
     * @param iteration     mini-batches trained since the run started
     * @param lastLoss      loss of the last mini-batch (NaN before the first)
     * @param elapsedNanos  time since the run started, less the time it spent paused, when this snapshot was taken
     * @param fractionNanos that time when the run reached {@link #fraction()} (the end of the epoch it counts):
     *                      the estimate of the time left is made there, not from a time within the next epoch
     * @param setupNanos    that time when its first mini-batch ended (0 before it, and where not known): loading
     *                      the data and building the networks, done once, not at the pace of the epochs
     */
    public record Progress(String label, int configuration, int configurations, int epoch, int epochs,
                           long iteration, double lastLoss, long elapsedNanos, long fractionNanos, long setupNanos) {
        public static final Progress NONE = new Progress("", 0, 1, 0, 0, 0, Double.NaN, 0);

        /** A snapshot taken when the run reached its fraction ({@code fractionNanos = elapsedNanos}), its set-up not known. */
        public Progress(String label, int configuration, int configurations, int epoch, int epochs,
                        long iteration, double lastLoss, long elapsedNanos) {
            this(label, configuration, configurations, epoch, epochs, iteration, lastLoss, elapsedNanos, elapsedNanos);
        }

        /** A snapshot whose set-up time is not known (0: the estimate counts it at the epochs' pace). */
        public Progress(String label, int configuration, int configurations, int epoch, int epochs,
                        long iteration, double lastLoss, long elapsedNanos, long fractionNanos) {
            this(label, configuration, configurations, epoch, epochs, iteration, lastLoss, elapsedNanos, fractionNanos, 0);
        }

        /** Fraction of the planned work done, in [0, 1]; configurations are weighted equally. */
        public double fraction() {
            if (configuration == 0 || epochs <= 0) return 0;
            double f = (configuration - 1 + Math.min(1.0, (double) epoch / epochs)) / Math.max(configuration, configurations);
            return Math.max(0, Math.min(1, f));
        }

        /**
         * Estimated seconds left, or NaN before any epoch ended: the set-up plus the time the whole training takes
         * at the pace of its ended epochs ({@code (fractionNanos - setupNanos) / fraction}) less the time spent. It
         * counts down within an epoch; estimated from the time at each mini-batch instead, it rose through every
         * epoch and fell at its end. With the set-up counted at the epochs' pace, regularization's 4 × 30 epochs
         * said "about 2:03 left" after its first epoch and took 20 s (trial). At least 0.
         */
        public double secondsLeft() {
            double f = fraction();
            if (f <= 0 || epoch == 0 && configuration <= 1) return Double.NaN;
            long setup = Math.min(setupNanos, fractionNanos);
            return Math.max(0, (setup + (fractionNanos - setup) / f - elapsedNanos) / 1e9);
        }
    }

    /**
     * CPU nanoseconds the training thread used for the last job that ended (the job's ND4J work runs on
     * that thread with one OpenMP thread), or -1 before any job ended or where the JVM cannot measure a
     * thread's CPU time. What benchmarks compare with {@code run}'s training thread: unlike wall time it
     * hardly depends on what else runs on the machine.
     */
    public long jobCpuNanos() { return jobCpuNanos; }

    /**
     * Nanoseconds the training thread of the current or last job waited for the ND4J lock
     * ({@link Nd4jAccess}) while another thread (a demo redraw, the digit pad) used ND4J: time a
     * run in the window can lose that {@code run} on the command line does not. For benchmarks.
     */
    public long lockWaitNanos() { return lockWaitNanos; }

    /**
     * Nanoseconds the last finished job's thread was ready to run but waited for a core
     * ({@link ThreadTimes#runQueueWaitNanos}), or -1 where the system does not say: how much of the
     * run's wall time other threads (the window's, the collector's, other programs) took. For benchmarks.
     */
    public long jobRunQueueNanos() { return jobRunQueueNanos; }

    /** The latest {@link Progress} of the current or last run. */
    public Progress progress() { return progress; }

    public boolean isBusy() {
        synchronized (lock) { return jobDone != null && !jobDone.isDone(); }
    }

    /**
     * Starts {@code job} on a training thread ({@link #IDLE_TRAINERS}).
     *
     * @param startPaused if true the job waits at its first checkpoint (used by "Step" from idle)
     * @throws IllegalStateException if a run is still in progress
     */
    public void start(Job job, boolean startPaused) {
        synchronized (lock) {
            if (jobDone != null && !jobDone.isDone()) throw new IllegalStateException("a run is already in progress");
            stopRequested = false;
            pauseRequested = startPaused;
            stepsGranted = 0;
            stepTraining = false;
            failureMessage = null;
            failure = null;
            progress = Progress.NONE;
            plannedConfigurations = 1;
            networks.clear();
            iterationsBefore.clear();
            networkLabels.clear();
            lastNetwork = 0;
            runStartNanos = System.nanoTime();
            pausedNanos = 0;
            CompletableFuture<Void> done = new CompletableFuture<>();
            jobDone = done;
            transition(State.RUNNING, null);
            runOnTrainerThread(() -> execute(job), done);
        }
    }

    private void execute(Job job) {
        synchronized (lock) {
            jobThread = Thread.currentThread();
            // a stop asked before this thread took the job interrupts it as stop() would have
            if (stopRequested) jobThread.interrupt();
        }
        State end;
        String message = null;
        long cpuAtStart = threadCpuNanos();
        long queuedAtStart = ThreadTimes.runQueueWaitNanos();
        lockWaitNanos = 0;
        acquireNd4j();   // released at each checkpoint, so demos and the digit pad get their turn
        RUNNING_ON_THIS_THREAD.set(this);
        try {
            job.run(control);
            end = stopRequested ? State.STOPPED : State.FINISHED;
        } catch (StopRequestedException e) {
            end = State.STOPPED;
        } catch (Throwable t) {
            // Stop interrupts the thread (a download waiting for a silent server ends at once); whatever
            // that interrupt made the job throw, the user asked to stop.
            end = stopRequested ? State.STOPPED : State.FAILED;
            // a Localized failure's deferred message: the pane words it in its language (LessonStrings.resolve)
            if (!stopRequested) message = classlab.core.Localized.of(t);
        }
        try {
            // the run's training loops let go of what they keep between epochs (a shuffled copy of the data)
            for (TrainLoop<?> loop : networks.keySet()) loop.releaseKept();
            threadExitCleanup.run();
        } finally {
            RUNNING_ON_THIS_THREAD.remove();
            Nd4jAccess.release();
            jobCpuNanos = cpuAtStart < 0 ? -1 : threadCpuNanos() - cpuAtStart;
            jobRunQueueNanos = queuedAtStart < 0 ? -1 : ThreadTimes.runQueueWaitNanos() - queuedAtStart;
            synchronized (lock) {
                jobThread = null;
                failure = message;
                failureMessage = message == null ? null : classlab.core.Deferred.english(message);
                transition(end, message);
            }
        }
    }

    /** Takes the ND4J lock on the training thread, counting the wait in {@link #lockWaitNanos}. */
    private void acquireNd4j() {
        long before = System.nanoTime();
        Nd4jAccess.acquire();
        lockWaitNanos += System.nanoTime() - before;
    }

    /** CPU nanoseconds the calling thread has used, or -1 where the JVM does not measure it. */
    public static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /**
     * A checkpoint between chunks of work that are not training iterations (evaluating a network on a
     * data set, {@code Trainer.outputs}): on the training thread of a running job it blocks while the run
     * is paused and throws {@link StopRequestedException} once a stop was requested, as
     * {@link RunControl#checkpoint()} does, but leaves a granted step to the next training iteration
     * (Step trains one more mini-batch; the evaluation before it runs through). Other threads (demos, the
     * command line's unattended runs) pass at once.
     *
     * @throws StopRequestedException on a job's training thread, when the user stops the run
     */
    public static void evaluationCheckpoint() {
        TrainingEngine engine = RUNNING_ON_THIS_THREAD.get();
        if (engine != null) engine.awaitTurnWithoutNd4j(false);
    }

    /** Requests a pause; the job stops at its next checkpoint. */
    public void pause() {
        synchronized (lock) { pauseRequested = true; }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
            if (state == State.PAUSED) transition(State.RUNNING, null);
        }
    }

    /** While paused, lets exactly one more iteration run; while running, pauses. */
    public void step() {
        synchronized (lock) {
            if (!pauseRequested) {
                pauseRequested = true;
                return;
            }
            stepsGranted++;
            lock.notifyAll();
        }
    }

    /**
     * Asks the job to end at its next checkpoint (also releases a paused job) and interrupts the
     * training thread, so that a job blocked outside the training loop (downloading its data) ends too.
     * The state shows STOPPING until the job has ended.
     */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
            if (state == State.RUNNING || state == State.PAUSED) transition(State.STOPPING, null);
            if (jobThread != null) jobThread.interrupt();
        }
    }

    /** Waits until the current job has ended; returns false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        CompletableFuture<Void> done;
        synchronized (lock) { done = jobDone; }
        if (done == null) return true;
        try {
            done.get(timeout, unit);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);   // not thrown: the job's thread completes it normally
        }
        return true;
    }

    /** The one writer of {@link #state}; callers hold {@link #lock}. A stopping run stays STOPPING until it ends. */
    private void transition(State next, String message) {
        if (state == State.STOPPING && BUSY.contains(next)) return;
        state = next;
        for (Listener l : listeners) l.stateChanged(next, message);
    }

    /**
     * Waits for the run's turn at a checkpoint. Meanwhile other threads may use ND4J (Nd4jAccess); a
     * paused run waits without the lock.
     *
     * @param iteration whether a training iteration follows: only that uses up a granted step
     */
    private void awaitTurnWithoutNd4j(boolean iteration) {
        Nd4jAccess.release();
        try {
            awaitTurn(iteration);
        } finally {
            acquireNd4j();
        }
    }

    private void awaitTurn(boolean iteration) {
        synchronized (lock) {
            if (iteration) stepTraining = false;
            boolean waited = false;
            long waitStart = System.nanoTime();
            // the evaluation after a stepped mini-batch runs through: the step shows its epoch's metrics
            while (!stopRequested && pauseRequested && stepsGranted == 0 && (iteration || !stepTraining)) {
                if (!waited) {
                    waited = true;
                    transition(State.PAUSED, null);
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (waited) pausedNanos += System.nanoTime() - waitStart;
            if (stopRequested) throw new StopRequestedException();
            if (iteration && stepsGranted > 0) {
                stepsGranted--;
                stepTraining = true;
            }
            if (waited && state == State.PAUSED) transition(State.RUNNING, null);
        }
    }

    /** Time since the run started, less the time it spent paused. */
    private long trainingNanos() { return System.nanoTime() - runStartNanos - pausedNanos; }

    private final RunControl control = new RunControl() {
        @Override public void note(String deferredMessage) {
            for (Listener l : listeners) l.stateChanged(state, deferredMessage);
        }

        @Override public void checkpoint() { awaitTurnWithoutNd4j(true); }

        @Override public boolean stopRequested() { return stopRequested; }

        @Override public void log(String experiment, int epoch, String metric, double value) {
            metricLog.add(experiment, epoch, metric, value);
        }

        @Override public void progress(String experiment, int epoch, int totalEpochs) {
            if (lastNetwork > 0) networkLabels.putIfAbsent(lastNetwork, experiment);
            Progress p = progress;
            int configuration = p.configuration() == 0 || !p.label().equals(experiment) ? p.configuration() + 1 : p.configuration();
            long now = trainingNanos();
            progress = new Progress(experiment, configuration, Math.max(configuration, plannedConfigurations), epoch,
                    totalEpochs, p.iteration(), p.lastLoss(), now, now, p.setupNanos());
        }

        @Override public void plan(int configurations) {
            plannedConfigurations = Math.max(1, configurations);
            Progress p = progress;
            progress = new Progress(p.label(), p.configuration(), Math.max(p.configuration(), plannedConfigurations),
                    p.epoch(), p.epochs(), p.iteration(), p.lastLoss(), p.elapsedNanos(), p.fractionNanos(), p.setupNanos());
        }

        @Override public void iterationDone(TrainLoop<?> loop, double loss) {
            int network = networks.computeIfAbsent(loop, l -> networks.size() + 1);
            lastNetwork = network;
            Progress p = progress;
            // A loop the lesson named (networks side by side under one experiment) is named so; a configuration
            // announced at epoch 0 names its network from the first mini-batch (legends, a stop in its first epoch).
            if (loop.label() != null) networkLabels.putIfAbsent(network, loop.label());
            else if (!p.label().isEmpty() && !networkLabels.containsKey(network) && !networkLabels.containsValue(p.label())) {
                networkLabels.put(network, p.label());
            }
            // a loop made before the run started (not announced to it) starts where the run is
            long x = iterationsBefore.computeIfAbsent(loop, l -> (long) p.iteration() - (l.iteration() - 1)) + loop.iteration();
            // the run's iteration is the furthest network's: two nets side by side at their 10th iteration are at 10, not 20
            long now = trainingNanos();
            progress = new Progress(p.label(), p.configuration(), p.configurations(), p.epoch(), p.epochs(),
                    Math.max(p.iteration(), x), loss, now, p.fractionNanos(), p.setupNanos() == 0 ? now : p.setupNanos());
            for (IterationListener l : iterationListeners) l.iterationDone(x, network, loss);
        }

        @Override public void loopCreated(TrainLoop<?> loop) { iterationsBefore.putIfAbsent(loop, (long) progress.iteration()); }
    };
}
