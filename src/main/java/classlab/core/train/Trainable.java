package classlab.core.train;

/**
 * A model that the {@link TrainLoop} fits one mini-batch at a time: a DL4J network
 * ({@link Dl4jTrainable}) or the hand-written network of the {@code scratch} lesson. The loop owns
 * everything around the model (shuffling with a seeded generator, the pause/step/stop checkpoint
 * before every mini-batch, the NaN/∞ check, counters, learning-rate schedules); the model only
 * says how its data is reordered and how one batch is fitted. This is the shape of the
 * notebooks' "Trainer" (003 last section; 001 §3) without tying it to one library.
 *
 * <p>Called on the training thread only.
 *
 * @param <D> the model's training data (for example two ND4J matrices, or plain arrays)
 */
public interface Trainable<D> {
    /** Number of rows (examples) in {@code data}. */
    int rows(D data);

    /**
     * The rows of {@code data} in the given order, gathered once per epoch so that every mini-batch
     * is a contiguous range.
     *
     * @param order a permutation of {@code 0..rows(data)-1}
     */
    D reorder(D data, int[] order);

    /**
     * One optimisation step on rows {@code [start, end)} of {@code data} in training mode.
     *
     * @return the mini-batch's mean loss (NaN or ∞ when training diverged; the loop stops then)
     */
    double fitBatch(D data, int start, int end);

    /** Sets the learning rate of every parameter now (schedules, ReduceLROnPlateau). */
    void setLearningRate(double lr);

    /**
     * Whether the model normalises over the mini-batch (BatchNorm in training mode), which cannot
     * work on a batch of one example; the loop then refuses or drops such a batch.
     */
    default boolean normalisesOverBatch() { return false; }

    /** Called after each epoch (DL4J advances its epoch counter so epoch-based schedules move). */
    default void epochEnded() {}

    /**
     * Frees what {@link #reorder} made for one epoch, now that the epoch is over (also after a stop or
     * a failure). The loop never passes the caller's own data here.
     */
    default void release(D reordered) {}

    /**
     * Frees what the model keeps from epoch to epoch for speed (a reusable shuffled copy of the
     * data), once the run that trained it has ended; a later epoch would make it again. Called by
     * the {@link TrainingEngine} on the training thread after the job.
     */
    default void releaseKept() {}
}
