package classlab.core.scratch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Numerical gradient check by central differences ("Deep Learning from Scratch" §5.7
 * {@code gradient_check}): every entry θ_i is moved by ±h and the gradient estimated as
 * (L(θ + h) − L(θ − h)) / 2h, with an error of order h²; it is compared with backward's gradient.
 *
 * <p>Error of one array: max_i |analytic_i − numeric_i| / max(‖analytic‖_∞, ‖numeric‖_∞), the
 * largest disagreement relative to the array's largest gradient entry (an entry-wise ratio would
 * blow up on entries that are 0 up to rounding, for example behind a ReLU). In double precision
 * with h = 1e-5 a correct backward gives about 1e-9 to 1e-11; a wrong one gives 1e-2 or more.
 *
 * <p>For a layer the scalar is L = Σ out ⊙ G with a fixed random G (so dL/dout = G); for a network
 * it is the mean cross-entropy.
 */
public final class GradientCheck {
    /** Step of the central difference. */
    public static final double H = 1e-5;

    private GradientCheck() {}

    /**
     * Checks {@code layer}'s backward in training mode at input {@code x}: the input gradient
     * (key {@code "x"}) and every parameter, by name. A {@link Dropout} keeps its mask during the
     * check.
     *
     * @param seed seed of the upstream gradient G
     * @return max relative error per array, in order x, then the layer's parameters
     */
    public static Map<String, Double> layer(Layer layer, double[][] x, long seed) {
        if (layer instanceof Dropout d) {
            d.forward(x, true);
            d.holdMask(true);
        }
        try {
            double[][] out = layer.forward(x, true);
            // Mixed seed: a G drawn from the same stream as x would lie along x, and BatchNorm's dx
            // (which removes the component along x̂) would then be ~1e-5 and lost in rounding.
            double[][] g = randomLike(out, new Random(seed * 0x9E3779B97F4A7C15L + 1));
            double[][] dx = layer.backward(g);
            Map<String, Double> errors = new LinkedHashMap<>();
            double[][] input = copy(x);
            errors.put("x", maxRelativeError(flatten(dx), numeric(input, () -> dot(layer.forward(input, true), g))));
            for (Param p : layer.params()) {
                double[] analytic = p.grad().clone();
                errors.put(p.name(), maxRelativeError(analytic, numeric(p.value(), () -> dot(layer.forward(x, true), g))));
            }
            return errors;
        } finally {
            if (layer instanceof Dropout d) d.holdMask(false);
        }
    }

    /** Checks {@link SoftmaxWithLoss}: dL/dlogits against central differences of the loss. */
    public static double softmaxWithLoss(double[][] logits, int[] labels) {
        SoftmaxWithLoss s = new SoftmaxWithLoss();
        s.forward(logits, labels);
        double[] analytic = flatten(s.backward());
        double[][] x = copy(logits);
        return maxRelativeError(analytic, numeric(x, () -> new SoftmaxWithLoss().forward(x, labels)));
    }

    /** Checks a whole network's backward against its loss: max relative error per parameter array (w1, b1, …). */
    public static Map<String, Double> network(ScratchNet net, double[][] x, int[] y) {
        net.gradient(x, y);
        Map<String, Double> errors = new LinkedHashMap<>();
        List<Param> params = net.params();
        for (Param p : params) {
            errors.put(p.name(), maxRelativeError(p.grad().clone(), numeric(p.value(), () -> net.loss(x, y))));
        }
        return errors;
    }

    /** max_i |a_i − n_i| / max(‖a‖_∞, ‖n‖_∞); 0 when both are 0. */
    public static double maxRelativeError(double[] analytic, double[] numeric) {
        double diff = 0, scale = 0;
        for (int i = 0; i < analytic.length; i++) {
            diff = Math.max(diff, Math.abs(analytic[i] - numeric[i]));
            scale = Math.max(scale, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
        }
        return scale == 0 ? 0 : diff / scale;
    }

    private static double[] numeric(double[][] x, DoubleSupplier loss) {
        double[] grad = new double[x.length == 0 ? 0 : x.length * x[0].length];
        int k = 0;
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) grad[k++] = central(row, j, loss);
        }
        return grad;
    }

    private static double[] numeric(double[] v, DoubleSupplier loss) {
        double[] grad = new double[v.length];
        for (int i = 0; i < v.length; i++) grad[i] = central(v, i, loss);
        return grad;
    }

    private static double central(double[] v, int i, DoubleSupplier loss) {
        double original = v[i];
        v[i] = original + H;
        double plus = loss.getAsDouble();
        v[i] = original - H;
        double minus = loss.getAsDouble();
        v[i] = original;
        return (plus - minus) / (2 * H);
    }

    private static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) s += a[i][j] * b[i][j];
        return s;
    }

    private static double[][] randomLike(double[][] a, Random rng) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = new double[a[i].length];
            for (int j = 0; j < r[i].length; j++) r[i][j] = rng.nextGaussian();
        }
        return r;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    static double[] flatten(double[][] a) {
        int n = 0;
        for (double[] row : a) n += row.length;
        double[] f = new double[n];
        int k = 0;
        for (double[] row : a) for (double v : row) f[k++] = v;
        return f;
    }
}
