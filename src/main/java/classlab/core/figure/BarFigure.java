package classlab.core.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grouped bars: one value per (category, group). Categories are the x labels (classes, layers,
 * batch sizes); groups are the coloured bar sets in the legend (configurations). Category labels
 * are shown verbatim unless they are message keys of the lesson bundle.
 *
 * <p>With {@link #smallMultiples(int)} each group gets its own small panel instead, captioned with the
 * group's label, all on the same y scale: the notebooks' rows of {@code plt.subplots(1, n)} bar
 * charts, such as notebook 000's label-smoothing targets (one panel per ε, §4-2). There
 * {@link #highlight} colours one category apart from the others in every panel (the notebook's
 * target class in {@code 'tomato'}, the rest {@code 'steelblue'}) and {@link #yRange} fixes the axis
 * ({@code ax.set_ylim(0, 1.1)}).
 */
public final class BarFigure extends Figure {
    private final String xLabelKey;
    private final String yLabelKey;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    private final List<LineFigure.Level> levels = new ArrayList<>();
    private final ColorSlots.OfFigure colorSlots = new ColorSlots.OfFigure();
    private boolean logY;
    private int panelColumns;
    private double yLow = Double.NaN, yHigh = Double.NaN;
    private String highlightCategory, highlightLabel, otherLabel;

    public BarFigure(String id, String titleKey, String xLabelKey, String yLabelKey) {
        super(id, titleKey);
        this.xLabelKey = xLabelKey;
        this.yLabelKey = yLabelKey;
    }

    public String xLabelKey() { return xLabelKey; }
    public String yLabelKey() { return yLabelKey; }
    public synchronized boolean logY() { return logY; }
    public BarFigure logY(boolean on) { synchronized (this) { logY = on; } changed(); return this; }

    /**
     * One panel per group, {@code columns} panels per row, on a shared y axis; 0 (the default) draws
     * the groups side by side in one chart. Configuration, set before the figure is shown: the view
     * is chosen by it. Kept by {@link #clear()}.
     * @throws IllegalArgumentException if {@code columns < 0}
     */
    public BarFigure smallMultiples(int columns) {
        if (columns < 0) throw new IllegalArgumentException("small-multiple columns must be >= 0, got " + columns);
        synchronized (this) { panelColumns = columns; }
        changed();
        return this;
    }

    /** Panels per row in small-multiples mode, or 0 when the groups share one chart. */
    public synchronized int panelColumns() { return panelColumns; }

    /**
     * Fixes the value axis to {@code [low, high]} ({@code ax.set_ylim(low, high)}) instead of fitting
     * it to the data; ignored on a log axis. Kept by {@link #clear()}.
     * @throws IllegalArgumentException unless {@code low < high}, both finite
     */
    public BarFigure yRange(double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("bar y range needs finite low < high, got [" + low + ", " + high + "]");
        }
        synchronized (this) { yLow = low; yHigh = high; }
        changed();
        return this;
    }

    /** The fixed value axis {@code {low, high}}, or null when it follows the data. */
    public synchronized double[] yRange() { return Double.isNaN(yLow) ? null : new double[] {yLow, yHigh}; }

    /**
     * Draws the bars of {@code category} in the accent colour and all others in the base colour, in
     * every panel (small multiples), with a legend of the two labels (message keys or deferred
     * messages, e.g. "target class 3" and "other classes"). The CSV gains a {@code highlight}
     * column naming each bar's label. Kept by {@link #clear()}; {@code null} category removes it.
     */
    public void highlight(String category, String highlightLabel, String otherLabel) {
        synchronized (this) {
            highlightCategory = category;
            this.highlightLabel = category == null ? null : highlightLabel;
            this.otherLabel = category == null ? null : otherLabel;
        }
        changed();
    }

    /** The highlighted category, or null. */
    public synchronized String highlightCategory() { return highlightCategory; }
    /** Legend label of the highlighted category's bars, or null without a highlight. */
    public synchronized String highlightLabel() { return highlightLabel; }
    /** Legend label of the other bars, or null without a highlight. */
    public synchronized String otherLabel() { return otherLabel; }

    /** Sets one bar; the category and group are appended in first-seen order. */
    public void set(String group, String category, double value) {
        synchronized (this) {
            if (!categories.contains(category)) categories.add(category);
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(category, value);
        }
        changed();
    }

    /** Replaces a whole group: values[i] belongs to categories[i]. */
    public void setGroup(String group, List<String> cats, double[] values) {
        synchronized (this) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < cats.size(); i++) {
                if (!categories.contains(cats.get(i))) categories.add(cats.get(i));
                m.put(cats.get(i), values[i]);
            }
            groups.put(group, m);
        }
        changed();
    }

    public void addLevel(String labelKey, double y) { synchronized (this) { levels.add(new LineFigure.Level(labelKey, y)); } changed(); }
    public synchronized List<LineFigure.Level> levels() { return new ArrayList<>(levels); }

    public synchronized List<String> categories() { return new ArrayList<>(categories); }
    public synchronized List<String> groups() { return new ArrayList<>(groups.keySet()); }

    /**
     * The colour slot (0, 1, 2…; views take it modulo their palette) of a group: its slot in the
     * lesson's other figures ({@link #shareColors}) when free here, else the lowest free one; kept
     * by {@link #clear()}, so a strategy has one colour in the line and the bar charts of every tab.
     */
    public int colorSlot(String group) { return colorSlots.of(group); }

    /** Colours groups as the other figures sharing {@code slots} do ({@link LineFigure#shareColors}). */
    public BarFigure shareColors(ColorSlots slots) {
        colorSlots.share(slots);
        return this;
    }

    /** The value of a bar, or NaN if it was never set. */
    public synchronized double value(String group, String category) {
        Map<String, Double> m = groups.get(group);
        Double v = m == null ? null : m.get(category);
        return v == null ? Double.NaN : v;
    }

    @Override public synchronized boolean hasData() { return !categories.isEmpty(); }

    /** Title, axis labels, groups and categories that are keys, and level labels. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        keys.add(xLabelKey);
        keys.add(yLabelKey);
        groups.keySet().forEach(g -> addLabelKeys(keys, g));
        categories.forEach(c -> addLabelKeys(keys, c));
        levels.forEach(l -> keys.add(l.labelKey()));
        addLabelKeys(keys, highlightLabel);
        addLabelKeys(keys, otherLabel);
        return keys;
    }

    @Override public void clear() {
        synchronized (this) { categories.clear(); groups.clear(); levels.clear(); }
        changed();
    }

    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder(panelColumns > 0 ? "panel" : "group").append(",category,value")
                .append(highlightCategory != null ? ",highlight\n" : "\n");
        groups.forEach((g, m) -> m.forEach((c, v) -> {
            sb.append(csvCell(g)).append(',').append(csvCell(c)).append(',').append(v);
            if (highlightCategory != null) sb.append(',').append(csvCell(c.equals(highlightCategory) ? highlightLabel : otherLabel));
            sb.append('\n');
        }));
        return sb.toString();
    }
}
