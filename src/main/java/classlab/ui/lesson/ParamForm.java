package classlab.ui.lesson;

import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The hyperparameter form of one section, generated from the lesson's {@link ParamSpec}s.
 * Demo parameters with a numeric range get a slider (the figure redraws as it moves); the rest
 * are fields committed on Enter or focus loss. Every value goes through
 * {@link LessonSession#setParam}, whose validation message appears under the field; so does the
 * message of a run that refused the setting in combination with others
 * ({@link LessonSession#paramProblemProperty()}).
 */
final class ParamForm extends VBox {
    private final LessonSession session;
    private final Function<String, String> text;
    /** Each field's error label and editor, by parameter key. */
    private final java.util.Map<String, Label> errors = new java.util.HashMap<>();
    private final java.util.Map<String, Node> editors = new java.util.HashMap<>();
    /** Each field's note of the value in use when the lesson replaced the chosen one, by parameter key. */
    private final java.util.Map<String, Label> notes = new java.util.HashMap<>();
    private final javafx.beans.value.ChangeListener<ParamValues> onInEffect = (o, before, now) -> showInEffect(now);
    /** Shows a value in each field's editor, by parameter key (without committing it again). */
    private final java.util.Map<String, java.util.function.Consumer<String>> shows = new java.util.HashMap<>();
    /** True while {@link #showValues} writes into the editors: their listeners then commit nothing. */
    private boolean showing;
    /** Another section's form (or quick demo, Defaults, Again) changed the shared settings: show them here too. */
    private final javafx.beans.value.ChangeListener<ParamValues> onValues = (o, before, now) -> showValues(now);
    /** Held strongly here, registered weakly: the session outlives forms rebuilt on a language switch. */
    private final javafx.beans.value.ChangeListener<LessonSession.ParamProblem> onRunRefused;

    ParamForm(LessonSession session, List<ParamSpec> specs, Function<String, String> text) {
        this.session = session;
        this.text = text;
        this.onRunRefused = (o, before, now) -> {
            if (before != null && !session.isInvalid(before.param())) show(before.param(), null);
            if (now != null) show(now.param(), now.message());
        };
        getStyleClass().add("param-form");
        setSpacing(6);
        setPadding(new Insets(8));
        // Label above its field: long names ("CosineAnnealingLR T_max") wrap instead of being cut,
        // and fields get the panel's whole width.
        for (ParamSpec spec : specs) {
            Label label = new Label(text.apply("param." + spec.key()));
            label.getStyleClass().add("param-label");
            label.setWrapText(true);
            String help = text.apply("param." + spec.key() + ".help");
            if (!help.equals("param." + spec.key() + ".help")) label.setTooltip(new Tooltip(help));
            Label error = new Label();
            error.getStyleClass().add("param-error");
            error.setWrapText(true);
            error.setManaged(false);
            error.setVisible(false);
            Node editor = editor(spec, error);
            editor.setId("param-" + spec.key());
            if (editor instanceof javafx.scene.layout.Region r) r.setMaxWidth(Double.MAX_VALUE);
            Label note = new Label();
            note.getStyleClass().add("param-note");
            note.setId("param-note-" + spec.key());
            note.setWrapText(true);
            note.setManaged(false);
            note.setVisible(false);
            getChildren().add(new VBox(2, label, editor, error, note));
            notes.put(spec.key(), note);
            errors.put(spec.key(), error);
            editors.put(spec.key(), editor);
        }
        session.paramProblemProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onRunRefused));
        LessonSession.ParamProblem refused = session.paramProblemProperty().get();
        if (refused != null) show(refused.param(), refused.message());
        session.inEffectProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onInEffect));
        showInEffect(session.inEffectProperty().get());
        session.valuesProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onValues));
    }

    /**
     * Puts {@code now}'s value into every editor that shows another one, except fields whose last
     * typed value was refused (they keep the text to correct, under its message); a field no longer
     * refused loses its message.
     */
    private void showValues(ParamValues now) {
        showing = true;
        try {
            for (java.util.Map.Entry<String, java.util.function.Consumer<String>> e : shows.entrySet()) {
                if (session.isInvalid(e.getKey()) || !now.has(e.getKey())) continue;
                e.getValue().accept(now.text(e.getKey()));
                // a refusal of a typed value that quick demo or --epochs replaced goes with it (trial 4, item 1)
                LessonSession.ParamProblem refused = session.paramProblemProperty().get();
                if (refused == null || !refused.param().equals(e.getKey())) show(e.getKey(), null);
            }
        } finally {
            showing = false;
        }
    }

    /** Under each field whose value the lesson replaced: "In use: MNIST" (the choice's label); other notes cleared. */
    private void showInEffect(ParamValues used) {
        ParamValues chosen = session.values();
        for (ParamSpec spec : chosen.specs()) {
            Label note = notes.get(spec.key());
            if (note == null) continue;
            String value = used == null || !used.has(spec.key()) ? chosen.text(spec.key()) : used.text(spec.key());
            boolean replaced = !value.equals(chosen.text(spec.key()));
            note.setText(replaced ? LessonStrings.resolve(text, LessonStrings.message("param.in_effect",
                    spec.type() == ParamSpec.Type.CHOICE ? choiceLabel(spec, value) : value)) : "");
            note.setManaged(replaced);
            note.setVisible(replaced);
        }
    }

    private Node editor(ParamSpec spec, Label error) {
        ParamValues values = session.values();
        String current = values.text(spec.key());
        switch (spec.type()) {
            case BOOL: {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(current));
                box.selectedProperty().addListener((o, a, b) -> commit(spec, Boolean.toString(b), error, box));
                shows.put(spec.key(), v -> box.setSelected(Boolean.parseBoolean(v)));
                return box;
            }
            case CHOICE: {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().addAll(spec.choices());
                combo.setConverter(new javafx.util.StringConverter<>() {
                    @Override public String toString(String s) { return s == null ? "" : choiceLabel(spec, s); }
                    @Override public String fromString(String s) { return s; }
                });
                combo.setValue(current);
                combo.valueProperty().addListener((o, a, b) -> commit(spec, b, error, combo));
                shows.put(spec.key(), combo::setValue);
                return combo;
            }
            case INT:
            case DOUBLE:
                if (spec.demo()) return slider(spec, current, error);
                return field(spec, current, error);
            default:
                return field(spec, current, error);
        }
    }

    private String choiceLabel(ParamSpec spec, String choice) {
        String key = "choice." + spec.key() + "." + choice;
        String label = text.apply(key);
        return label.equals(key) ? choice : label;
    }

    private Node field(ParamSpec spec, String current, Label error) {
        TextField field = new TextField(current);
        field.setPrefColumnCount(10);
        field.setOnAction(e -> commit(spec, field.getText(), error, field));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit(spec, field.getText(), error, field);
        });
        shows.put(spec.key(), v -> {
            if (!v.equals(field.getText())) field.setText(v);
        });
        return field;
    }

    private Node slider(ParamSpec spec, String current, Label error) {
        Slider slider = new Slider(spec.min(), spec.max(), Double.parseDouble(current));
        boolean integer = spec.type() == ParamSpec.Type.INT;
        slider.setSnapToTicks(integer);
        slider.setMajorTickUnit(integer ? 1 : (spec.max() - spec.min()) / 10);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(integer ? 1 : (spec.max() - spec.min()) / 100);
        TextField value = new TextField(current);
        value.setPrefColumnCount(6);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slider.valueProperty().addListener((o, a, b) -> {
            String s = integer ? Long.toString(Math.round(b.doubleValue())) : round(b.doubleValue(), spec);
            if (!s.equals(value.getText())) {
                value.setText(s);
                commit(spec, s, error, value);
            }
        });
        value.setOnAction(e -> {
            if (commit(spec, value.getText(), error, value)) slider.setValue(Double.parseDouble(value.getText().trim()));
        });
        shows.put(spec.key(), v -> {
            if (v.equals(value.getText())) return;
            value.setText(v);
            slider.setValue(Double.parseDouble(v));
        });
        HBox box = new HBox(6, slider, value);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return box;
    }

    private static String round(double v, ParamSpec spec) {
        double range = spec.max() - spec.min();
        int decimals = range <= 1 ? 3 : range <= 20 ? 2 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private boolean commit(ParamSpec spec, String raw, Label error, Node editor) {
        if (showing) return true;
        String problem = session.setParam(spec.key(), raw);
        show(spec.key(), problem);
        return problem == null;
    }

    /**
     * {@code message} (localised) as the user reads it: messages of a setting start with the key typed
     * in {@code --set} ("epochs: ..."), which the form's reader has never seen; the field's label
     * ("Epochs: ...") replaces it. Other messages are returned unchanged.
     */
    static String withLabel(java.util.function.Function<String, String> text, java.util.Collection<ParamSpec> specs, String message) {
        for (ParamSpec spec : specs) {
            String prefix = spec.key() + ": ";
            if (message.startsWith(prefix)) return text.apply("param." + spec.key()) + ": " + message.substring(prefix.length());
        }
        return message;
    }

    /** Shows {@code problem} (a deferred message) under the field of {@code key} and marks it, or clears both (null). */
    private void show(String key, String problem) {
        Label error = errors.get(key);
        Node editor = editors.get(key);
        if (error == null) return;  // a setting of another section's form
        boolean ok = problem == null;
        error.setText(ok ? "" : withLabel(text, session.values().specs(), LessonStrings.resolve(text, problem)));
        error.setManaged(!ok);
        error.setVisible(!ok);
        if (ok) editor.getStyleClass().remove("invalid");
        else if (!editor.getStyleClass().contains("invalid")) editor.getStyleClass().add("invalid");
    }
}
