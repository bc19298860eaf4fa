package classlab.core.train.schedule;

import java.util.Map;

/**
 * A learning-rate schedule with PyTorch {@code torch.optim.lr_scheduler} semantics.
 *
 * <p>Epochs are 0-based: {@code lrAt(0)} is the initial learning rate, {@code lrAt(e)} the value
 * a PyTorch loop reads from {@code optimizer.param_groups[0]['lr']} during epoch {@code e}
 * after calling {@code scheduler.step()} once at the end of each earlier epoch.
 *
 * <p>Metric-driven schedules ({@link ReduceLROnPlateau}) are fed the validation metric through
 * {@link #observe(double)} at the end of each epoch; for them {@code lrAt} returns the current
 * value whatever the epoch argument. A training loop can therefore treat every schedule alike:
 * {@code lr = s.lrAt(epoch)} before the epoch, {@code s.observe(valLoss)} after it.
 */
public interface LrSchedule {

    /** Learning rate used during epoch {@code epoch} (0-based). */
    double lrAt(int epoch);

    /**
     * Learning rate for an iteration inside an epoch, {@code fractionOfEpoch} in [0, 1).
     * Piecewise-constant schedules return {@link #lrAt(int)}; the cosine schedules evaluate
     * their formula at {@code epoch + fractionOfEpoch}, like PyTorch's
     * {@code scheduler.step(epoch + i / iters)} per iteration.
     */
    default double lrAt(int epoch, double fractionOfEpoch) {
        return lrAt(epoch);
    }

    /** Schedule name as used by {@link ScheduleSpec} ("step", "cosine", ...). */
    String name();

    /** The parameters under their {@link ScheduleSpec} keys, in a stable order. */
    Map<String, Object> parameters();

    /** Feeds the validation metric of the epoch that just ended; ignored by epoch-based schedules. */
    default void observe(double validationMetric) {
    }

    /** Forgets all state from {@link #observe(double)}; a no-op for stateless schedules. */
    default void reset() {
    }
}
