package classlab.core.train;

import classlab.core.UserException;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * The training loop every lesson shares, for any {@link Trainable}: one {@link #fitEpoch} call is
 * one epoch of mini-batches (or one full-batch step). Before each iteration it yields to the
 * {@link RunControl} (pause / step / stop); after it, it checks the loss for NaN/∞ and calls the
 * iteration hook. The shuffle order comes from a {@link Random} seeded once per loop, so two
 * loops with the same seed see the same batches.
 *
 * <p>Not thread-safe: use from the training thread only.
 *
 * @param <D> the trainable's data type
 */
public final class TrainLoop<D> {
    private final Trainable<D> model;
    private final RunControl control;
    private final int batchSize;
    private final Random shuffleRng;
    private Trainer.IterationHook hook;
    private IntToDoubleFunction learningRateForEpoch;
    private String batchSizeParam = "batch_size";
    private volatile String label;
    private boolean droppedLastNoted;
    private boolean oversizedBatchNoted;
    private int epoch;
    private int iteration;

    /** @param batchSize mini-batch size; 0 or less means full batch (one iteration per epoch, data order) */
    public TrainLoop(Trainable<D> model, RunControl control, int batchSize, long shuffleSeed) {
        this.model = model;
        this.control = control;
        this.batchSize = batchSize;
        this.shuffleRng = new Random(shuffleSeed);
        control.loopCreated(this);
    }

    /** The parameter that set the batch size, named in messages about it (default {@code batch_size}). */
    public TrainLoop<D> batchSizeParam(String key) { this.batchSizeParam = key; return this; }

    public TrainLoop<D> onIteration(Trainer.IterationHook h) { this.hook = h; return this; }

    /**
     * Names the network this loop trains with a progress label ("binary_logits · sigmoid_bce"), for
     * networks trained side by side under one experiment (multiclass §4A): the engine names its live
     * loss curve after it, as it names a network after the configuration announced before it trains.
     */
    public TrainLoop<D> label(String progressLabel) { this.label = progressLabel; return this; }

    /** The label set with {@link #label(String)}, or null. */
    public String label() { return label; }

    /** Learning rate per 0-based epoch, applied at the start of each epoch (schedules). */
    public TrainLoop<D> learningRateSchedule(IntToDoubleFunction lr) { this.learningRateForEpoch = lr; return this; }

    /** Number of epochs completed. */
    public int epoch() { return epoch; }

    /** Number of iterations completed. */
    public int iteration() { return iteration; }

    /**
     * Trains one epoch in training mode and returns the mean mini-batch loss weighted by batch size
     * (what the notebooks print as "train loss").
     *
     * @throws DivergedException      if a loss is NaN or infinite
     * @throws StopRequestedException when the user stops the run
     */
    public double fitEpoch(D train) {
        if (learningRateForEpoch != null) model.setLearningRate(learningRateForEpoch.applyAsDouble(epoch));
        int all = model.rows(train);
        int b = batchSize <= 0 || batchSize >= all ? all : batchSize;
        if (batchSize > all && !oversizedBatchNoted) {
            // accepted (the form's range cannot know the data's size), but not silently: trial 7, item 17
            oversizedBatchNoted = true;
            control.note(new UserException(batchSizeParam, "note.batch_larger_than_data", "param." + batchSizeParam, batchSize, all).deferredMessage());
        }
        int n = rowsTrained(all, b);
        D data = b < all ? model.reorder(train, permutation(all)) : train;
        double lossSum = 0;
        try {
            for (int start = 0; start < n; start += b) {
                control.checkpoint();
                int end = Math.min(n, start + b);
                double loss = model.fitBatch(data, start, end);
                if (!Double.isFinite(loss)) throw new DivergedException(epoch, iteration, loss);
                lossSum += loss * (end - start);
                iteration++;
                if (hook != null) hook.afterIteration(iteration, epoch, loss);
                control.iterationDone(this, loss);
            }
        } finally {
            if (data != train) model.release(data);
        }
        epoch++;
        model.epochEnded();
        return lossSum / n;
    }

    /**
     * The rows an epoch trains on. BatchNorm cannot normalise a batch of one example (PyTorch
     * refuses: "Expected more than 1 value per channel when training"; DL4J trains on and reports
     * nonsense), so for a model that {@link Trainable#normalisesOverBatch() normalises over the batch}
     * a batch size of one is refused, and a last batch of one is left out of the epoch as PyTorch
     * users do with {@code drop_last}, said once in the run's notes. The rows are shuffled first,
     * so a different example waits each epoch.
     *
     * @throws UserException naming the batch-size parameter when every batch would hold one example
     */
    private int rowsTrained(int all, int b) {
        if (!model.normalisesOverBatch()) return all;
        if (b == 1) throw new UserException(batchSizeParam, "error.batchnorm.batch_of_one", batchSizeParam, all);
        if (all % b != 1) return all;
        if (!droppedLastNoted) {
            droppedLastNoted = true;
            // the setting named by its form label ("배치 크기 = 256"), a key the note's reader translates
            control.note(new UserException(batchSizeParam, "note.batchnorm.drop_last", "param." + batchSizeParam, b, all).deferredMessage());
        }
        return all - 1;
    }

    /** The model frees what it keeps between epochs ({@link Trainable#releaseKept}); training may go on after. */
    public void releaseKept() { model.releaseKept(); }

    /** Fisher-Yates with the loop's seeded generator. */
    private int[] permutation(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = shuffleRng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }
}
