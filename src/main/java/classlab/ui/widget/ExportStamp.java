package classlab.ui.widget;

import classlab.core.lesson.ParamValues;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an exported PNG or CSV carries about its origin, so a slide can be traced back to a run:
 * lesson, experiment, the settings that differ from the notebook's defaults, seed, date and
 * ClassLab version. PNGs get {@link #line()} as a footer, CSVs as a {@code #} comment header.
 *
 * @param lesson     the lesson's title, localised
 * @param experiment the experiment's label, localised ("" when not known)
 * @param settings   the settings that differ from the defaults as the form names them ("Epochs 6"), or the localised "notebook defaults"
 * @param seed       the run's random seed, localised ("seed 42"), or "" when the lesson has none
 * @param state      how the run on the charts ended when that is not as planned, or that it is still
 *                   training, localised ("stopped at epoch 4/6", "in progress at epoch 2/25"), or ""
 * @param date       local date and time of the export, {@code yyyy-MM-dd HH:mm}
 * @param version    ClassLab's version (jar manifest), {@code dev} when run from classes
 */
public record ExportStamp(String lesson, String experiment, String settings, String seed, String state, String date, String version) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A stamp of a run that ended as planned (or of no run). */
    public ExportStamp(String lesson, String experiment, String settings, String seed, String date, String version) {
        this(lesson, experiment, settings, seed, "", date, version);
    }

    /**
     * This stamp saying the run was stopped at {@code done} of {@code planned} epochs (or steps, for
     * {@code unit} {@code Experiment.STEP}): a slide of a stopped run must not pass for a finished one
     * (trial report 3, item 19). {@code text} localises {@code export.stamp.stopped_<unit>}.
     */
    public ExportStamp stopped(int done, int planned, String unit, Function<String, String> text) {
        return new ExportStamp(lesson, experiment, settings, seed, format(text, "export.stamp.stopped_" + unit, done, planned), date, version);
    }

    /**
     * This stamp saying the run was still training when exported, at {@code done} of {@code planned} epochs (or
     * steps) of configuration {@code configuration} of {@code configurations} (named only when there are several):
     * a figure exported mid-run must not pass for a finished one (trial 7, item 7). {@code text} localises
     * {@code export.stamp.running_<unit>} and {@code export.stamp.running_configuration}.
     */
    public ExportStamp inProgress(int done, int planned, int configuration, int configurations, String unit, Function<String, String> text) {
        String state = format(text, "export.stamp.running_" + unit, done, planned);
        if (configurations > 1) state += ", " + format(text, "export.stamp.running_configuration", configuration, configurations);
        return new ExportStamp(lesson, experiment, settings, seed, state, date, version);
    }

    private static String format(Function<String, String> text, String key, Object... args) {
        return new java.text.MessageFormat(text.apply(key), java.util.Locale.ROOT).format(args);
    }

    /**
     * The stamp of a run: {@code text} localises the lesson's keys ({@code experiment.<name>},
     * {@code export.stamp.*}) and the lesson title is given already localised. With a {@code section}
     * (the run's tab; null for a run of several tabs) only the parameters its form shows are named, and
     * its seed is the one of those called {@code seed} or {@code <name>_seed} (multiclass's tab A has
     * {@code binary_seed}, tab C {@code seed}).
     */
    public static ExportStamp of(String lessonTitle, String experiment, String section, ParamValues values, ParamValues defaults,
                                 Function<String, String> text, LocalDateTime when) {
        ParamValues shown = section == null ? values : values.shownIn(section);
        String seedKey = shown.seedKey();
        String seed = seedKey == null ? "" : format(text, "export.stamp.seed", shown.text(seedKey));
        java.util.Map<String, String> changedSettings = shown.changedFrom(defaults);
        if (seedKey != null) changedSettings.remove(seedKey);   // said once, as the seed
        // named as the form names them ("Epochs 6"), not as --set takes them
        String changed = classlab.core.lesson.LessonStrings.resolve(text, classlab.core.lesson.SettingsText.message(changedSettings));
        return new ExportStamp(lessonTitle, experiment == null ? "" : text.apply("experiment." + experiment),
                changed.isEmpty() ? text.apply("export.stamp.defaults") : changed,
                seed, DATE.format(when), appVersion());
    }

    /** ClassLab's version from the jar manifest, {@code dev} when run from a class folder. */
    public static String appVersion() {
        String v = ExportStamp.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** One line: "Lesson · Experiment · settings · seed 42 [· stopped at epoch 4/6 | · in progress at epoch 2/25, configuration 3/3] · 2026-11-30 15:40 · ClassLab 0.1.0". */
    public String line() {
        List<String> parts = new ArrayList<>();
        parts.add(lesson);
        if (!experiment.isEmpty()) parts.add(experiment);
        parts.add(settings);
        if (!seed.isEmpty()) parts.add(seed);
        if (!state.isEmpty()) parts.add(state);
        parts.add(date);
        parts.add("ClassLab " + version);
        return String.join(" · ", parts);
    }
}
