package classlab.core.figure;

import java.util.function.DoubleBinaryOperator;

/**
 * A function of two variables sampled on a rectangular grid, drawn under the series of a
 * {@link LineFigure} (see {@link LineFigure#background(ScalarField)}): the loss surface
 * f(x, y) = x²/20 + y² under the optimizer paths of "Deep Learning from Scratch" §6.1
 * (matplotlib's {@code plt.contour(X, Y, Z)}), Rosenbrock, a saddle.
 *
 * <p>{@code values[j][i]} is the value at {@code (xs[i], ys[j])}: one row per y, as numpy's
 * {@code Z} from {@code np.meshgrid(xs, ys)}. Contour lines are drawn at each of {@code levels}
 * (marching squares over the grid cells, linear interpolation along edges); the heat map colours
 * each grid cell by its value from the field's minimum to maximum. Arrays handed in must not be
 * modified afterwards (the UI reads them while drawing).
 *
 * @param xs        grid x coordinates, strictly increasing, at least 2
 * @param ys        grid y coordinates, strictly increasing, at least 2
 * @param values    {@code ys.length} rows of {@code xs.length} values; NaN/∞ leave a hole
 * @param levels    values at which contour lines are drawn, ascending (may be empty for a heat
 *                  map only)
 * @param rendering contour lines, heat map, or both
 * @throws IllegalArgumentException on a shape mismatch, non-increasing coordinates or unsorted levels
 */
public record ScalarField(double[] xs, double[] ys, double[][] values, double[] levels, Rendering rendering) {
    /** How the field is drawn. */
    public enum Rendering { CONTOURS, HEAT_MAP, HEAT_MAP_AND_CONTOURS }

    public ScalarField {
        if (xs == null || ys == null || values == null || levels == null || rendering == null) {
            throw new IllegalArgumentException("scalar field needs xs, ys, values, levels and rendering (none null)");
        }
        if (xs.length < 2 || ys.length < 2) throw new IllegalArgumentException("scalar field needs at least a 2x2 grid, got " + xs.length + "x" + ys.length);
        increasing("xs", xs);
        increasing("ys", ys);
        if (values.length != ys.length) throw new IllegalArgumentException("scalar field has " + ys.length + " ys but " + values.length + " rows of values");
        for (int j = 0; j < values.length; j++) {
            if (values[j] == null || values[j].length != xs.length) {
                throw new IllegalArgumentException("row " + j + " of the scalar field must have " + xs.length + " values (one per x)");
            }
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) throw new IllegalArgumentException("contour levels must be strictly ascending, got " + levels[k - 1] + " then " + levels[k]);
        }
    }

    private static void increasing(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || (i > 0 && !(a[i] > a[i - 1]))) {
                throw new IllegalArgumentException(name + " of a scalar field must be finite and strictly increasing (index " + i + ")");
            }
        }
    }

    /**
     * Samples {@code f} on an evenly spaced {@code nx × ny} grid over {@code [xMin, xMax] × [yMin, yMax]}
     * (numpy's {@code np.meshgrid(np.linspace(xMin, xMax, nx), np.linspace(yMin, yMax, ny))}).
     * @throws IllegalArgumentException if {@code nx} or {@code ny} is below 2 or a range is empty
     */
    public static ScalarField sample(DoubleBinaryOperator f, double xMin, double xMax, int nx, double yMin, double yMax, int ny,
                                     double[] levels, Rendering rendering) {
        if (nx < 2 || ny < 2) throw new IllegalArgumentException("a sampled field needs at least 2x2 points, got " + nx + "x" + ny);
        double[] xs = linspace(xMin, xMax, nx), ys = linspace(yMin, yMax, ny);
        double[][] v = new double[ny][nx];
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) v[j][i] = f.applyAsDouble(xs[i], ys[j]);
        return new ScalarField(xs, ys, v, levels, rendering);
    }

    /** {@code count} evenly spaced values from {@code first} to {@code last} inclusive ({@code np.linspace}). */
    public static double[] linspace(double first, double last, int count) {
        if (count < 2) throw new IllegalArgumentException("linspace needs at least 2 points, got " + count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = first + (last - first) * i / (count - 1);
        out[count - 1] = last;
        return out;
    }

    /**
     * {@code count} levels spaced evenly in log scale from {@code first} to {@code last} ({@code np.geomspace}),
     * which suits bowls such as x²/20 + y² whose contours crowd near the minimum.
     * @throws IllegalArgumentException unless {@code 0 < first < last} and {@code count >= 2}
     */
    public static double[] geomspace(double first, double last, int count) {
        if (!(first > 0 && last > first)) throw new IllegalArgumentException("geometric levels need 0 < first < last, got " + first + ", " + last);
        double[] out = linspace(Math.log(first), Math.log(last), count);
        for (int i = 0; i < count; i++) out[i] = Math.exp(out[i]);
        out[0] = first;
        out[count - 1] = last;
        return out;
    }

    /** Smallest and largest finite value, {@code {min, max}}; {@code {0, 1}} if none is finite. */
    public double[] valueRange() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) for (double v : row) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        return min > max ? new double[] {0, 1} : new double[] {min, max};
    }

    public boolean drawsContours() { return rendering != Rendering.HEAT_MAP; }

    public boolean drawsHeatMap() { return rendering != Rendering.CONTOURS; }
}
