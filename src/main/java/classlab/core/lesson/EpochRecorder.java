package classlab.core.lesson;

import classlab.core.figure.LineFigure;
import classlab.core.train.RunControl;
import classlab.core.train.RunHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One experiment's per-epoch bookkeeping, written once instead of in every lesson: each
 * {@link #record} adds the value to the metric's chart series (if one is bound), logs it for
 * {@code metrics.csv}, and keeps it as the metric's final value for {@code summary.json}.
 * {@link #endEpoch} reports progress and, when the run is watched, tells the user once if it goes
 * nowhere ({@link RunHealth}: diverged, stalled or exploding weights), through
 * {@link RunControl#note} (the pane's problem line, the command line's standard error).
 *
 * <p>Training thread only.
 */
public final class EpochRecorder {
    private final String experiment;
    private final RunControl control;
    private final int epochs;
    private final Map<String, LineFigure.Series> plots = new LinkedHashMap<>();
    private final Map<String, Double> last = new LinkedHashMap<>();
    private RunHealth health;
    private String lossMetric;
    private String accuracyMetric;
    private DoubleSupplier largestWeight = () -> Double.NaN;

    /**
     * Announces the configuration to the progress line (epoch 0 of {@code epochs}) before its first
     * mini-batch: the epoch axes are fixed to {@code epochs} from the first step.
     *
     * @param epochs the number of epochs the run will train (for the progress line)
     */
    public EpochRecorder(String experiment, RunControl control, int epochs) {
        this.experiment = experiment;
        this.control = control;
        this.epochs = epochs;
        control.progress(experiment, 0, epochs);
    }

    /** Binds {@code metric} to a chart series (null: none): each recorded value is also plotted at its epoch. */
    public EpochRecorder plot(String metric, LineFigure.Series series) {
        if (series != null) plots.put(metric, series);
        return this;
    }

    /** What always guessing the most common class scores on data with these labels: its share, in (0, 1]. */
    public static double chanceAccuracy(int[] labels) {
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        int most = 0;
        for (int y : labels) most = Math.max(most, counts.merge(y, 1, Integer::sum));
        return labels.length == 0 ? 1 : (double) most / labels.length;
    }

    /**
     * Watches the run: judged after each epoch from these two recorded metrics.
     *
     * @param chanceAccuracy what guessing scores (1/classes, or the majority class's share)
     */
    public EpochRecorder watch(String lossMetric, String accuracyMetric, double chanceAccuracy) {
        this.lossMetric = lossMetric;
        this.accuracyMetric = accuracyMetric;
        this.health = new RunHealth(chanceAccuracy);
        return this;
    }

    /** Also watches the largest weight of {@code net} (one reduction over its parameters per epoch). */
    public EpochRecorder watchWeights(MultiLayerNetwork net) {
        this.largestWeight = () -> net.params().amaxNumber().doubleValue();
        return this;
    }

    /** Plots (if bound), logs and keeps {@code value} of {@code metric} at the 1-based {@code epoch}. */
    public void record(int epoch, String metric, double value) {
        LineFigure.Series series = plots.get(metric);
        if (series != null) series.add(epoch, value);
        control.log(experiment, epoch, metric, value);
        last.put(metric, value);
    }

    /** Ends the 1-based {@code epoch}: the progress line, and the watch's verdict. */
    public void endEpoch(int epoch) {
        control.progress(experiment, epoch, epochs);
        if (health == null) return;
        Double loss = last.get(lossMetric);
        Double accuracy = last.get(accuracyMetric);
        if (loss == null || accuracy == null) {
            throw new IllegalStateException("watched metrics " + lossMetric + " and " + accuracyMetric + " were not recorded in epoch " + epoch);
        }
        String verdict = health.afterEpoch(epoch, loss, accuracy, largestWeight.getAsDouble());
        if (verdict != null) control.note(verdict);
    }

    /** The last value of every recorded metric, in first-recorded order (the run's final metrics). */
    public Map<String, Double> finals() {
        return new LinkedHashMap<>(last);
    }

    /** The result of a run that trained {@code epochsTrained} epochs, with {@link #finals()} and any {@code extra} metrics. */
    public ExperimentResult result(int epochsTrained, Map<String, Double> extra) {
        Map<String, Double> metrics = finals();
        metrics.putAll(extra);
        return new ExperimentResult(experiment, epochsTrained, metrics);
    }
}
