package classlab.ui.classroom;

import classlab.core.classroom.RunHistory;
import classlab.core.classroom.RunRecord;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The run list of a lesson: every run with its experiment, time, seed, changed settings and outcome;
 * a check box per earlier run chooses whether its curves are overlaid faded, and a button re-runs it
 * with the same settings and seed.
 */
public final class RunListView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RunHistory history;
    private final Messages text;
    private final LessonStrings strings;
    private final Consumer<RunRecord> rerun;
    private final Consumer<RunRecord> save;
    private final Consumer<RunRecord> discard;
    private final javafx.scene.control.ComboBox<Double> speed = new javafx.scene.control.ComboBox<>();
    private final VBox rows = new VBox(4);
    private final Label empty = new Label();
    private final Label problem = new Label();
    private final Runnable listener = () -> Platform.runLater(this::rebuild);
    private boolean busy;
    private TrainingEngine.State state = TrainingEngine.State.IDLE;

    /** Replay speeds offered, in epochs per second. */
    static final java.util.List<Double> SPEEDS = java.util.List.of(0.5, 1.0, 2.0, 5.0, 10.0, 30.0);

    /**
     * @param rerun restores a run's settings and runs it again (FX thread)
     * @param save  saves a run to a file the user chooses
     * @param open  opens a recorded run and replays it at {@link #speed()}
     * @param discard takes a run restored at start-up out of the list for good (its file is moved away)
     */
    public RunListView(RunHistory history, Messages text, LessonStrings strings, Consumer<RunRecord> rerun,
                       Consumer<RunRecord> save, Runnable open, Consumer<RunRecord> discard) {
        super(6);
        this.history = history;
        this.text = text;
        this.strings = strings;
        this.rerun = rerun;
        this.save = save;
        this.discard = discard;
        setId("runList");
        getStyleClass().add("run-list");
        Label title = new Label(text.get("runs.title"));
        title.getStyleClass().add("panel-title");
        empty.setText(text.get("runs.empty"));
        empty.setWrapText(true);
        problem.setWrapText(true);
        problem.setManaged(false);
        Button openButton = new Button(text.get("runs.open"));
        openButton.setId("replayOpen");
        openButton.setTooltip(new Tooltip(text.get("runs.open.tip")));
        openButton.setOnAction(e -> open.run());
        speed.getItems().setAll(SPEEDS);
        speed.setValue(2.0);
        speed.setId("replaySpeed");
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : text.format("runs.speed", QuestionCard.fmt(v)); }
            @Override public Double fromString(String s) { return null; }
        });
        // The drawer is a quarter of a 1280 px projector: the speed goes under the button there, neither is cut.
        openButton.setMinWidth(Region.USE_PREF_SIZE);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane replay = new javafx.scene.layout.FlowPane(6, 6, openButton, speed);
        replay.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, replay, problem, rows);
        history.addListener(listener);
        rebuild();
    }

    /** Stops following the history (the pane is closing). */
    public void detach() { history.removeListener(listener); }

    /** The chosen replay speed in epochs per second. */
    public double speed() { return speed.getValue(); }

    /** Shows why a run could not be repeated, saved or replayed (or hides the message for null). */
    public void showProblem(String message) {
        show(message, true);
    }

    /** Shows what was done (a run saved), in plain text. */
    public void showMessage(String message) {
        show(message, false);
    }

    private void show(String message, boolean isProblem) {
        problem.setText(message == null ? "" : message);
        problem.setManaged(message != null);
        problem.setVisible(message != null);
        if (isProblem && !problem.getStyleClass().contains("problem")) problem.getStyleClass().add("problem");
        if (!isProblem) problem.getStyleClass().remove("problem");
    }

    /**
     * Disables the re-run buttons while a run is in progress, and words the state of the run in
     * progress ({@code RUNNING}, {@code PAUSED}, {@code STOPPING}; listed from the moment it begins).
     */
    public void setBusy(boolean busy, TrainingEngine.State state) {
        this.busy = busy;
        this.state = state;
        rebuild();
    }

    /**
     * The text shown for the run in progress: "#3 · Dropout · 14:03:12 · seed 42 · lr=0.01 · training…";
     * a replay is named as the recorded run, with the time that run started: "#2 (file 23:08) · Dropout ·
     * 23:08:31 · … · from its file · replaying…".
     */
    public String describe(RunHistory.Running r) {
        StringBuilder sb = new StringBuilder(LessonStrings.resolve(strings, r.label())).append(" · ")
                .append(strings.apply("experiment." + r.experiment()))
                .append(" · ").append(time(r.replayOf() != null ? r.replayOf() : r.started()));
        if (r.seed() != null) sb.append(" · ").append(text.format("runs.seed", String.valueOf(r.seed())));
        if (!r.changed().isEmpty()) sb.append(" · ").append(LessonStrings.resolve(strings, r.changed()));
        if (r.replayOf() != null) sb.append(" · ").append(text.get("runs.from_file.replayed"));
        TrainingEngine.State s = state == TrainingEngine.State.PAUSED || state == TrainingEngine.State.STOPPING ? state : TrainingEngine.State.RUNNING;
        String word = s == TrainingEngine.State.RUNNING && r.replayOf() != null ? "REPLAYING" : s.name();
        return sb.append(" · ").append(text.get("runs.state." + word)).toString();
    }

    /**
     * The text shown for a run: "#2 · Dropout · 14:03:12 · seed 42 · lr=0.01 · stopped"; a run from a
     * file is named as it was recorded, with the time (and day, if not today) it started: "#2 (file
     * 23:08) · Dropout · 11-30 23:08:31 · … · restored from its file".
     */
    public String describe(RunRecord r) {
        StringBuilder sb = new StringBuilder(LessonStrings.resolve(strings, r.label())).append(" · ")
                .append(strings.apply("experiment." + r.experiment()))
                .append(" · ").append(time(r.fromFile() ? r.source().started() : r.started()));
        if (r.seed() != null) sb.append(" · ").append(text.format("runs.seed", String.valueOf(r.seed())));
        if (!r.changed().isEmpty()) sb.append(" · ").append(LessonStrings.resolve(strings, r.changedMessage()));
        if (r.stopped() && r.endedAt() != null) sb.append(" · ").append(stoppedAt(r.experiment(), r.endedAt()));
        else if (!r.outcome().equals("FINISHED")) sb.append(" · ").append(text.get("runs.outcome." + r.outcome()));
        if (r.fromFile()) sb.append(" · ").append(text.get(r.source().replayed() ? "runs.from_file.replayed" : "runs.from_file.restored"));
        return sb.toString();
    }

    /** "14:03:12" for today, "11-30 14:03:12" for another day. */
    private static String time(java.time.Instant t) {
        java.time.ZoneId zone = ZoneId.systemDefault();
        boolean today = t.atZone(zone).toLocalDate().equals(java.time.LocalDate.now(zone));
        return today ? TIME.format(t) : DAY_TIME.format(t);
    }

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /**
     * "stopped at epoch 7/30" ("stopped at step 7/30" for an experiment that counts steps), or with the
     * configuration when the experiment trains several.
     */
    private String stoppedAt(String experiment, TrainingEngine.Progress at) {
        String unit = history.model().experiments().stream().filter(e -> e.name().equals(experiment)).findFirst()
                .map(classlab.core.lesson.Experiment::unit).orElse(classlab.core.lesson.Experiment.EPOCH);
        String suffix = unit.equals(classlab.core.lesson.Experiment.EPOCH) ? "" : "." + unit;
        return at.configurations() > 1
                ? text.format("runs.stopped_at_configuration" + suffix, at.configuration(), at.configurations(), at.epoch(), at.epochs())
                : text.format("runs.stopped_at" + suffix, at.epoch(), at.epochs());
    }

    /** Node id of a run's row or button: {@code run-3}, or {@code run-file-1} for a run from a file (number -1). */
    public static String id(String prefix, RunRecord r) {
        return prefix + (r.number() < 0 ? "file" + r.number() : String.valueOf(r.number()));
    }

    private void rebuild() {
        rows.getChildren().clear();
        showProblem(null);
        var runs = history.runs();
        RunHistory.Running running = history.running();
        if (running != null) {   // on the charts as it trains: listed at once, in bold, before it has a record
            Label now = new Label(describe(running));
            now.setId("run-running");
            now.setWrapText(true);
            now.setMnemonicParsing(false);
            now.setStyle("-fx-font-weight: bold;");
            now.setPadding(new javafx.geometry.Insets(0, 0, 4, 0));
            rows.getChildren().add(now);
        } else if (runs.isEmpty()) {
            rows.getChildren().add(empty);
        }
        for (int i = runs.size() - 1; i >= 0; i--) {   // newest first
            RunRecord r = runs.get(i);
            boolean live = history.isLive(r.number());
            CheckBox overlay = new CheckBox(describe(r));
            overlay.setId(id("run-", r));
            overlay.setWrapText(true);
            overlay.setMnemonicParsing(false);   // settings such as train_size keep their underscore
            overlay.setMaxWidth(Double.MAX_VALUE);
            overlay.setSelected(live || history.isOverlaid(r.number()));
            if (live) {   // on the charts anyway: shown in bold, not as a greyed-out box
                overlay.setMouseTransparent(true);
                overlay.setFocusTraversable(false);
                overlay.setStyle("-fx-font-weight: bold;");
            }
            overlay.setTooltip(new Tooltip(text.get(live ? "runs.live" : "runs.overlay")));
            overlay.selectedProperty().addListener((o, a, on) -> history.setOverlaid(r.number(), on));
            Button again = new Button(text.get("runs.rerun"));
            again.setId(id("rerun-", r));
            again.setTooltip(new Tooltip(text.get("runs.rerun.tip")));
            again.setDisable(busy);
            again.setMinWidth(Region.USE_PREF_SIZE);
            again.setOnAction(e -> rerun.accept(r));
            Button store = new Button(text.get("runs.save"));
            store.setId(id("save-", r));
            store.setTooltip(new Tooltip(text.get("runs.save.tip")));
            store.setMinWidth(Region.USE_PREF_SIZE);
            store.setOnAction(e -> save.accept(r));
            // Buttons under the description: in a narrow drawer at projector type size the text keeps the width.
            javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 4, again, store);   // wraps in a narrow drawer
            if (r.fromFile() && !r.source().replayed()) {   // restored at start-up: it can be put away for good
                Button remove = new Button(text.get("runs.discard"));
                remove.setId(id("discard-", r));
                remove.setTooltip(new Tooltip(text.get("runs.discard.tip")));
                remove.setMinWidth(Region.USE_PREF_SIZE);
                remove.setOnAction(e -> discard.accept(r));
                buttons.getChildren().add(remove);
            }
            buttons.setAlignment(Pos.CENTER_LEFT);
            buttons.setPadding(new javafx.geometry.Insets(0, 0, 4, 24));
            buttons.setPrefWrapLength(0);
            rows.getChildren().add(new VBox(2, overlay, buttons));
        }
    }
}
