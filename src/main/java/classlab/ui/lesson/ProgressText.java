package classlab.ui.lesson;

import classlab.core.classroom.RunRecord;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine.Progress;
import classlab.ui.fx.Messages;

/**
 * The run's progress in the user's terms: "No regularisation — configuration 2 of 4 · epoch 17/30 ·
 * iteration 412 · about 1:05 left". Configuration labels come from the lesson's strings
 * ({@code series.<id>}, {@code experiment.<id>}), never as internal ids.
 */
public final class ProgressText {
    private static final String SEPARATOR = " · ";

    private ProgressText() { }

    /**
     * The run bar's line: while a run is busy ({@code live}) its progress {@code p} with the time left;
     * afterwards how the last run ended, from its record: where it was stopped ("stopped at: … epoch
     * 7/30"), and for a replay, which recorded run it played. No time left once a run has ended.
     *
     * @param unit  what the experiment counts, {@code Experiment.EPOCH} or {@code STEP} ("epoch 17/30", "step 17/30")
     * @param ended the record of the last run when no run is busy, or null (none yet, or unknown)
     */
    public static String status(Progress p, String experiment, String unit, RunRecord ended, boolean live,
                                LessonStrings strings, Messages messages) {
        if (live || ended == null || ended.endedAt() == null) return format(p, experiment, unit, strings, messages, live);
        String text = format(ended.endedAt(), ended.experiment(), unit, strings, messages, false);
        if (ended.stopped()) text = messages.format("progress.stopped_at", text);
        else if (endedEarly(ended)) {
            text = messages.format("progress.stopped_early", text, String.valueOf(Math.round(ended.results().get("best_epoch"))));
        }
        if (ended.replayOf() != null) text += SEPARATOR + messages.format("progress.replay_of", LessonStrings.resolve(strings, ended.source().label()));
        return text;
    }

    /**
     * @param experiment the running experiment's name: a label part equal to it is left out (the selector shows it)
     * @param unit       what the experiment counts, {@code Experiment.EPOCH} or {@code STEP}: the message {@code progress.<unit>}
     * @param live       whether the run is still going: only then is the time left estimated
     */
    public static String format(Progress p, String experiment, String unit, LessonStrings strings, Messages messages, boolean live) {
        if (p.configuration() == 0 && p.iteration() == 0) return "";
        StringBuilder sb = new StringBuilder();
        if (p.configuration() > 0) {
            String label = label(p.label(), experiment, strings);
            sb.append(p.configurations() > 1
                    ? messages.format("progress.configuration", label, p.configuration(), p.configurations())
                    : label);
            sb.append(SEPARATOR).append(messages.format("progress." + unit, p.epoch(), p.epochs()));
        }
        if (p.iteration() > 0) {
            if (sb.length() > 0) sb.append(SEPARATOR);
            sb.append(messages.format("progress.iteration", p.iteration()));
        }
        double left = p.secondsLeft();
        if (live && Double.isFinite(left) && p.fraction() < 1) {
            long s = Math.round(left);
            sb.append(SEPARATOR).append(messages.format("progress.left", String.format("%d:%02d", s / 60, s % 60)));
        }
        return sb.toString();
    }

    /**
     * Whether {@code ended} finished before its planned epochs by itself: early stopping ended it
     * (its results say {@code stopped_early} = 1 and the {@code best_epoch} it restored).
     */
    static boolean endedEarly(RunRecord ended) {
        return "FINISHED".equals(ended.outcome()) && ended.results().getOrDefault("stopped_early", 0.0) > 0
                && ended.results().containsKey("best_epoch");
    }

    /**
     * Localises a configuration label as lessons report it: ids joined by " · " or a space
     * ("bn_effect · bn", "none", "cnn_v1"); each part is looked up as a series, experiment, config or
     * table-cell key (cifar names its models as results-table cells).
     */
    static String label(String raw, String experiment, LessonStrings strings) {
        StringBuilder sb = new StringBuilder();
        String[] parts = raw.split(" · ");
        for (String part : parts) {
            if (parts.length > 1 && part.trim().equals(experiment)) continue;
            if (sb.length() > 0) sb.append(SEPARATOR);
            sb.append(word(withoutExperiment(part.trim(), experiment), strings));
        }
        return sb.toString();
    }

    /** "exercise2_sampler" of experiment exercise2 → "sampler" (imbalance's exercise names its configurations so). */
    private static String withoutExperiment(String part, String experiment) {
        return !experiment.isEmpty() && part.startsWith(experiment + "_") ? part.substring(experiment.length() + 1) : part;
    }

    /**
     * The message key that names the configuration in a progress label ("dropout" → "config.dropout",
     * "bn_effect · bn" → "series.bn" when the experiment is bn_effect), for a legend that should
     * read as the configuration, or the label's words after the experiment id ("label_smoothing ε=0.1"
     * → "ε=0.1", as the experiment's other charts name it); null when the label is just the
     * experiment or no key names it.
     */
    static String configurationKey(String raw, String experiment, LessonStrings strings) {
        String part = configurationPart(raw, experiment);
        if (part == null) return null;
        // "label_smoothing ε=0.1": the experiment's charts name this configuration "ε=0.1"
        if (part.startsWith(experiment + " ")) return part.substring(experiment.length() + 1);
        for (String prefix : new String[] {"series.", "experiment.", "config.", "cell."}) {
            if (strings.has(prefix + part)) return prefix + part;
        }
        return numbered(part, strings);
    }

    /**
     * The one part of a progress label that names the configuration, as the lesson wrote it
     * ("batch_size · B=32" → "B=32", "exercise2_sampler" → "sampler"); null when the label is just
     * the experiment or has several parts.
     */
    static String configurationPart(String raw, String experiment) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String part : raw.split(" · ")) if (!part.trim().equals(experiment)) parts.add(withoutExperiment(part.trim(), experiment));
        return parts.size() == 1 ? parts.get(0) : null;
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("(.+?)(-?\\d+(?:\\.\\d+)?)");

    /**
     * A configuration named by a setting and its value, "dropout_p0.7", as the experiment's charts name
     * it: "p=0.7" when {@code column.dropout_p} (or a series or config key) names the setting; else null.
     */
    private static String numbered(String part, LessonStrings strings) {
        java.util.regex.Matcher m = NUMBERED.matcher(part);
        if (!m.matches()) return null;
        for (String prefix : new String[] {"series.", "config.", "column."}) {
            if (strings.has(prefix + m.group(1))) return LessonStrings.resolve(strings, prefix + m.group(1)) + "=" + m.group(2);
        }
        return null;
    }

    private static String word(String part, LessonStrings strings) {
        if (part.indexOf(LessonStrings.MESSAGE_SEPARATOR) > 0) return LessonStrings.resolve(strings, part);
        for (String prefix : new String[] {"series.", "experiment.", "config.", "cell.", ""}) {
            if (strings.has(prefix + part)) return LessonStrings.resolve(strings, prefix + part);
        }
        String numbered = numbered(part, strings);
        if (numbered != null) return numbered;
        int space = part.indexOf(' ');
        if (space > 0) return word(part.substring(0, space), strings) + " " + part.substring(space + 1);
        return part;
    }
}
