package classlab.core.train;

/**
 * What a running experiment sees of its controller. Experiments call {@link #checkpoint()}
 * between iterations: it blocks while the run is paused, lets exactly one iteration through per
 * "step", and throws {@link StopRequestedException} once a stop was requested.
 */
public interface RunControl {
    /** Blocks while paused; throws {@link StopRequestedException} when stopping. Training thread only. */
    void checkpoint();

    boolean stopRequested();

    /** Records a per-epoch metric (1-based epoch) for metrics.csv and the summary. */
    void log(String experiment, int epoch, String metric, double value);

    /**
     * A short progress line for the status bar ("no_bn · epoch 12/50"). Epoch 0 announces a
     * configuration before its first mini-batch, so a stop during its first epoch is reported as
     * this configuration, not the last one that finished an epoch.
     */
    default void progress(String experiment, int epoch, int totalEpochs) {}

    /**
     * Announces how many configurations (networks trained one after another, each reported
     * through {@link #progress}) the running experiment trains; 1 when never called.
     */
    default void plan(int configurations) {}

    /**
     * The mini-batch loss of the iteration that just ended (the {@link TrainLoop} reports every one).
     *
     * @param loop the loop that trained it: one per network, so that a run training several networks
     *             (configurations) one after another, or side by side, can draw one curve each
     */
    default void iterationDone(TrainLoop<?> loop, double loss) {}

    /**
     * A training loop (one network) was made for this run, before it trains: networks made together
     * train side by side (multiclass's tab A trains its two nets epoch by epoch in turn), one made after
     * others trained follows them (a run's configurations one after another).
     */
    default void loopCreated(TrainLoop<?> loop) {}

    /**
     * Tells the user something the run decided on its own (for example leaving out a last batch of
     * one with BatchNorm), as a deferred message ({@code key|arg|...}, see {@code UserException}).
     */
    default void note(String deferredMessage) {}

    /** A control that never pauses and never stops: for tests and plain computations. */
    static RunControl unattended(MetricLog log) {
        return unattended(log, note -> {});
    }

    /** {@link #unattended(MetricLog)} that hands each {@link #note} to {@code notes}. */
    static RunControl unattended(MetricLog log, java.util.function.Consumer<String> notes) {
        return new RunControl() {
            @Override public void note(String deferredMessage) { notes.accept(deferredMessage); }
            @Override public void checkpoint() {}
            @Override public boolean stopRequested() { return false; }
            @Override public void log(String experiment, int epoch, String metric, double value) {
                log.add(experiment, epoch, metric, value);
            }
        };
    }
}
