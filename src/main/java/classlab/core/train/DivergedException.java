package classlab.core.train;

/** The loss became NaN or infinite: the run stops and the message tells the user what to change. */
public final class DivergedException extends RuntimeException {
    private final int epoch;
    private final int iteration;

    public DivergedException(int epoch, int iteration, double loss) {
        super(String.format("Training diverged: the loss became %s at epoch %d, iteration %d. "
                + "Lower the learning rate or check the inputs, then run again.", loss, epoch + 1, iteration));
        this.epoch = epoch;
        this.iteration = iteration;
    }

    /** 0-based epoch at which the loss stopped being finite. */
    public int epoch() { return epoch; }

    public int iteration() { return iteration; }
}
