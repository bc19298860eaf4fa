package classlab.ui.lesson;

import classlab.core.classroom.RunRecord;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine;
import classlab.core.train.TrainingEngine.State;
import classlab.ui.fx.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the run bar as read-only properties the pane binds to: which commands are enabled,
 * the Run/Resume text, the state word and its style class, and the progress line and fraction.
 * FX thread only; {@link #showState} follows the session, {@link #showProgress} the 10 Hz tick.
 */
public final class RunBarModel {
    private final Messages messages;
    private final LessonStrings strings;
    private final ReadOnlyStringWrapper runText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stateStyle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper runDisabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper pauseDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper stopDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** The tab of the run the progress line reports, while another tab is on screen; null on its own tab. */
    private String otherTab;

    public RunBarModel(Messages messages, LessonStrings strings) {
        this.messages = messages;
        this.strings = strings;
    }

    public void showState(State s) { showState(s, false); }

    /** {@link #showState(State)} of a replay: a recording playing back reads "Replaying…", not "Training…". */
    public void showState(State s, boolean replay) {
        boolean running = s == State.RUNNING;
        boolean paused = s == State.PAUSED;
        boolean stopping = s == State.STOPPING;
        stateText.set(messages.get("state." + (running && replay ? "REPLAYING" : s.name())));
        stateStyle.set("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
        runText.set(messages.get(paused ? "run.resume" : "run.run"));
        runDisabled.set(running || stopping);
        pauseDisabled.set(!running);
        stopDisabled.set(!running && !paused);
        busy.set(running || paused || stopping);
    }

    /**
     * @param experiment   the running (or last) experiment's name
     * @param unit         what it counts, {@code Experiment.EPOCH} or {@code STEP}
     * @param ended        the record of the last run once no run is busy (where it ended), or null
     * @param backendReady false while ND4J is still loading (a Run pressed meanwhile waits for it) */
    public void showProgress(TrainingEngine.Progress p, String experiment, String unit, RunRecord ended, boolean backendReady) {
        boolean live = busy.get();
        String status = backendReady ? ProgressText.status(p, experiment, unit, ended, live, strings, messages) : "";
        // above another tab's charts the line says whose it is (it read as that tab's run)
        if (otherTab != null && !status.isEmpty()) status = messages.format("progress.other_tab", otherTab, status);
        progressText.set(backendReady ? status : messages.get("status.backend.loading"));
        TrainingEngine.Progress shown = live || ended == null || ended.endedAt() == null ? p : ended.endedAt();
        // a run that early stopping ended has done its work: a full bar, not 24 of 149 epochs
        progress.set(!live && ended != null && ProgressText.endedEarly(ended) ? 1 : shown.fraction());
    }

    /**
     * Names the tab of the run the progress line reports when another tab is on screen ({@code tab}
     * = that tab's label), or null when the run's own tab (or the explanation) is shown; the next
     * {@link #showProgress} words the line so.
     */
    public void setOtherTab(String tab) { otherTab = tab; }

    public ReadOnlyStringProperty runTextProperty() { return runText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateTextProperty() { return stateText.getReadOnlyProperty(); }

    /** Every word {@link #stateTextProperty()} can show, in {@code messages}' language (the label's width is the widest's). */
    static java.util.List<String> stateWords(Messages messages) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (TrainingEngine.State s : TrainingEngine.State.values()) words.add(messages.get("state." + s.name()));
        words.add(messages.get("state.REPLAYING"));
        return words;
    }
    /** Style class {@code state-<state>} for the state word. */
    public ReadOnlyStringProperty stateStyleProperty() { return stateStyle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    /** Planned work done, 0..1 (configurations × epochs). */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runDisabledProperty() { return runDisabled.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pauseDisabledProperty() { return pauseDisabled.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty stopDisabledProperty() { return stopDisabled.getReadOnlyProperty(); }
    /** Running, paused or stopping: the experiment and the preset cannot change. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
