package classlab.ui.lesson;

import classlab.core.UserException;
import classlab.core.classroom.QuestionBoard;
import classlab.core.classroom.Questions;
import classlab.core.classroom.RunHistory;
import classlab.core.classroom.RunRecord;
import classlab.core.classroom.RunReplay;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.Backend;
import classlab.core.train.TrainingEngine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * View model of one open lesson: its model, parameter values, training engine and run state.
 * It outlives the pane that shows it (a language switch rebuilds the pane, the run goes on).
 * Commands come from the FX thread; training and demo redraws happen on background threads;
 * state reaches the FX thread through properties updated with {@code Platform.runLater}.
 */
public final class LessonSession {
    private final LessonCatalog.Entry entry;
    private final LessonModel model;
    private final TrainingEngine engine = TrainingEngine.forDl4j();
    private final RunHistory history;
    private final QuestionBoard questions;
    private final ExecutorService demoWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classlab-demo");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean demoQueued = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<TrainingEngine.State> state = new ReadOnlyObjectWrapper<>(TrainingEngine.State.IDLE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Whether {@link #problem} holds notes of a running experiment (a data fallback, a dropped batch), not a failure. */
    private volatile boolean problemIsNote;
    private final ReadOnlyObjectWrapper<ParamValues> inEffect = new ReadOnlyObjectWrapper<>();
    /** {@link #values()} as last changed: every section's form follows it (the tabs share the settings). */
    private final ReadOnlyObjectWrapper<ParamValues> values = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ParamProblem> paramProblem = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper showsReplay = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final FormValues form;
    private String selectedExperiment;
    private RunStart lastRun;
    /** Loss of every mini-batch of the current run, so single steps show on a chart. */
    private final LineFigure iterationLoss = new LineFigure("live_batch_loss", "figure.live_batch_loss", "axis.iteration", "axis.loss");
    /** Epoch-axis figures whose x range this session fixed to the planned epoch count. */
    private final java.util.Map<LineFigure, Double> pinnedAxes = new java.util.IdentityHashMap<>();

    /** Divides every epoch count in quick-demo mode (a 30-epoch comparison trains 6 epochs). */
    public static final int QUICK_DEMO_FACTOR = FormValues.QUICK_DEMO_FACTOR;

    /**
     * A setting the last run refused in combination with the model or the data (more rows than the
     * split has, a batch of one with BatchNorm...): the parameter and the deferred message. The form
     * shows it under that field, as it shows a value out of range.
     */
    public record ParamProblem(String param, String message) {}

    /** The experiment and settings a run started with (the export stamps them). */
    public record RunStart(String experiment, ParamValues values) {}

    public LessonSession(LessonCatalog.Entry entry, LessonModel model) {
        this.entry = entry;
        this.model = model;
        this.form = new FormValues(model.defaults());
        this.values.set(form.values());
        this.selectedExperiment = model.defaultExperiment().name();
        // each network's live curve has its configuration's colour on the lesson's other charts
        model.colourLikeLesson(iterationLoss);
        // One curve per network the run trains: joined, the next configuration's first losses would look like a jump.
        engine.addIterationListener((iteration, network, loss) -> liveLossSeries(network).add(iteration, loss));
        this.history = new RunHistory(model, engine.metricLog());
        this.questions = new QuestionBoard(Questions.load(entry.id())).follow(history);
        // The run is recorded before the UI hears that it ended; the UI shows how the record says it
        // ended (a replay of a stopped run ends stopped, not finished).
        engine.addListener((engineState, message) -> {
            TrainingEngine.State s = engineState;
            if (s == TrainingEngine.State.FINISHED || s == TrainingEngine.State.STOPPED || s == TrainingEngine.State.FAILED) {
                // The last network's name is known only after its last epoch.
                for (int n = 1; engine.networkLabel(n) != null; n++) liveLossName(n);
                RunRecord r = history.end(s.name(), engine.progress());
                if (r != null) s = TrainingEngine.State.valueOf(r.outcome());
            }
            TrainingEngine.State shown = s;
            Platform.runLater(() -> showEngineState(shown, message));
        });
        refreshDemos();
    }

