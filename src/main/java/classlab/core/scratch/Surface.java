package classlab.core.scratch;

/**
 * Two-variable functions for the optimizer race, each with its gradient, start point and the
 * window that shows it.
 *
 * <ul>
 *   <li>{@link #BOWL}: f(x, y) = x²/20 + y² from (−7, 2), "Deep Learning from Scratch" §6.1.7 (a
 *       valley 20 times longer in x than in y: SGD zig-zags across it).</li>
 *   <li>{@link #ROSENBROCK}: (1 − x)² + 100·(y − x²)² from (−1.5, 2), minimum at (1, 1) at the end
 *       of a curved, flat-bottomed valley; gradients are hundreds of times larger than the bowl's,
 *       so learning rates tuned for the bowl make SGD and momentum diverge.</li>
 *   <li>{@link #SADDLE}: x²/20 − y²/2 + y⁴/4 from (−7, 0.01): a saddle point at (0, 0) between
 *       two minima at (0, ±1). Starting almost on the ridge, the push away from y = 0 is tiny:
 *       plain SGD escapes slowly, methods that rescale the gradient escape at once.</li>
 * </ul>
 */
public enum Surface {
    BOWL("bowl", -7, 2, -10, 10, -5, 5),
    ROSENBROCK("rosenbrock", -1.5, 2, -2, 2, -1, 3),
    SADDLE("saddle", -7, 0.01, -10, 10, -2, 2);

    private final String id;
    private final double startX, startY, xMin, xMax, yMin, yMax;

    Surface(String id, double startX, double startY, double xMin, double xMax, double yMin, double yMax) {
        this.id = id;
        this.startX = startX;
        this.startY = startY;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    public String id() { return id; }
    public double[] start() { return new double[] {startX, startY}; }
    /** The window {@code {xMin, xMax, yMin, yMax}}. */
    public double[] window() { return new double[] {xMin, xMax, yMin, yMax}; }

    public double value(double x, double y) {
        return switch (this) {
            case BOWL -> x * x / 20 + y * y;
            case ROSENBROCK -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            case SADDLE -> x * x / 20 - y * y / 2 + y * y * y * y / 4;
        };
    }

    /** ∇f at (x, y) as {@code {df/dx, df/dy}}. */
    public double[] gradient(double x, double y) {
        return switch (this) {
            case BOWL -> new double[] {x / 10, 2 * y};
            case ROSENBROCK -> new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
            case SADDLE -> new double[] {x / 10, -y + y * y * y};
        };
    }

    /** @throws IllegalArgumentException for an unknown id */
    public static Surface of(String id) {
        for (Surface s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown surface '" + id + "'; expected bowl, rosenbrock or saddle");
    }
}
