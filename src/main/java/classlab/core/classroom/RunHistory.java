package classlab.core.classroom;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.SettingsText;
import classlab.core.train.MetricLog;
import classlab.core.train.TrainingEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every run of one lesson (this session), and which earlier runs are drawn as faded curves.
 *
 * <p>A run {@link #begin begins} by clearing the figures of its experiment's section, so no table row
 * or curve of an earlier run stays on screen unmarked (also after Stop, also in exports); the run it
 * replaces is kept and overlaid faded, its curves labelled with its number and changed settings in
 * the legend, in its configuration's colour ({@link LineFigure#colorSlot}). Only that run is overlaid
 * without being asked: when a later run replaces it, it is unticked again, unless the teacher ticked it
 * (each overlaid run adds a legend line per curve, and on a projector a few runs' legends would leave
 * no room for the plot). When the run
 * {@link #end ends} its figures are captured into a {@link RunRecord}.
 *
 * <p>Thread-safe: {@code begin}/{@code end} are called on the training thread, the overlay choice
 * from the UI. Listeners are called on the calling thread.
 */
public final class RunHistory {
    private final LessonModel model;
    private final MetricLog log;
    private final List<RunRecord> runs = new ArrayList<>();
    private final Set<Integer> overlaid = new LinkedHashSet<>();
    /** The overlaid runs that {@link #begin} ticked (the run a new run replaced), not the teacher. */
    private final Set<Integer> autoOverlaid = new LinkedHashSet<>();
    /** Section → number of the run whose data the section's figures show now. */
    private final Map<String, Integer> live = new HashMap<>();
    private final Map<String, List<String>> applied = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Pending pending;
    /** The next number of a run trained here (1, 2...) and of a run from a file (taken as -1, -2...). */
    private int nextTrained = 1, nextFile = 1;

    private record Pending(String experiment, String section, ParamValues values, Instant started, int logOffset,
                           Map<String, Double> results, RunRecord recording) {}

    /**
     * @param log the engine's metric log; a run's metrics are the rows it adds between begin and end
     */
    public RunHistory(LessonModel model, MetricLog log) {
        this.model = model;
        this.log = log;
    }

    /** The lesson whose runs these are. */
    public LessonModel model() { return model; }

    /** Called after every change (a run began or ended, an overlay was chosen), on the changing thread. */
    public void addListener(Runnable l) { listeners.add(l); }

    public void removeListener(Runnable l) { listeners.remove(l); }

    /**
     * A run of {@code experiment} starts: clears its section's figures and overlays the run they showed.
     *
     * @throws IllegalArgumentException for an experiment the lesson does not have
     */
    public void begin(String experiment, ParamValues values, Instant started) {
        begin(experiment, values, started, null);
    }

    /**
     * {@link #begin(String, ParamValues, Instant)} of a replay of {@code recording} (null for a real
     * run): when the replay plays to its end, the run ends as the recording did (a replay of a stopped
     * run is a stopped run, stopped where the recording was).
     */
    public void begin(String experiment, ParamValues values, Instant started, RunRecord recording) {
        String section = model.experiment(experiment).section();
        synchronized (this) {
            Integer shown = live.remove(section);
            // The run replaced before stays overlaid only if the teacher ticked it.
            for (RunRecord r : runs) {
                if (r.section().equals(section) && autoOverlaid.remove(r.number())) overlaid.remove(r.number());
            }
            if (shown != null && overlaid.add(shown)) autoOverlaid.add(shown);
            pending = new Pending(experiment, section, values, started, log.rows().size(), new LinkedHashMap<>(), recording);
        }
        for (Figure f : model.figures(section)) f.clear();
        applyOverlays();
        fire();
    }

    /** The running experiment returned its final metrics (it finished). */
    public synchronized void results(Map<String, Double> finalMetrics) {
        if (pending != null) pending.results().putAll(finalMetrics);
    }

    /**
     * The run that began last has ended; captures its figures and metrics. A replay that played to
     * its end ({@code FINISHED}) takes the recording's outcome and position.
     *
     * @param outcome {@code FINISHED}, {@code STOPPED} or {@code FAILED}
     * @param at      where the run was when it ended (the engine's last progress), or null
     * @return the record, or null when no run had begun (it failed before starting)
     */
    public RunRecord end(String outcome, TrainingEngine.Progress at) {
        Pending p;
        int number;
        synchronized (this) {
            p = pending;
            pending = null;
            if (p == null) return null;
            number = p.recording() == null ? nextTrained++ : -nextFile++;
        }
        List<MetricLog.Row> rows = log.rows();
        List<RunRecord.Metric> metrics = new ArrayList<>();
        for (MetricLog.Row r : rows.subList(Math.min(p.logOffset(), rows.size()), rows.size())) {
            metrics.add(new RunRecord.Metric(r.experiment(), r.epoch(), r.metric(), r.value()));
        }
        RunRecord recording = p.recording();
        boolean replayedToEnd = recording != null && "FINISHED".equals(outcome);
        TrainingEngine.Progress position = replayedToEnd ? recording.endedAt() : at;
        if (position != null) {
            position = new TrainingEngine.Progress(position.label(), position.configuration(), position.configurations(),
                    position.epoch(), position.epochs(), position.iteration(), Double.NaN, 0);
        }
        RunRecord record = capture(number, p, replayedToEnd ? recording.outcome() : outcome, position, metrics);
        synchronized (this) {
            runs.add(record);
            live.put(p.section(), number);
        }
        applyOverlays();
        fire();
        return record;
    }

    /** Every run so far, oldest first. */
    public synchronized List<RunRecord> runs() { return List.copyOf(runs); }

    /** The run with this number. @throws IllegalArgumentException if there is none */
    public synchronized RunRecord run(int number) {
        for (RunRecord r : runs) if (r.number() == number) return r;
        throw new IllegalArgumentException("no run #" + number);
    }

    /**
     * Puts runs read from files ({@link RunFiles#read}) into the list as they were saved, before the
     * runs of this session and oldest first, without drawing them (tick one to overlay it). Each takes
     * a number of the file runs' sequence ({@link RunRecord#number}) and is labelled with the number it
     * was saved with; the runs trained from then on are numbered after the highest of those (saved
     * #1-#3: the next run is #4), so no two entries read alike. Runs of another lesson are refused.
     *
     * @return the runs as listed
     * @throws IllegalArgumentException for a run of another lesson or of an experiment this lesson does not have
     */
    public List<RunRecord> restore(List<RunRecord> saved) {
        for (RunRecord r : saved) {
            if (!r.lesson().equals(model.id())) throw new IllegalArgumentException("run of " + r.lesson() + " in " + model.id());
            model.experiment(r.experiment());
        }
        List<RunRecord> added = new ArrayList<>();
        synchronized (this) {
            int at = 0;
            while (at < runs.size() && runs.get(at).fromFile() && !runs.get(at).source().replayed()) at++;
            for (RunRecord r : saved.stream().sorted(java.util.Comparator.comparing(RunRecord::started)).toList()) {
                RunRecord restored = r.restoredAs(-nextFile++);
                added.add(restored);
                // this session's runs are numbered after the restored ones: one list, one "#2" (trial 4, item 11)
                Integer labelled = restored.source().number();
                if (labelled != null) nextTrained = Math.max(nextTrained, labelled + 1);
            }
            runs.addAll(at, added);
        }
        fire();
        return added;
    }

    /**
     * Takes a run from a file out of the list (and off the charts).
     *
     * @throws IllegalArgumentException if there is no such run or it trained in this session
     */
    public void remove(int number) {
        synchronized (this) {
            RunRecord r = run(number);
            if (!r.fromFile() || live.containsValue(number)) throw new IllegalArgumentException("run #" + number + " cannot be removed");
            runs.remove(r);
            overlaid.remove(number);
        }
        applyOverlays();
        fire();
    }

    /** The most recent run, or null. */
    public synchronized RunRecord last() { return runs.isEmpty() ? null : runs.get(runs.size() - 1); }

    /** Whether the run's figures are on screen now (it is the latest run of its section). */
    public synchronized boolean isLive(int number) { return live.containsValue(number); }

    public synchronized boolean isOverlaid(int number) { return overlaid.contains(number); }

    /**
     * Chooses whether an earlier run's curves are drawn faded (a live run is drawn anyway). A run
     * ticked here stays overlaid when later runs begin.
     */
    public void setOverlaid(int number, boolean on) {
        synchronized (this) {
            run(number);
            autoOverlaid.remove(number);
            if (on) overlaid.add(number); else overlaid.remove(number);
        }
        applyOverlays();
        fire();
    }

    /** After Reset: no figure shows a run any more and nothing is overlaid; the runs stay listed. */
    public void reset() {
        synchronized (this) {
            live.clear();
            overlaid.clear();
            autoOverlaid.clear();
        }
        applyOverlays();
        fire();
    }

    /** Puts the chosen earlier runs' curves into every line figure ({@link LineFigure#setPrevious}). */
    private void applyOverlays() {
        List<RunRecord> shown = new ArrayList<>();
        Map<String, Map<String, String>> current = new HashMap<>();   // section → settings of the run it shows
        synchronized (this) {
            for (RunRecord r : runs) {
                if (overlaid.contains(r.number()) && !Integer.valueOf(r.number()).equals(live.get(r.section()))) shown.add(r);
            }
            live.forEach((section, n) -> current.put(section, run(n).settings()));
            // in effect, as records hold them: a lesson that replaces a setting (cifar on MNIST) must not
            // make an earlier run with the same settings read as changed (trial 5, items 7 and 9)
            if (pending != null) current.put(pending.section(), settingsText(model.inEffect(pending.values())));
        }
        for (String section : model.sections()) {
            for (Figure f : model.figures(section)) {
                if (!(f instanceof LineFigure line)) continue;
                List<LineFigure.Previous> previous = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (RunRecord r : shown) {
                    if (!r.section().equals(section)) continue;
                    for (RunRecord.Curve c : r.curves()) {
                        if (!c.figure().equals(f.id())) continue;
                        String label = previousLabel(c.series(), r, current.get(section));
                        previous.add(new LineFigure.Previous(label, c.series(), c.rightAxis(), c.x(), c.y(), r.label()));
                        labels.add(label);
                    }
                }
                synchronized (this) {
                    if (labels.equals(applied.getOrDefault(f.id(), List.of()))) continue;
                    applied.put(f.id(), labels);
                }
                line.setPrevious(previous);
            }
        }
    }

    /**
     * Legend text of an earlier run's curve, localised when shown: "No regularisation · #2 (Learning rate 0.01)"
     * with the settings in which run #2 differs from the run on screen ({@code current}), or from the
     * notebook's defaults when no run is on screen (null), named as the form names them ({@link SettingsText});
     * a run from a file is named as {@link RunRecord#label} names it: "No regularisation · #2 (file 23:08)".
     */
    static String previousLabel(String series, RunRecord r, Map<String, String> current) {
        Map<String, String> changed = differences(r, current);
        // a series named by a deferred message of its own ("Dropout p=0.5") keeps its key and arguments
        Object name = series.indexOf(LessonStrings.MESSAGE_SEPARATOR) >= 0 ? SettingsText.enclosed(series) : series;
        Object settings = SettingsText.enclosed(SettingsText.message(changed));
        if (r.fromFile()) {
            String number = r.source().numberText(), time = r.source().time();
            return changed.isEmpty() ? classlab.core.Deferred.of("series.previous_file_run", name, number, time)
                    : classlab.core.Deferred.of("series.previous_file_run_changed", name, number, time, settings);
        }
        if (changed.isEmpty()) return classlab.core.Deferred.of("series.previous_run", name, r.number());
        return classlab.core.Deferred.of("series.previous_run_changed", name, r.number(), settings);
    }

    /** The run's training settings that differ from {@code current} (or its changed ones). */
    private static Map<String, String> differences(RunRecord r, Map<String, String> current) {
        if (current == null) return r.changed();
        Map<String, String> parts = new LinkedHashMap<>();
        for (String key : r.training()) {
            String v = r.settings().get(key);
            if (!v.equals(current.get(key))) parts.put(key, v);
        }
        return parts;
    }

    private static Map<String, String> settingsText(ParamValues values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ParamSpec spec : values.specs()) m.put(spec.key(), values.text(spec.key()));
        return m;
    }

    private RunRecord capture(int number, Pending p, String outcome, TrainingEngine.Progress at, List<RunRecord.Metric> metrics) {
        List<RunRecord.Curve> curves = new ArrayList<>();
        List<RunRecord.TableRow> rows = new ArrayList<>();
        List<RunRecord.Bar> bars = new ArrayList<>();
        List<RunRecord.Grid> grids = new ArrayList<>();
        for (Figure f : model.figures(p.section())) {
            if (f instanceof LineFigure line) {
                for (LineFigure.Series s : line.allSeries()) {
                    double[][] xy = s.snapshot();
                    curves.add(new RunRecord.Curve(f.id(), s.name(), s.rightAxis(), xy[0], xy[1]));
                }
            } else if (f instanceof ResultTable table) {
                for (Map.Entry<String, List<Object>> row : table.keyedRows().entrySet()) {
                    rows.add(new RunRecord.TableRow(f.id(), row.getKey(), row.getValue()));
                }
            } else if (f instanceof BarFigure bar) {
                for (String g : bar.groups()) {
                    for (String c : bar.categories()) {
                        double v = bar.value(g, c);
                        if (!Double.isNaN(v)) bars.add(new RunRecord.Bar(f.id(), g, c, v));
                    }
                }
            } else if (f instanceof GridFigure grid) {
                for (GridFigure.Panel panel : grid.panels()) {
                    grids.add(new RunRecord.Grid(f.id(), panel.caption(), panel.values(), panel.rowLabels(),
                            panel.colLabels(), panel.showValues()));
                }
            }
        }
        Settings used = settingsOf(p);
        return new RunRecord(number, model.id(), p.experiment(), p.section(), used.settings(), used.changed(), used.training(),
                seed(p), p.started(), outcome, p.results(), curves, rows, bars, grids, metrics,
                p.recording() == null ? null : replayOf(p.recording()), at);
    }

    /** A run's settings as typed, the keys that configure it, and those of them that differ from the notebook's. */
    private record Settings(Map<String, String> settings, List<String> training, Map<String, String> changed) {}

    private Settings settingsOf(Pending p) {
        // What the run used: a lesson that had to replace a setting (cifar on MNIST) says so.
        Map<String, String> settings = settingsText(model.inEffect(p.values()));
        List<String> training = new ArrayList<>();
        for (ParamSpec spec : p.values().specs()) {
            if (!spec.demo() && spec.shownIn(p.section())) training.add(spec.key());
        }
        ParamValues defaults = model.defaults();
        Map<String, String> changed = new LinkedHashMap<>();
        for (String key : training) {
            if (!settings.get(key).equals(defaults.text(key))) changed.put(key, settings.get(key));
        }
        return new Settings(settings, training, changed);
    }

    /** The source of a replay of {@code recording}: the recorded run's number and start (a file's, or a run of this session). */
    private static RunRecord.Source replayOf(RunRecord recording) {
        RunRecord.Source s = recording.source();
        return s != null ? new RunRecord.Source(s.number(), s.started(), true)
                : new RunRecord.Source(recording.number() > 0 ? recording.number() : null, recording.started(), true);
    }

    /** The seed of the run's tab (multiclass tab A's {@code binary_seed}, not tab C's {@code seed}); all values for a run of several tabs. */
    private static Long seed(Pending p) {
        ParamValues shown = p.section() == null ? p.values() : p.values().shownIn(p.section());
        String key = shown.seedKey();
        return key == null ? null : Long.valueOf(shown.getInt(key));
    }

    /**
     * The run that has begun and not yet ended, as a run list shows it before it has a record.
     *
     * @param number   the number its record will get
     * @param seed     the seed of its tab ({@link ParamValues#seedKey}), or null if it has none
     * @param changed  its training settings that differ from the notebook's, a deferred message ({@link SettingsText}; "" when none)
     * @param label    how it is named ({@link RunRecord#label}): "#3", or for a replay the recorded run's name
     * @param replayOf for a replay, the time the recorded run started; else null
     */
    public record Running(int number, String experiment, Instant started, Long seed, String changed, String label, Instant replayOf) {}

    /** The run in progress (begun, not ended), or null when none is. */
    public Running running() {
        Pending p;
        int number;
        synchronized (this) {
            p = pending;
            number = p == null || p.recording() == null ? nextTrained : -nextFile;
        }
        if (p == null) return null;
        String changed = SettingsText.message(settingsOf(p).changed());
        if (p.recording() == null) return new Running(number, p.experiment(), p.started(), seed(p), changed, "#" + number, null);
        RunRecord.Source source = replayOf(p.recording());
        return new Running(number, p.experiment(), p.started(), seed(p), changed, source.label(), source.started());
    }

    private void fire() {
        for (Runnable l : listeners) l.run();
    }
}
