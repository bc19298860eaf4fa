package classlab.core.classroom;

import classlab.core.lesson.ParamValues;
import classlab.core.train.TrainingEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One finished (or stopped, or failed) run of a lesson experiment as it was shown: its settings,
 * seed and start time, the curves of its line figures, the rows of its tables, its bars and grids,
 * and the per-epoch metrics it logged. Immutable; serialised to JSON by {@link RunFiles}.
 *
 * @param number     the run's number in the lesson's {@link RunHistory}: 1, 2, 3... for runs trained in this
 *                   session; -1, -2... for runs that came from a file (replayed or restored; they take no
 *                   number of the trained runs' sequence); 0 for a run read from a file and not yet in a history
 * @param settings   every parameter as it would be typed in the form ({@code ParamValues.text})
 * @param changed    the training parameters that differ from the notebook's defaults, in form order
 * @param training   the keys of the parameters that configure this run (not demo parameters, not other
 *                   sections' parameters), in form order
 * @param seed       the seed of the run's tab ({@code seed} or {@code <name>_seed}: {@link ParamValues#seedKey}), or null if it has none
 * @param outcome    how the run ended: {@code FINISHED}, {@code STOPPED} or {@code FAILED}
 * @param results    the experiment's final metrics ({@code ExperimentResult.finalMetrics}); empty unless finished
 * @param source     for a run that came from a file (replayed, or restored at start-up), which recorded run it
 *                   is; null for a run trained in this session
 * @param endedAt    where the run was when it ended (configuration, epoch, iteration: for a stopped run, where
 *                   it was stopped; for a replay, where the recorded run ended); null if unknown (files written
 *                   before ClassLab recorded it). Its loss and time are not kept (NaN and 0).
 */
public record RunRecord(int number, String lesson, String experiment, String section, Map<String, String> settings,
                        Map<String, String> changed, List<String> training, Long seed, Instant started, String outcome,
                        Map<String, Double> results, List<Curve> curves, List<TableRow> tableRows, List<Bar> bars, List<Grid> grids,
                        List<Metric> metrics, Source source, TrainingEngine.Progress endedAt) {

    /** One series of a line figure: {@code x} and {@code y} have the same length (epochs, iterations...). */
    public record Curve(String figure, String series, boolean rightAxis, double[] x, double[] y) {}

    /** One row of a results table, cells as shown (numbers or message keys/text). */
    public record TableRow(String figure, String key, List<Object> cells) {}

    /** One bar of a bar figure. */
    public record Bar(String figure, String group, String category, double value) {}

    /** One panel of a grid figure (masks, confusion matrices). */
    public record Grid(String figure, String caption, double[][] values, String[] rowLabels, String[] colLabels,
                       boolean showValues) {}

    /** One logged per-epoch metric ({@code RunControl.log}). */
    public record Metric(String experiment, int epoch, String metric, double value) {}

    /**
     * The recorded run a run from a file is.
     *
     * @param number   the number the run had in the session that trained it, or null for files written before
     *                 ClassLab stored it
     * @param started  when the recorded run started
     * @param replayed true for a replay played into the figures in this session ({@code Runs → Open}), false for
     *                 a run put back into the run list as it was saved (at start-up)
     */
    public record Source(Integer number, Instant started, boolean replayed) {
        /**
         * The deferred message {@code run.label.file} with the recorded number and start time: "#2 (file 23:08)",
         * "(file 23:08)" when the number is unknown.
         */
        public String label() {
            return classlab.core.lesson.LessonStrings.message("run.label.file", numberText(), time());
        }

        /** "#2 " (with a space) when the recorded number is known, else "": the first argument of the file-run messages. */
        public String numberText() { return number == null ? "" : "#" + number + " "; }

        /** The recorded run's start as labels show it, "23:08" (local time). */
        public String time() { return LABEL_TIME.format(started); }
    }

    private static final java.time.format.DateTimeFormatter LABEL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault());

    public RunRecord {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        changed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changed));
        training = List.copyOf(training);
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
        curves = List.copyOf(curves);
        tableRows = List.copyOf(tableRows);
        bars = List.copyOf(bars);
        grids = List.copyOf(grids);
        metrics = List.copyOf(metrics);
    }

    /**
     * The run's settings over {@code defaults}: what the form must hold to run it again. Parameters
     * the lesson no longer has are skipped.
     *
     * @throws IllegalArgumentException for a value the lesson's parameter rejects (message names both)
     */
    public ParamValues settingsOver(ParamValues defaults) {
        ParamValues v = defaults;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (v.has(e.getKey())) v = v.with(e.getKey(), e.getValue());
        }
        return v;
    }

    /** The changed settings as {@code lr=0.01, seed=7}, or "" when every setting is the notebook's. */
    public String changedText() {
        List<String> parts = new ArrayList<>();
        changed.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** For a replay of a recorded run, the time that run started; null for any other run. */
    public Instant replayOf() { return source != null && source.replayed() ? source.started() : null; }

    /** Whether the run came from a file (a replay, or a run restored at start-up) instead of training in this session. */
    public boolean fromFile() { return source != null; }

    /**
     * How the run is named in run lists, legends and CSV files: {@code #3} for a run trained in this
     * session; for a run from a file {@link Source#label()}, so it never reads as a new run.
     */
    public String label() { return source == null ? "#" + number : source.label(); }

    /** This run as {@code number} in a history, restored from a file as it was saved ({@link Source#replayed} false). */
    public RunRecord restoredAs(int number) {
        Source from = new Source(source != null ? source.number() : null, source != null ? source.started() : started, false);
        return new RunRecord(number, lesson, experiment, section, settings, changed, training, seed, started, outcome, results,
                curves, tableRows, bars, grids, metrics, from, endedAt);
    }

    /** The changed settings as the form names them, a deferred message ({@link classlab.core.lesson.SettingsText}; "" when none). */
    public String changedMessage() { return classlab.core.lesson.SettingsText.message(changed); }

    /** Whether the run was stopped before it finished (a replay of a stopped run is one too). */
    public boolean stopped() { return "STOPPED".equals(outcome); }

    /** The largest x of any curve (the last epoch drawn), or 0 when there are no curves. */
    public double lastX() {
        double max = 0;
        for (Curve c : curves) for (double x : c.x()) max = Math.max(max, x);
        return max;
    }
}