    /** FX thread: the run's state, and the engine's message (a failure, or a note that adds up while it runs). */
    private void showEngineState(TrainingEngine.State s, String message) {
        state.set(s);
        if (s == TrainingEngine.State.FINISHED || s == TrainingEngine.State.STOPPED || s == TrainingEngine.State.FAILED) {
            inEffect.set(model.inEffect(form.values()));
        }
        if (message == null) return;
        // notes of a running experiment (undefined metrics, a dropped last batch) add up, one per line
        boolean note = s == TrainingEngine.State.RUNNING || s == TrainingEngine.State.PAUSED;
        String before = problem.get();
        problemIsNote = note || problemIsNote && s == TrainingEngine.State.FINISHED;
        problem.set(note && before != null && !before.isEmpty() ? before + "\n" + message : message);
    }

    /**
     * The live-loss curve of the run's {@code network}: numbered at first, renamed after the
     * configuration it trains ("Dropout", "With BatchNorm") once the engine knows its label (after
     * its first epoch). Training thread.
     */
    private LineFigure.Series liveLossSeries(int network) {
        // Earlier networks learn their names at the end of their first epoch, which may have been their last.
        for (int n = 1; n < network; n++) liveLossName(n);
        return iterationLoss.series(liveLossName(network));
    }

    /**
     * Network {@code network}'s live-loss series name, renaming its numbered curve once the configuration is known.
     * A name found is kept for the rest of the run: this runs after every mini-batch on the training thread,
     * and working the name out again (label parts, message keys, a pattern) each time was the window's own
     * share of that thread's work (JFR on batchnorm-gradients' bn_effect).
     */
    private String liveLossName(int network) {
        String known = liveNames.get(network);
        if (known != null) return known;
        String numbered = network == 1 ? "series.train_loss" : LessonStrings.message("series.train_loss_network", network);
        String label = engine.networkLabel(network);
        RunStart run = lastRun;
        String named = label == null || run == null ? null : liveName(label, run.experiment());
        if (named == null) return numbered;
        iterationLoss.renameSeries(numbered, named);
        liveNames.put(network, named);
        return named;
    }

