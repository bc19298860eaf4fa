package classlab.core.scratch;

/**
 * One learnable array of a layer and its gradient, both flat and row-major: an Affine weight
 * {@code W [in, out]} is {@code value[i * out + j]}. The notebook keeps them in the dicts
 * {@code params["w1"]} and {@code grads["w1"]}; the optimizers update {@link #value} in place from
 * {@link #grad}, which {@code backward} overwrites.
 *
 * @param name  the notebook's key ({@code w1}, {@code b1}, {@code gamma1}…)
 * @param value the parameter, updated in place
 * @param grad  dLoss/dvalue from the last backward pass, same length as {@code value}
 */
public record Param(String name, double[] value, double[] grad) {
    public Param {
        if (value.length != grad.length) throw new IllegalArgumentException(name + ": value and gradient lengths differ");
    }

    /** A parameter with a zero gradient of the same length. */
    public static Param of(String name, double[] value) {
        return new Param(name, value, new double[value.length]);
    }
}
