package classlab.core.train;

/** The loss became NaN or infinite: the run stops and the message tells the user what to change. */
public final class DivergedException extends classlab.core.UserException {
    private final int epoch;
    private final int iteration;

    public DivergedException(int epoch, int iteration, double loss) {
        super("lr", "error.diverged", Double.toString(loss), epoch + 1, iteration);
        this.epoch = epoch;
        this.iteration = iteration;
    }

    /** 0-based epoch at which the loss stopped being finite. */
    public int epoch() { return epoch; }

    public int iteration() { return iteration; }
}
