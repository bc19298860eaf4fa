package classlab.ui.widget;

import java.util.Arrays;

/**
 * The points of a series as a chart draws them: non-finite values dropped (and y &le; 0 on a log
 * axis, where the plotted value is log10 y). A long series whose x never decreases (loss per
 * iteration, ROC curves) is decimated to the chart's pixel columns keeping each column's lowest and
 * highest point ({@link #decimate}), so spikes survive; other long series (parametric paths) are
 * thinned by a constant stride ({@link #thin}). Both keep the last point so the curve ends where
 * training ended. Pure arithmetic, no JavaFX.
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

    /**
     * Decimation to {@code columns} pixel columns ("min/max per column"): the x range from the first
     * finite point is cut into equal columns whose width is a power of two in x units, at least
     * span / {@code columns} (so at most {@code columns} columns, each one to two pixels wide, and
     * their edges do not move while a live curve grows, which keeps the chart items of the drawn part
     * unchanged); of each column the points with the lowest and the highest plotted y are kept, in
     * their order, plus the first and the last point. The drawn line covers the same pixels per
     * column as the whole data, at most about 2 &times; {@code columns} + 2 points. Series with at most
     * 2 &times; {@code columns} + 2 finite points are kept whole; a series whose x ever decreases is
     * thinned by {@link #thin} to {@code maxPoints} instead.
     *
     * @param xy        {@code {xs, ys}} of equal length, as {@code LineFigure.Series.snapshot()}
     * @param notes     per-point notes or null
     * @param log       whether the y axis is logarithmic
     * @param columns   pixel columns of the plot (&ge; 1)
     * @param maxPoints stride target for series whose x is not monotone
     */
    static Points decimate(double[][] xy, String[] notes, boolean log, int columns, int maxPoints) {
        int n = xy[0].length;
        int[] finite = new int[n];
        int m = 0;
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = xy[0][i], p = AxisScale.toPlot(xy[1][i], log);
            if (!Double.isFinite(x) || !Double.isFinite(p)) continue;
            if (x < lastX) return thin(xy, notes, log, maxPoints);
            lastX = x;
            finite[m++] = i;
        }
        if (m <= 2 * columns + 2) return thin(xy, notes, log, Math.max(1, n));
        double x0 = xy[0][finite[0]], span = lastX - x0;
        if (!(span > 0)) return thin(xy, notes, log, maxPoints);
        double width = Math.pow(2, Math.ceil(Math.log(span / columns) / Math.log(2)));
        int[] kept = new int[2 * columns + 4];
        int k = 0;
        kept[k++] = finite[0];
        long column = Long.MIN_VALUE;
        int lo = -1, hi = -1;
        for (int j = 0; j < m; j++) {
            int i = finite[j];
            long c = (long) Math.floor((xy[0][i] - x0) / width);
            if (c != column) {
                k = keepColumn(kept, k, lo, hi);
                column = c;
                lo = hi = i;
            } else {
                double p = AxisScale.toPlot(xy[1][i], log);
                if (p < AxisScale.toPlot(xy[1][lo], log)) lo = i;
                if (p > AxisScale.toPlot(xy[1][hi], log)) hi = i;
            }
        }
        k = keepColumn(kept, k, lo, hi);
        if (kept[k - 1] != finite[m - 1]) kept[k++] = finite[m - 1];
        double[] xs = new double[k], ys = new double[k], py = new double[k];
        String[] ns = notes == null ? null : new String[k];
        int out = 0;
        for (int j = 0; j < k; j++) out = keep(xy, notes, kept[j], log, xs, ys, py, ns, out);
        return new Points(Arrays.copyOf(xs, out), Arrays.copyOf(ys, out), Arrays.copyOf(py, out), ns == null ? null : Arrays.copyOf(ns, out));
    }

    /** Appends a column's lowest and highest point (indices {@code lo}, {@code hi}; -1: none) in index order, without repeats. */
    private static int keepColumn(int[] kept, int k, int lo, int hi) {
        if (lo < 0) return k;
        int a = Math.min(lo, hi), b = Math.max(lo, hi);
        if (kept[k - 1] != a) kept[k++] = a;
        if (b != a) kept[k++] = b;
        return k;
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
