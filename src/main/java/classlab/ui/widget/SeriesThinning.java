package classlab.ui.widget;

import java.util.Arrays;

/**
 * The points of a series as a chart draws them: non-finite values dropped (and y &le; 0 on a log
 * axis, where the plotted value is log10 y), long series thinned by a constant stride to at most
 * about {@code maxPoints}, always keeping the last point so the curve ends where training ended.
 * Pure arithmetic, no JavaFX.
 */
final class SeriesThinning {
    /**
     * Kept points: data x and y, the y value on the axis ({@link AxisScale#toPlot}), and per-point notes
     * (null when the series has none). All arrays have the same length.
     */
    record Points(double[] xs, double[] ys, double[] plotYs, String[] notes) {
        static final Points EMPTY = new Points(new double[0], new double[0], new double[0], null);

        int size() { return xs.length; }
    }

    private SeriesThinning() { }

    /**
     * @param xy        {@code {xs, ys}} of equal length, as {@code LineFigure.Series.snapshot()}
     * @param notes     per-point notes or null
     * @param log       whether the y axis is logarithmic
     * @param maxPoints stride target: every ⌈n / maxPoints⌉-th point is kept (plus the last)
     */
    static Points thin(double[][] xy, String[] notes, boolean log, int maxPoints) {
        int n = xy[0].length;
        int stride = Math.max(1, (n + maxPoints - 1) / maxPoints);
        int cap = n / stride + 2;
        double[] xs = new double[cap], ys = new double[cap], py = new double[cap];
        String[] ns = notes == null ? null : new String[cap];
        int k = 0;
        for (int i = 0; i < n; i += stride) k = keep(xy, notes, i, log, xs, ys, py, ns, k);
        if (n > 0 && (n - 1) % stride != 0) k = keep(xy, notes, n - 1, log, xs, ys, py, ns, k);
        return new Points(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k), Arrays.copyOf(py, k), ns == null ? null : Arrays.copyOf(ns, k));
    }

    private static int keep(double[][] xy, String[] notes, int i, boolean log,
                            double[] xs, double[] ys, double[] py, String[] ns, int k) {
        double x = xy[0][i], y = xy[1][i];
        double p = AxisScale.toPlot(y, log);
        if (!Double.isFinite(x) || !Double.isFinite(p)) return k;
        xs[k] = x;
        ys[k] = y;
        py[k] = p;
        if (ns != null) ns[k] = notes[i];
        return k + 1;
    }

    /**
     * Whether curve b lies on curve a: the same x values and plotted y values within a thousandth of a's
     * y span (well below one pixel). BCELoss(σ(z)) and BCEWithLogitsLoss(z) agree to 1e-7, so the
     * second is dashed to let the first show between the dashes.
     */
    static boolean coincident(Points a, Points b) {
        if (a.size() != b.size()) return false;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double y : a.plotYs()) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
        double tolerance = 1e-3 * Math.max(hi - lo, 1e-12);
        for (int i = 0; i < a.size(); i++) {
            if (a.xs()[i] != b.xs()[i] || Math.abs(a.plotYs()[i] - b.plotYs()[i]) > tolerance) return false;
        }
        return true;
    }
}
