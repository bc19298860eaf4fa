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
 */
public final class BarFigure extends Figure {
    private final String xLabelKey;
    private final String yLabelKey;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    private final List<LineFigure.Level> levels = new ArrayList<>();
    private boolean logY;

    public BarFigure(String id, String titleKey, String xLabelKey, String yLabelKey) {
        super(id, titleKey);
        this.xLabelKey = xLabelKey;
        this.yLabelKey = yLabelKey;
    }

    public String xLabelKey() { return xLabelKey; }
    public String yLabelKey() { return yLabelKey; }
    public synchronized boolean logY() { return logY; }
    public BarFigure logY(boolean on) { synchronized (this) { logY = on; } changed(); return this; }

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
        return keys;
    }

    @Override public void clear() {
        synchronized (this) { categories.clear(); groups.clear(); levels.clear(); }
        changed();
    }

    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("group,category,value\n");
        groups.forEach((g, m) -> m.forEach((c, v) ->
                sb.append(csvCell(g)).append(',').append(csvCell(c)).append(',').append(v).append('\n')));
        return sb.toString();
    }
}
