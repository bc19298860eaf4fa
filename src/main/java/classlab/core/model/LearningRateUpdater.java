package classlab.core.model;

import java.util.Objects;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * What ClassLab's PyTorch-rule updaters ({@link SgdMomentum}, {@link TorchAdam}) share: a learning rate,
 * replaced by a DL4J {@link ISchedule} when one is set ({@code net.setLearningRate}, the lessons' schedules).
 */
abstract class LearningRateUpdater implements IUpdater {
    private double learningRate;
    private ISchedule learningRateSchedule;

    /** @throws IllegalArgumentException unless {@code learningRate} is positive and finite */
    LearningRateUpdater(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double getLearningRate() { return learningRate; }
    public void setLearningRate(double lr) { this.learningRate = lr; }
    public ISchedule getLearningRateSchedule() { return learningRateSchedule; }
    public void setLearningRateSchedule(ISchedule s) { this.learningRateSchedule = s; }

    @Override public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override public boolean hasLearningRate() { return true; }

    @Override public void setLrAndSchedule(double lr, ISchedule schedule) {
        this.learningRate = lr;
        this.learningRateSchedule = schedule;
    }

    /** {@code copy} (a fresh instance with the same hyper-parameters) given a copy of this schedule. */
    <T extends LearningRateUpdater> T withScheduleCopied(T copy) {
        copy.setLearningRateSchedule(learningRateSchedule == null ? null : learningRateSchedule.clone());
        return copy;
    }

    /** Same learning rate and schedule (the part of {@code equals} this class owns). */
    boolean sameLearningRate(LearningRateUpdater o) {
        return o.getLearningRate() == learningRate && Objects.equals(o.getLearningRateSchedule(), learningRateSchedule);
    }

    int learningRateHash() { return Objects.hash(learningRate, learningRateSchedule); }

    @Override public abstract LearningRateUpdater clone();
}
