package classlab.core.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Histograms of named distributions (for example one feature before and after BatchNorm). Binning is
 * done here, on the caller's thread, so the UI only draws counts.
 *
 * <p>By default the distributions are overlaid in one plot. With {@link #smallMultiples(int)} each
 * gets its own small panel, captioned with its name, all on the same x and y scale, in a grid: the
 * per-layer activation histograms of "Deep Learning from Scratch" §6.2 (one panel per hidden layer,
 * {@code plt.subplot(1, 5, i+1)}; use one figure per initialisation, or name the series
 * "std 0.01 / layer 1"… and use 5 columns for all of them). {@link #range(double, double)} fixes the
 * bin range as numpy's {@code np.histogram(..., range=(lo, hi))} (the book's {@code range=(0, 1)}).
 */
public final class HistogramFigure extends Figure {
    /**
     * Bin edges (length bins+1) and counts (length bins) of one distribution; {@code below} and
     * {@code above} count the finite values left out below the first and above the last edge (0
     * without a {@link #range}), so a view can mark what its axis does not show.
     */
    public record Bins(double[] edges, double[] counts, double mean, double std, int below, int above) {
        public Bins(double[] edges, double[] counts, double mean, double std) { this(edges, counts, mean, std, 0, 0); }
    }

    /** Title of the count axis of every histogram (matplotlib's {@code plt.hist} counts; no density). */
    public static final String Y_LABEL_KEY = "axis.histogram_count";

    private final String xLabelKey;
    private final int bins;
    private final Map<String, Bins> series = new LinkedHashMap<>();
    private int panelColumns;
    private double rangeLow = Double.NaN, rangeHigh = Double.NaN;

    public HistogramFigure(String id, String titleKey, String xLabelKey, int bins) {
        super(id, titleKey);
        this.xLabelKey = xLabelKey;
        this.bins = bins;
    }

    public String xLabelKey() { return xLabelKey; }

    /**
     * One panel per distribution, {@code columns} panels per row, on shared axes; 0 (the default)
     * overlays all distributions in one plot. Configuration: kept by {@link #clear()}.
     * @throws IllegalArgumentException if {@code columns < 0}
     */
    public HistogramFigure smallMultiples(int columns) {
        if (columns < 0) throw new IllegalArgumentException("small-multiple columns must be >= 0, got " + columns);
        synchronized (this) { panelColumns = columns; }
        changed();
        return this;
    }

    /** Panels per row in small-multiples mode, or 0 when the distributions are overlaid. */
    public synchronized int panelColumns() { return panelColumns; }

    /**
     * Bins later {@link #set} calls over {@code [low, high]} instead of each distribution's own min…max,
     * ignoring values outside (as {@code np.histogram(values, bins, range=(low, high))}; the last bin
     * includes {@code high}); mean and σ still describe all finite values.
     * @throws IllegalArgumentException unless {@code low < high}, both finite
     */
    public HistogramFigure range(double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("histogram range needs finite low < high, got [" + low + ", " + high + "]");
        }
        synchronized (this) { rangeLow = low; rangeHigh = high; }
        changed();
        return this;
    }

    /** Replaces the named distribution with a histogram of {@code values}. */
    public void set(String name, double[] values) {
        double lo, hi;
        synchronized (this) { lo = rangeLow; hi = rangeHigh; }
        Bins b = Double.isNaN(lo) ? histogram(values, bins) : histogram(values, bins, lo, hi);
        synchronized (this) { series.put(name, b); }
        changed();
    }

    public synchronized Map<String, Bins> all() { return new LinkedHashMap<>(series); }
    public synchronized List<String> names() { return new ArrayList<>(series.keySet()); }

    @Override public synchronized boolean hasData() { return !series.isEmpty(); }

    /** Title, axis labels, and distribution names that are keys. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        keys.add(xLabelKey);
        keys.add(Y_LABEL_KEY);
        series.keySet().forEach(n -> addLabelKeys(keys, n));
        return keys;
    }

    @Override public void clear() { synchronized (this) { series.clear(); } changed(); }

    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("series,bin_start,bin_end,count\n");
        series.forEach((n, b) -> {
            for (int i = 0; i < b.counts().length; i++) {
                sb.append(csvCell(n)).append(',').append(b.edges()[i]).append(',').append(b.edges()[i + 1])
                  .append(',').append(b.counts()[i]).append('\n');
            }
        });
        return sb.toString();
    }

    /**
     * Equal-width histogram of the finite values over {@code [low, high]}; values outside are not
     * counted ({@code np.histogram(values, bins, range=(low, high))}) but tallied in
     * {@link Bins#below()}/{@link Bins#above()}. Mean and σ (population) are of all finite values.
     */
    public static Bins histogram(double[] values, int bins, double low, double high) {
        Bins all = histogram(values, 1);
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = low + (high - low) * i / bins;
        double[] counts = new double[bins];
        int below = 0, above = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            if (v < low) { below++; continue; }
            if (v > high) { above++; continue; }
            int b = (int) ((v - low) / (high - low) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        return new Bins(edges, counts, all.mean(), all.std(), below, above);
    }

    /** Equal-width histogram over [min, max] of the finite values; NaN/∞ are ignored. */
    public static Bins histogram(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sumSq = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSq += v * v;
            n++;
        }
        if (n == 0) return new Bins(new double[] {0, 1}, new double[] {0}, Double.NaN, Double.NaN);
        if (max == min) { min -= 0.5; max += 0.5; }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = min + (max - min) * i / bins;
        double[] counts = new double[bins];
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            int b = (int) ((v - min) / (max - min) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return new Bins(edges, counts, mean, std);
    }
}
