package classlab.core.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overlaid histograms (for example one feature before and after BatchNorm). Binning is done
 * here, on the caller's thread, so the UI only draws counts.
 */
public final class HistogramFigure extends Figure {
    /** Bin edges (length bins+1) and counts (length bins) of one distribution. */
    public record Bins(double[] edges, double[] counts, double mean, double std) {}

    private final String xLabelKey;
    private final int bins;
    private final Map<String, Bins> series = new LinkedHashMap<>();

    public HistogramFigure(String id, String titleKey, String xLabelKey, int bins) {
        super(id, titleKey);
        this.xLabelKey = xLabelKey;
        this.bins = bins;
    }

    public String xLabelKey() { return xLabelKey; }

    /** Replaces the named distribution with a histogram of {@code values}. */
    public void set(String name, double[] values) {
        Bins b = histogram(values, bins);
        synchronized (this) { series.put(name, b); }
        changed();
    }

    public synchronized Map<String, Bins> all() { return new LinkedHashMap<>(series); }
    public synchronized List<String> names() { return new ArrayList<>(series.keySet()); }

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
