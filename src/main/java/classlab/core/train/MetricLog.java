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

    public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("experiment,epoch,metric,value\n");
        for (Row r : rows) {
            sb.append(r.experiment()).append(',').append(r.epoch()).append(',').append(r.metric()).append(',')
              .append(r.value()).append('\n');
        }
        return sb.toString();
    }
}