    /** The live-loss curve names found for the current run's networks (cleared with the curves). */
    private final java.util.Map<Integer, String> liveNames = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The live curve's name for a network labelled {@code label}: its configuration's key, else the
     * series name the lesson's charts give it ("B=32", "series.bn_at_batch|64", or "series.dropout" for
     * a run of experiment dropout alone), so it shares their colour; null when nothing names it.
     */
    private String liveName(String label, String experiment) {
        String key = ProgressText.configurationKey(label, experiment, keys());
        if (key != null) return key;
        String part = ProgressText.configurationPart(label, experiment);
        String series = part != null ? part : "series." + experiment;
        return model.coloursSeries(series) ? series : null;
    }

    /** The lesson's message keys (the same in every language), to tell which names a label has. */
    private LessonStrings keys() {
        LessonStrings k = keys;
        if (k == null) keys = k = LessonStrings.load(entry.id(), "en");
        return k;
    }

    private volatile LessonStrings keys;

    public LessonCatalog.Entry entry() { return entry; }
    public LessonModel model() { return model; }
    public TrainingEngine engine() { return engine; }
    public ParamValues values() { return form.values(); }
    /** Every run of this lesson and the earlier runs overlaid on its charts. */
    public RunHistory history() { return history; }
    /** The lesson's predict-then-reveal questions and their predictions, outcomes and reveals. */
    public QuestionBoard questions() { return questions; }

    /** The folder of the lesson's last finished export, or null; the pane is rebuilt on a language switch, this stays. */
    private final ReadOnlyObjectWrapper<java.nio.file.Path> lastExportFolder = new ReadOnlyObjectWrapper<>();

    /** The folder of the lesson's last finished export ("Open folder" opens it), or null before one. FX thread. */
    public ReadOnlyObjectProperty<java.nio.file.Path> lastExportFolderProperty() { return lastExportFolder.getReadOnlyProperty(); }

    /** Notes that an export into {@code folder} finished. FX thread. */
    void exported(java.nio.file.Path folder) { lastExportFolder.set(folder); }

    /** Numbers of the runs written to a file (Runs → Save…, or on quitting). */
    private final java.util.Set<Integer> saved = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Notes that run {@code number} was written to a file, so quitting does not count it as unsaved. Any thread. */
    public void markSaved(int number) { saved.add(number); }

    /**
     * The runs that would be lost on quitting: every run of this session not yet written to a file,
     * oldest first. Replays are left out (their recording is a file already), and so are runs that
     * failed before any epoch ended (a data file that could not be read): they hold nothing to keep.
     */
    public java.util.List<RunRecord> unsavedRuns() {
        return history.runs().stream().filter(r -> !r.fromFile() && !saved.contains(r.number()))
                .filter(r -> !("FAILED".equals(r.outcome()) && r.metrics().isEmpty())).toList();
    }

    /** Files of the runs restored at start-up, by their number in the history, and the runs folder they are in. */
    private final java.util.Map<Integer, java.nio.file.Path> restoredFiles = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.nio.file.Path runsDir;

    /**
     * Puts runs saved on an earlier quit back into the run list ({@link RunHistory#restore}), remembering
     * their files so {@link #discardRestored} can move them away; runs that do not fit this lesson (an
     * experiment it no longer has) are left out.
     *
     * @param runsDir the runs folder {@code found} was read from ({@link classlab.core.classroom.SavedRuns#scan})
     * @return how many were restored
     */
    public int restore(java.nio.file.Path runsDir, java.util.List<classlab.core.classroom.SavedRuns.Found> found) {
        this.runsDir = runsDir;
        java.util.List<classlab.core.classroom.SavedRuns.Found> fitting = found.stream()
                .filter(f -> model.experiments().stream().anyMatch(e -> e.name().equals(f.run().experiment())))
                .sorted(java.util.Comparator.comparing(f -> f.run().started())).toList();
        java.util.List<RunRecord> added = history.restore(fitting.stream().map(classlab.core.classroom.SavedRuns.Found::run).toList());
        for (int i = 0; i < added.size(); i++) restoredFiles.put(added.get(i).number(), fitting.get(i).file());   // both oldest first
        return added.size();
    }

    /**
     * Takes a run restored at start-up out of the run list for good: its file is moved into the runs
     * folder's {@value classlab.core.classroom.SavedRuns#DISCARDED} folder, so the next start leaves it
     * out. Blocks on file I/O: call it off the FX thread.
     *
     * @throws IllegalArgumentException if the run was not restored at start-up
     * @throws java.io.IOException if the file cannot be moved (the run stays listed)
     */
    public void discardRestored(int number) throws java.io.IOException {
        java.nio.file.Path file = restoredFiles.get(number);
        if (file == null) throw new IllegalArgumentException("run " + number + " was not restored from a file");
        if (java.nio.file.Files.exists(file)) classlab.core.classroom.SavedRuns.discard(runsDir, file);
        restoredFiles.remove(number);
        history.remove(number);
    }

    /** The last run's experiment and settings, or null before the first run and after a reset. */
    public RunStart lastRun() { return lastRun; }

    /** What the last run's experiment counts ({@code Experiment.EPOCH} or {@code STEP}); epochs before any run. */
    public String progressUnit() {
        RunStart run = lastRun;
        return run == null ? Experiment.EPOCH : model.experiment(run.experiment()).unit();
    }

    /** The record of the last run once it has ended (how and where it ended), or null while a run is busy or before any. */
    public RunRecord endedRun() {
        return lastRun == null || engine.isBusy() ? null : history.last();
    }

    /** Loss per mini-batch of the current run (one point per iteration, also when single-stepping). */
    public LineFigure iterationLoss() { return iterationLoss; }

    public boolean quickDemo() { return form.quickDemo(); }

    /**
     * Quick demo on: every training epoch count becomes ⌈n / {@value #QUICK_DEMO_FACTOR}⌉ (shown in
     * the form, stamped on exports); off: the epoch counts from before come back.
     */
    public void setQuickDemo(boolean on) {
        form.setQuickDemo(on);
        valuesChanged();
    }

    /**
     * The settings the next run will use, changed by any section's form, quick demo, Defaults, "Again"
     * or {@code --epochs}. Every section shows the same settings, so each form follows this property
     * (a form refreshed only when rebuilt showed a batch size that was no longer the one trained). FX thread.
     */
    public ReadOnlyObjectProperty<ParamValues> valuesProperty() { return values.getReadOnlyProperty(); }

    /**
     * After any change of the settings: publishes them to every section's form, with what the lesson
     * will use of them ({@link LessonModel#inEffect}, cheap): an "In use" note compared new settings
     * with those of the last run or demo (quick demo off after "Again": "In use: 5" over 25 epochs).
     */
    /**
     * The problem line of a refused Run follows the form (trial 5, item 16): it names the first field
     * still refused, or clears once every field is valid again (a typed fix, Defaults, a run's
     * settings put back). It had kept the refusal of the Run press: "-5" after the seed read "abc",
     * "abc" after Defaults had put 42 back. Any other problem (a failed run, notes) is left alone.
     */
    private void followForm() {
        if (formRefusal == null || !formRefusal.equals(problem.get())) {
            formRefusal = null;
            return;
        }
        formRefusal = form.firstProblem();
        problem.set(formRefusal == null ? "" : formRefusal);
    }

    /** What the problem line shows because Run was refused for a field ({@link #followForm}), or null. */
    private String formRefusal;

    private void valuesChanged() {
        followForm();
        ParamValues now = form.values();
        values.set(now);
        if (inEffect.get() != null) inEffect.set(model.inEffect(now));
    }

    public ReadOnlyObjectProperty<TrainingEngine.State> stateProperty() { return state.getReadOnlyProperty(); }

    /**
     * The settings in use as the lesson reports them after its demos were drawn or a run ended
     * ({@link LessonModel#inEffect}): a value differs from {@link #values()} where the lesson had to
     * replace the chosen one (cifar on MNIST); null before the first report. FX thread.
     */
    public ReadOnlyObjectProperty<ParamValues> inEffectProperty() { return inEffect.getReadOnlyProperty(); }

    /**
     * Whether the figures show a replayed recording (from its start until the next run or Reset). A
     * recording keeps epoch curves, tables, bars and grids but no per-mini-batch losses, so the pane
     * hides the "Loss per mini-batch (live)" chart meanwhile instead of showing it empty. FX thread.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty showsReplayProperty() { return showsReplay.getReadOnlyProperty(); }

    /** Shows {@code message} (deferred) as a failure: a run or demo that could not be done. */
    private void failed(String message) {
        problemIsNote = false;
        problem.set(message);
    }

    /**
     * Whether {@link #problemProperty()} holds notes of a run (the MNIST fallback of cifar, a last batch
     * left out), which the pane shows as information, not in the colour of a failure. FX thread.
     */
    public boolean problemIsNote() { return problemIsNote; }

    /** The last failure or validation message for the user ("" when none). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** The setting the last run refused, or null (cleared when that setting is changed or a run starts). */
    public ReadOnlyObjectProperty<ParamProblem> paramProblemProperty() { return paramProblem.getReadOnlyProperty(); }

    /** Whether the value last typed for {@code key} was refused by its own range check. */
    public boolean isInvalid(String key) { return form.isInvalid(key); }

    public String selectedExperiment() { return selectedExperiment; }

    public void selectExperiment(String name) { selectedExperiment = model.experiment(name).name(); }

    /**
     * Validates and stores a parameter typed in the form.
     *
     * @return null when accepted, else the message to show beside the field
     */
    public String setParam(String key, String raw) {
        // The form shows a refusal under the field; Run is refused until it is fixed.
        String refused = form.set(key, raw, LessonSession::problemOf);
        followForm();
        if (refused != null) return refused;
        if (paramProblem.get() != null && paramProblem.get().param().equals(key)) paramProblem.set(null);
        valuesChanged();
        if (form.isDemo(key)) refreshDemos();
        return null;
    }

    /** Sets every training epoch count of the lesson to {@code epochs} (within each parameter's range): {@code --epochs}. */
    public void setAllEpochs(int epochs) {
        form.setAllEpochs(epochs);
        valuesChanged();
    }

    /**
     * The problem text of an exception: a deferred message for a {@link classlab.core.Localized} failure
     * ({@link UserException}, a damaged data file...), which the pane localises with {@code LessonStrings.resolve}.
     */
    static String problemOf(Exception e) {
        return classlab.core.Localized.of(e);
    }

    /** Puts a recorded run's settings and experiment back (to run it again with the same seed). */
    public void applyRun(RunRecord run) {
        form.replaceAll(run.settingsOver(model.defaults()));
        selectExperiment(run.experiment());
        valuesChanged();
        refreshDemos();
    }

    /** Restores every parameter to the notebook's default. */
    public void resetParams() {
        form.replaceAll(model.defaults());
        valuesChanged();
        refreshDemos();
    }

    /** Redraws demo figures on the demo thread; bursts of slider events collapse into one redraw. */
    public void refreshDemos() {
        if (!demoQueued.compareAndSet(false, true)) return;
        demoWorker.execute(() -> {
            demoQueued.set(false);
            drawDemos();
        });
    }

    /**
     * Redraws the demo figures now, on the calling thread (the demo worker, or the training thread
     * before a run): one ND4J user at a time, and one redraw at a time, as every redraw holds
     * {@code Nd4jAccess} (re-entrant: the training thread holds it already).
     */
    private void drawDemos() {
        try {
            Backend.awaitReady();
            // Demos may use ND4J while a run trains: one thread at a time (Nd4jAccess says why).
            ParamValues shown = form.values();
            classlab.core.train.Nd4jAccess.run(() -> model.updateDemos(shown));
            // of the settings when it shows: they may have changed while the demos were drawn
            Platform.runLater(() -> inEffect.set(model.inEffect(form.values())));
        } catch (classlab.core.lesson.Environments.NotHere e) {
            // a replay without local data: the data figures stay empty, which is no error
        } catch (Exception e) {
            Platform.runLater(() -> failed(problemOf(e)));
        }
    }

    /**
     * Passes a click on a selectable figure to {@link LessonModel#select} on the demo worker thread
     * (in order with demo redraws, never on the FX thread); a failure's message goes to
     * {@link #problemProperty()}.
     */
    public void select(String figureId, FigureSelection selection) {
        demoWorker.execute(() -> {
            try {
                Backend.awaitReady();
                classlab.core.train.Nd4jAccess.run(() -> model.select(figureId, selection));
            } catch (Exception e) {
                Platform.runLater(() -> failed(problemOf(e)));
            }
        });
    }

    public boolean isRunning() { return engine.isBusy(); }

    /** Where the run in training is (epoch of configuration), or null when none trains. */
    public TrainingEngine.Progress trainingProgress() {
        return isRunning() ? engine.progress() : null;
    }

    /**
     * When the last run that finished called and left {@link LessonModel#run} ({@link System#nanoTime}
     * values: start, end) and the training thread's CPU nanoseconds in between (-1 where unknown), or
     * null: the span {@code run} on the command line times, without what the window does before
     * (starting the thread, clearing the section's figures, redrawing its demos) and after (recording
     * the run). For benchmarks (bench/app-vs-run compares it with {@code run}'s).
     */
    public long[] lastTrainingSpan() { return trainingNanos; }

    private volatile long[] trainingNanos;

    /** Runs the selected experiment; if paused, resumes instead. */
    public void run() {
        if (engine.isBusy()) {
            engine.resume();
            return;
        }
        start(false);
    }

    /** One iteration: starts paused if idle, otherwise advances a paused run by one iteration. */
    public void step() {
        if (!engine.isBusy() && !start(true)) return;
        engine.step();
    }

    /** Starts the selected experiment; refuses (returns false, the problem line says why) while a field is invalid. */
    private boolean start(boolean paused) {
        if (form.firstProblem() != null) {
            failed(form.firstProblem());
            formRefusal = form.firstProblem();
            return false;
        }
        Experiment experiment = model.experiment(selectedExperiment);
        ParamValues runValues = form.values();
        launch(experiment, runValues, paused, null, control -> {
            try {
                long begun = System.nanoTime();
                long cpu = TrainingEngine.threadCpuNanos();
                ExperimentResult result = model.run(experiment.name(), runValues, control);
                trainingNanos = new long[] {begun, System.nanoTime(), cpu < 0 ? -1 : TrainingEngine.threadCpuNanos() - cpu};
                history.results(result.finalMetrics());
            } catch (UserException e) {
                if (e.param() != null) Platform.runLater(() -> paramProblem.set(new ParamProblem(e.param(), e.deferredMessage())));
                throw e;
            }
        });
        return true;
    }

    /**
     * Plays a recorded run back into the figures without training, at {@code stepsPerSecond} epochs
     * per second; it joins the run history as a replay. Pause, Step and Stop work as in a run.
     *
     * @throws IllegalArgumentException if the recording is of another lesson or its settings do not fit
     */
    public void replay(RunRecord recording, double stepsPerSecond) {
        if (engine.isBusy()) return;
        if (!recording.lesson().equals(entry.id())) {
            throw new UserException(null, "error.run_file.other_lesson", recording.lesson(), entry.id());
        }
        ParamValues runValues = recording.settingsOver(model.defaults());
        ParamValues before = form.values();
        form.replaceAll(runValues);
        valuesChanged();
        selectExperiment(recording.experiment());
        launch(model.experiment(recording.experiment()), runValues, false, recording, control -> {
            RunReplay.play(model, recording, control, stepsPerSecond);
            history.results(recording.results());
        });
        // The next Run trains these settings: say which changed, not silently (trial 4, item 13).
        java.util.Map<String, String> changed = new java.util.LinkedHashMap<>();
        for (ParamSpec p : runValues.specs()) {
            if (before.has(p.key()) && !before.text(p.key()).equals(runValues.text(p.key()))) changed.put(p.key(), runValues.text(p.key()));
        }
        if (!changed.isEmpty()) {
            problemIsNote = true;
            problem.set(classlab.core.Deferred.of("note.replay.form_settings",
                    classlab.core.lesson.SettingsText.enclosed(classlab.core.lesson.SettingsText.message(changed))));
        }
    }

    /** Starts a run (or, with {@code replayOf}, a replay of that recorded run) on the engine. */
    private void launch(Experiment experiment, ParamValues runValues, boolean paused, RunRecord replayOf,
                        TrainingEngine.Job body) {
        problem.set("");
        paramProblem.set(null);
        showsReplay.set(replayOf != null);
        lastRun = new RunStart(experiment.name(), runValues);
        iterationLoss.clear();
        liveNames.clear();
        // Only the running section's charts are cleared and re-framed: the other tabs keep the run they show in its frame.
        unpinEpochAxes(model.figures(experiment.section()));
        engine.start(control -> {
            if (replayOf == null) Backend.awaitReady();
            history.begin(experiment.name(), runValues, java.time.Instant.now(), replayOf);
            // Demo figures of the section were cleared with the rest. A run redraws them here, before
            // training: queued on the demo worker, the redraw took the ND4J lock at the run's first
            // checkpoint and the training waited for all of it (scratch's race: 0.9 s of a 3 s run,
            // bench/app-vs-run lock-wait-ms). A replay, which does not wait for ND4J, leaves them to the worker.
            if (replayOf == null) drawDemos();
            else refreshDemos();
            body.run(control);
        }, paused);
    }

    /**
     * Fixes the x axis of the running section's epoch charts to the planned epoch count (from the
     * engine's progress, known from the first step when the lesson announces its configuration), so
     * curves grow into a fixed frame instead of rescaling every epoch.
     * Figures the lesson gave its own x range keep it. FX thread, from the pane's tick.
     */
    public void pinEpochAxes() {
        TrainingEngine.Progress p = engine.progress();
        if (lastRun == null || p.epochs() <= 1) {   // until the run announces its epochs: the form's plan
            pinPlannedEpochs();
            return;
        }
        pinEpochAxes(model.experiment(lastRun.experiment()).section(), p.epochs());
    }

    /**
     * Before a run (and after a reset) each section's epoch charts span the epochs its form plans
     * (the largest of the section's epoch counts), not 0..1: the frame the run will grow into.
     */
    private void pinPlannedEpochs() {
        ParamValues values = form.values();
        for (String section : new java.util.LinkedHashSet<>(model.experiments().stream().map(Experiment::section).toList())) {
            int planned = 0;
            for (ParamSpec spec : values.specs()) {
                if (ParamValues.isEpochCount(spec) && spec.shownIn(section)) {
                    planned = Math.max(planned, values.getInt(spec.key()));
                }
            }
            if (planned > 1) pinEpochAxes(section, planned);
        }
    }

    private void pinEpochAxes(String section, int epochs) {
        for (var f : model.figures(section)) {
            if (!(f instanceof LineFigure line) || !"axis.epoch".equals(line.xLabelKey())) continue;
            Double pinnedTo = pinnedAxes.get(line);
            if (line.xMax() != null && !line.xMax().equals(pinnedTo)) {
                // the lesson gave it its own range since (a demo's epochs: trial 4, item 9): it keeps it
                pinnedAxes.remove(line);
                continue;
            }
            if (!Double.valueOf(epochs).equals(line.xMax())) {
                line.xRange(0.0, (double) epochs);
                pinnedAxes.put(line, (double) epochs);
            }
        }
    }

    /** Gives the epoch charts pinned by {@link #pinEpochAxes} their automatic x range back. FX thread. */
    private void unpinEpochAxes() {
        pinnedAxes.forEach(LessonSession::unpin);
        pinnedAxes.clear();
    }

    /**
     * {@link #unpinEpochAxes()} for the pinned charts among {@code figures} only (trial report 3, item 19:
     * a run on one tab gave every other tab's epoch charts their data's range back, 1..5 instead of 0..5).
     */
    private void unpinEpochAxes(java.util.List<classlab.core.figure.Figure> figures) {
        pinnedAxes.entrySet().removeIf(e -> {
            if (figures.stream().noneMatch(g -> g == e.getKey())) return false;
            unpin(e.getKey(), e.getValue());
            return true;
        });
    }

    /** Gives {@code f} its automatic x range back unless the lesson set another than {@code pinnedTo} since. */
    private static void unpin(LineFigure f, Double pinnedTo) {
        if (pinnedTo.equals(f.xMax())) f.xRange(null, null);
    }

    public void pause() { engine.pause(); }

    public void stop() { engine.stop(); }

    /**
     * Stops any run, clears the figures (the live mini-batch loss too) and forgets the last run, so
     * the progress line and bar are back as before the first run; redraws the demos.
     */
    public void reset() {
        engine.stop();
        demoWorker.execute(() -> {
            try {
                engine.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            model.reset();
            history.reset();
            engine.clearLog();
            iterationLoss.clear();
            liveNames.clear();
            Platform.runLater(() -> {
                lastRun = null;
                showsReplay.set(false);
                unpinEpochAxes();
                problem.set("");
                paramProblem.set(null);
                state.set(TrainingEngine.State.IDLE);
            });
        });
        refreshDemos();
    }

    /**
     * Stops the run and the demo thread (window closing) and waits up to {@code timeout} for the
     * trainer to finish its iteration. Blocks: call off the FX thread.
     */
    public void dispose(long timeout, TimeUnit unit) {
        engine.stop();
        try {
            engine.await(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        demoWorker.shutdownNow();
    }
}
