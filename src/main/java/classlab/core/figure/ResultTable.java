package classlab.core.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A results table (final metrics per configuration, class weights, per-class F1...). Rows are
 * keyed, so re-running an experiment replaces its row. Column headers are message keys; cells
 * are numbers (formatted by the UI) or text.
 */
public final class ResultTable extends Figure {
    private final List<String> columnKeys;
    private final Map<String, List<Object>> rows = new LinkedHashMap<>();

    public ResultTable(String id, String titleKey, List<String> columnKeys) {
        super(id, titleKey);
        this.columnKeys = List.copyOf(columnKeys);
    }

    public List<String> columnKeys() { return columnKeys; }

    /** Adds or replaces the row with this key; cells must match the columns. */
    public void putRow(String key, Object... cells) {
        if (cells.length != columnKeys.size()) {
            throw new IllegalArgumentException("table " + id() + " has " + columnKeys.size() + " columns, got " + cells.length);
        }
        synchronized (this) { rows.put(key, List.of(cells)); }
        changed();
    }

    public synchronized List<List<Object>> rows() { return new ArrayList<>(rows.values()); }

    public synchronized List<Object> row(String key) { return rows.get(key); }

    @Override public synchronized boolean hasData() { return !rows.isEmpty(); }

    /** Title, column headers, and cells that are keys or deferred messages. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        keys.addAll(columnKeys);
        for (List<Object> r : rows.values()) for (Object cell : r) if (cell instanceof String s) addLabelKeys(keys, s);
        return keys;
    }
    /** The rows with their keys, in order (for recording a run). */
    public synchronized Map<String, List<Object>> keyedRows() { return new LinkedHashMap<>(rows); }

    @Override public void clear() { synchronized (this) { rows.clear(); } changed(); }

    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", columnKeys)).append('\n');
        for (List<Object> r : rows.values()) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(csvCell(String.valueOf(r.get(i))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
