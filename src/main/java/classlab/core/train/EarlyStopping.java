package classlab.core.train;

/**
 * Early stopping on a validation metric, the {@code EarlyStopping} class of notebook 000 Part 3:
 * <pre>
 * if val_loss &lt; best_loss - min_delta:  best_loss = val_loss; counter = 0   (improvement)
 * else:                                  counter += 1; stop if counter &gt;= patience
 * </pre>
 * So training stops at the {@code patience}-th consecutive epoch without an improvement of more
 * than {@code minDelta} (notebook defaults: patience 10, minDelta 1e-4). Mode {@link Mode#MAX}
 * mirrors the rule for metrics where larger is better ({@code value > best + minDelta}).
 * A NaN value never improves. The caller keeps the weights of {@link #bestEpoch()} (the
 * notebook's {@code best_state}) and restores them after stopping.
 */
public final class EarlyStopping {

    /** Whether smaller ({@link #MIN}, losses) or larger ({@link #MAX}, accuracies) values are better. */
    public enum Mode { MIN, MAX }

    private final int patience;
    private final double minDelta;
    private final Mode mode;

    private double best;
    private int bestEpoch;
    private int counter;
    private int stoppedEpoch;
    private boolean stopped;

    /** Notebook defaults: patience 10, minDelta 1e-4, mode min. */
    public EarlyStopping() {
        this(10, 1e-4, Mode.MIN);
    }

    public EarlyStopping(int patience, double minDelta) {
        this(patience, minDelta, Mode.MIN);
    }

    public EarlyStopping(int patience, double minDelta, Mode mode) {
        if (patience < 1) throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be a finite number >= 0, got " + minDelta);
        }
        if (mode == null) throw new IllegalArgumentException("mode must not be null");
        this.patience = patience;
        this.minDelta = minDelta;
        this.mode = mode;
        reset();
    }

    /**
     * Records the validation value of an epoch.
     *
     * @param epoch epoch number as the caller counts it (the notebook counts from 1); reported
     *              back by {@link #bestEpoch()} and {@link #stoppedEpoch()}
     * @return true when training should stop now; once stopped, further calls change nothing
     *         and return true
     */
    public boolean update(int epoch, double value) {
        if (isStopped()) return true;
        if (isImprovement(value)) {
            best = value;
            bestEpoch = epoch;
            counter = 0;
            return false;
        }
        counter++;
        if (counter >= patience) {
            stopped = true;
            stoppedEpoch = epoch;
            return true;
        }
        return false;
    }

    /**
     * Whether {@code value} would count as an improvement: {@code value < best − minDelta} in mode
     * min, {@code value > best + minDelta} in mode max (strict, so an equal value is no improvement).
     */
    public boolean isImprovement(double value) {
        return mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
    }

    /** Clears all history (best = ±infinity, not stopped). */
    public void reset() {
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        bestEpoch = -1;
        counter = 0;
        stoppedEpoch = -1;
        stopped = false;
    }

    /** Epoch of the best value so far, -1 before the first update. */
    public int bestEpoch() { return bestEpoch; }

    /** Best value so far (±infinity before the first update). */
    public double bestValue() { return best; }

    /** Epoch at which {@link #update} first returned true, -1 if it has not. */
    public int stoppedEpoch() { return stoppedEpoch; }

    public boolean isStopped() { return stopped; }

    /** Consecutive epochs without improvement (the notebook's {@code counter}). */
    public int epochsWithoutImprovement() { return counter; }

    public int patience() { return patience; }

    public double minDelta() { return minDelta; }

    public Mode mode() { return mode; }
}
