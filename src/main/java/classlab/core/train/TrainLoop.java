package classlab.core.train;

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
    private int epoch;
    private int iteration;

    /** @param batchSize mini-batch size; 0 or less means full batch (one iteration per epoch, data order) */
    public TrainLoop(Trainable<D> model, RunControl control, int batchSize, long shuffleSeed) {
        this.model = model;
        this.control = control;
        this.batchSize = batchSize;
        this.shuffleRng = new Random(shuffleSeed);
    }

    public TrainLoop<D> onIteration(Trainer.IterationHook h) { this.hook = h; return this; }

    /** Learning rate per 0-based epoch, applied at the start of each epoch (schedules). */
    public TrainLoop<D> learningRateSchedule(IntToDoubleFunction lr) { this.learningRateForEpoch = lr; return this; }

    public Trainable<D> model() { return model; }

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
        int n = model.rows(train);
        int b = batchSize <= 0 || batchSize >= n ? n : batchSize;
        D data = b < n ? model.reorder(train, permutation(n)) : train;
        double lossSum = 0;
        for (int start = 0; start < n; start += b) {
            control.checkpoint();
            int end = Math.min(n, start + b);
            double loss = model.fitBatch(data, start, end);
            if (!Double.isFinite(loss)) throw new DivergedException(epoch, iteration, loss);
            lossSum += loss * (end - start);
            iteration++;
            if (hook != null) hook.afterIteration(iteration, epoch, loss);
        }
        epoch++;
        model.epochEnded();
        return lossSum / n;
    }

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
