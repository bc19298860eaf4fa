package classlab.core.train;

import java.util.ArrayList;
import java.util.List;

/** Thread-safe record of per-epoch metrics, written as {@code experiment,epoch,metric,value}. */
public final class MetricLog {
    public record Row(String experiment, int epoch, String metric, double value) {}

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(String experiment, int epoch, String metric, double value) {
        rows.add(new Row(experiment, epoch, metric, value));
    }

    public synchronized List<Row> rows() { return new ArrayList<>(rows); }

    public synchronized void clear() { rows.clear(); }

    /**
     * The rows as CSV with a header. A value that is no finite number (an undefined metric, NaN) is an
     * empty cell, as {@code summary.json} writes it {@code null}; pandas reads either as NaN.
     */
    public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("experiment,epoch,metric,value\n");
        for (Row r : rows) {
            sb.append(r.experiment()).append(',').append(r.epoch()).append(',').append(r.metric()).append(',');
            if (Double.isFinite(r.value())) sb.append(r.value());
            sb.append('\n');
        }
        return sb.toString();
    }
}
