package classlab.core.scratch;

/**
 * One update rule for the from-scratch network and the optimizer race, with the contract of
 * Tribuo's {@code StochasticGradientOptimiser}: {@link #init} allocates per-parameter state
 * (velocities, squared-gradient sums, moments) for arrays of the given lengths, {@link #step}
 * updates the parameters in place from their gradients, {@link #reset} forgets the state (a new
 * run starts from zero velocity).
 *
 * <p>The rules are the notebook's (003 "옵티마이저 구현해보기") written with {@code torch.optim}'s
 * semantics where the two differ; each class says how. All six are tested against
 * {@code reference/optimizers.json} (30 steps on x²/20 + y²). Not thread-safe.
 */
public interface Optimizer {
    /** The id used in parameters, series and {@code summary.json} ({@code sgd}, {@code adam}…). */
    String id();

    double learningRate();

    /** Changes the learning rate from the next step on (schedules). */
    void setLearningRate(double lr);

    /**
     * Allocates zeroed state for parameter arrays of these lengths; calling it again re-allocates.
     *
     * @throws IllegalArgumentException if a length is negative
     */
    void init(int... lengths);

    /**
     * One update, {@code params[i][k]} from {@code grads[i][k]}, in place.
     *
     * @throws IllegalStateException if {@link #init} was not called for arrays of these lengths
     */
    void step(double[][] params, double[][] grads);

    /** Forgets the state (zero velocity, zero sums, step count 0) keeping the array lengths. */
    void reset();
}
