package classlab.core.scratch;

import java.util.Random;

/**
 * Dropout with drop probability p (the notebook's {@code dropout_ratio}, PyTorch's {@code p}):
 * in training each unit is kept with probability 1 − p (mask m ~ Bernoulli(1 − p)), and both
 * variants make the expected training output equal the inference output, by scaling at a
 * different time.
 *
 * <ul>
 *   <li>{@link Variant#INVERTED} (PyTorch, Keras, DL4J): training out = x·m / (1 − p), inference
 *       out = x. Expected value: E[x·m / (1 − p)] = x·(1 − p) / (1 − p) = x, so inference needs no
 *       change at all.</li>
 *   <li>{@link Variant#CLASSIC} (Srivastava et al. 2014; the notebook's code): training out = x·m,
 *       inference out = x·(1 − p). Expected value: E[x·m] = x·(1 − p), which is exactly the
 *       inference output.</li>
 * </ul>
 * The notebook's {@code Dropout} is the classic variant although its text calls it "inverted".
 * Backward in both: dx = dout·m (·1/(1 − p) when inverted). Shapes {@code [N, D] → [N, D]}.
 */
public final class Dropout implements Layer {
    public enum Variant { INVERTED, CLASSIC }

    private final double p;
    private final Variant variant;
    private final Random rng;
    private boolean[][] mask;
    private boolean holdMask;

    /**
     * @param p    drop probability, 0 ≤ p &lt; 1
     * @param seed seed of the mask generator
     * @throws IllegalArgumentException if p is outside [0, 1)
     */
    public Dropout(double p, Variant variant, long seed) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p);
        this.p = p;
        this.variant = variant;
        this.rng = new Random(seed);
    }

    /**
     * Keeps the current mask for the following training passes instead of drawing a new one: a
     * numerical gradient check must differentiate one fixed function.
     */
    public void holdMask(boolean hold) { holdMask = hold; }

    @Override public double[][] forward(double[][] x, boolean train) {
        double[][] out = new double[x.length][];
        if (!train) {
            double scale = variant == Variant.CLASSIC ? 1 - p : 1;
            for (int i = 0; i < x.length; i++) {
                out[i] = new double[x[i].length];
                for (int j = 0; j < x[i].length; j++) out[i][j] = x[i][j] * scale;
            }
            return out;
        }
        if (!holdMask || mask == null || mask.length != x.length) {
            mask = new boolean[x.length][];
            for (int i = 0; i < x.length; i++) {
                mask[i] = new boolean[x[i].length];
                for (int j = 0; j < x[i].length; j++) mask[i][j] = rng.nextDouble() >= p;
            }
        }
        double keptScale = trainScale();
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = mask[i][j] ? x[i][j] * keptScale : 0;
        }
        return out;
    }

    @Override public double[][] backward(double[][] dout) {
        double keptScale = trainScale();
        double[][] dx = new double[dout.length][];
        for (int i = 0; i < dout.length; i++) {
            dx[i] = new double[dout[i].length];
            for (int j = 0; j < dout[i].length; j++) dx[i][j] = mask[i][j] ? dout[i][j] * keptScale : 0;
        }
        return dx;
    }

    private double trainScale() { return variant == Variant.INVERTED ? 1 / (1 - p) : 1; }
}
