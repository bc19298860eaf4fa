package classlab.core.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job at a time on a background thread with pause, single step and stop. The job
 * cooperates by calling {@link RunControl#checkpoint()} between iterations (the {@link Trainer}
 * does this for every mini-batch), so pausing never interrupts ND4J in the middle of an op and
 * the network is never touched by two threads.
 *
 * <p>Listeners are called on the training thread; UI listeners must hand over to their own thread.
 */
public final class TrainingEngine {
    public enum State { IDLE, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** Work to run on the training thread. */
    @FunctionalInterface
    public interface Job { void run(RunControl control) throws Exception; }

    @FunctionalInterface
    public interface Listener {
        /** {@code message} explains FAILED states (for example divergence to NaN); null otherwise. */
        void stateChanged(State state, String message);
    }

    private final Object lock = new Object();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final MetricLog metricLog = new MetricLog();
    private volatile State state = State.IDLE;
    private volatile String failureMessage;
    private volatile boolean stopRequested;
    private boolean pauseRequested;
    private int stepsGranted;
    private Thread worker;
    private volatile String progress = "";

    public void addListener(Listener l) { listeners.add(l); }

    public State state() { return state; }

    /** Why the last run failed, or null. */
    public String failureMessage() { return failureMessage; }

    /** Metrics logged by runs since the last {@link #clearLog()}. */
    public MetricLog metricLog() { return metricLog; }

    public void clearLog() { metricLog.clear(); }

    /** The last progress line reported by the running experiment. */
    public String progress() { return progress; }

    public boolean isBusy() {
        synchronized (lock) { return worker != null && worker.isAlive(); }
    }

    /**
     * Starts {@code job} on a new daemon thread.
     *
     * @param startPaused if true the job waits at its first checkpoint (used by "Step" from idle)
     * @throws IllegalStateException if a run is still in progress
     */
    public void start(Job job, boolean startPaused) {
        synchronized (lock) {
            if (worker != null && worker.isAlive()) throw new IllegalStateException("a run is already in progress");
            stopRequested = false;
            pauseRequested = startPaused;
            stepsGranted = 0;
            failureMessage = null;
            progress = "";
            worker = new Thread(() -> execute(job), "classlab-trainer");
            worker.setDaemon(true);
        }
        setState(State.RUNNING, null);
        worker.start();
    }

    private void execute(Job job) {
        State end;
        String message = null;
        try {
            job.run(control);
            end = stopRequested ? State.STOPPED : State.FINISHED;
        } catch (StopRequestedException e) {
            end = State.STOPPED;
        } catch (DivergedException e) {
            end = State.FAILED;
            message = e.getMessage();
        } catch (Throwable t) {
            // Stop interrupts the thread (a download waiting for a silent server ends at once); whatever
            // that interrupt made the job throw, the user asked to stop.
            end = stopRequested ? State.STOPPED : State.FAILED;
            if (!stopRequested) message = userMessage(t);
        }
        // DL4J keeps workspaces per thread and never frees them when the thread ends.
        Backend.releaseThreadMemory();
        failureMessage = message;
        setState(end, message);
    }

    /** A translatable message (deferred {@code key|args}) where the failure has one, else its text. */
    private static String userMessage(Throwable t) {
        if (t instanceof classlab.core.data.FileAccessException f) return f.deferredMessage();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Requests a pause; the job stops at its next checkpoint. */
    public void pause() {
        synchronized (lock) { pauseRequested = true; }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
        if (state == State.PAUSED) setState(State.RUNNING, null);
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
     */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
            if (worker != null && worker.isAlive()) worker.interrupt();
        }
    }

    /** Waits until the current job has ended; returns false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        Thread t;
        synchronized (lock) { t = worker; }
        if (t == null) return true;
        t.join(unit.toMillis(timeout));
        return !t.isAlive();
    }

    private void setState(State s, String message) {
        state = s;
        for (Listener l : listeners) l.stateChanged(s, message);
    }

    private final RunControl control = new RunControl() {
        @Override public void checkpoint() {
            boolean announcedPause = false;
            synchronized (lock) {
                while (!stopRequested && pauseRequested && stepsGranted == 0) {
                    if (!announcedPause) {
                        announcedPause = true;
                        state = State.PAUSED;
                        for (Listener l : listeners) l.stateChanged(State.PAUSED, null);
                    }
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopRequested = true;
                    }
                }
                if (stopRequested) throw new StopRequestedException();
                if (stepsGranted > 0) stepsGranted--;
            }
            if (announcedPause && state == State.PAUSED) setState(State.RUNNING, null);
        }

        @Override public boolean stopRequested() { return stopRequested; }

        @Override public void log(String experiment, int epoch, String metric, double value) {
            metricLog.add(experiment, epoch, metric, value);
        }

        @Override public void progress(String experiment, int epoch, int totalEpochs) {
            progress = experiment + " · " + epoch + "/" + totalEpochs;
        }
    };
}
