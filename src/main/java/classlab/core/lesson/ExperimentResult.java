package classlab.core.lesson;

import java.util.Map;

/**
 * What an experiment reports when it ends, for {@code summary.json}: the epochs it trained and
 * its final metrics in snake_case ({@code test_accuracy}, {@code train_loss}...). Per-epoch values
 * go through {@link classlab.core.train.RunControl#log}.
 */
public record ExperimentResult(String name, int epochs, Map<String, Double> finalMetrics) {
    public ExperimentResult { finalMetrics = Map.copyOf(finalMetrics); }
}
