package classlab.core.lesson;

import java.util.Map;

/**
 * What an experiment reports when it ends, for {@code summary.json}: the epochs it trained and
 * its final metrics in snake_case ({@code test_accuracy}, {@code train_loss}...). Per-epoch values
 * go through {@link classlab.core.train.RunControl#log}.
 *
 * @param details results that are not single numbers (for example {@code top_confused_pairs}: a list of
 *                maps), written to {@code summary.json} next to the metrics as JSON values; lists, maps,
 *                strings and numbers only
 */
public record ExperimentResult(String name, int epochs, Map<String, Double> finalMetrics, Map<String, Object> details) {
    public ExperimentResult {
        finalMetrics = Map.copyOf(finalMetrics);
        details = Map.copyOf(details);
    }

    public ExperimentResult(String name, int epochs, Map<String, Double> finalMetrics) {
        this(name, epochs, finalMetrics, Map.of());
    }
}
