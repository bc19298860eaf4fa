package classlab.core.scratch;

import java.util.Random;

/**
 * Initial weight scale of notebook 003 ({@code SimpleNet.__initialize_weights}): W ~ N(0, scale²)
 * with scale = a fixed standard deviation (0.01), Xavier √(1/n_in) or He √(2/n_in), n_in being the
 * previous layer's width; biases start at 0.
 *
 * <p>This Xavier is the book's (Glorot's variance 1/n_in for the forward pass). PyTorch's
 * {@code nn.init.xavier_normal_} uses 2/(n_in + n_out) and {@code kaiming_normal_} 2/n_in (the
 * same as He here).
 */
public enum WeightInit {
    STD_001("std001"), XAVIER("xavier"), HE("he");

    private final String id;

    WeightInit(String id) { this.id = id; }

    /** The id used in parameters and series ({@code std001}, {@code xavier}, {@code he}). */
    public String id() { return id; }

    /** Standard deviation for a layer with {@code fanIn} inputs. */
    public double scale(int fanIn) {
        return switch (this) {
            case STD_001 -> 0.01;
            case XAVIER -> Math.sqrt(1.0 / fanIn);
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** {@code fanIn × fanOut} weights, row-major, drawn from N(0, scale(fanIn)²). */
    public double[] weights(int fanIn, int fanOut, Random rng) {
        double s = scale(fanIn);
        double[] w = new double[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) w[i] = s * rng.nextGaussian();
        return w;
    }
}
