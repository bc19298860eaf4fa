package classlab.core.lesson.pattern;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Test helper: the message keys a lesson model uses, and those missing from its strings files. */
public final class MessageKeys {
    /** Prefixes that mark a table cell, bar category or marker label as a message key rather than data. */
    private static final List<String> KEY_PREFIXES = List.of("cell.", "category.", "experiment.", "series.", "marker.");

    private MessageKeys() {}

    /** Every key of sections, experiments, params and the figures as they are filled now. */
    public static Set<String> used(LessonModel lesson) {
        Set<String> keys = new TreeSet<>();
        for (String s : lesson.sections()) keys.add("section." + s);
        for (Experiment e : lesson.experiments()) keys.add("experiment." + e.name());
        for (ParamSpec p : lesson.params()) keys.add("param." + p.key());
        for (Figure f : lesson.allFigures()) {
            keys.add(f.titleKey());
            if (f instanceof LineFigure line) {
                keys.add(line.xLabelKey());
                keys.add(line.yLabelKey());
                for (LineFigure.Series s : line.allSeries()) keys.add(s.name());
                for (LineFigure.Marker m : line.markers()) keys.add(m.labelKey());
                for (LineFigure.Level l : line.levels()) keys.add(l.labelKey());
            } else if (f instanceof BarFigure bar) {
                keys.add(bar.xLabelKey());
                keys.add(bar.yLabelKey());
                keys.addAll(bar.groups());
                for (String c : bar.categories()) if (isKey(c)) keys.add(c);
            } else if (f instanceof ResultTable table) {
                keys.addAll(table.columnKeys());
                for (List<Object> row : table.rows()) {
                    for (Object cell : row) if (cell instanceof String s && isKey(s)) keys.add(s);
                }
            }
        }
        return keys;
    }

    private static boolean isKey(String s) {
        for (String p : KEY_PREFIXES) if (s.startsWith(p)) return true;
        return false;
    }

    /** Keys missing from the lesson's strings (over the common ones), as "lang: key". */
    public static List<String> missing(LessonModel lesson) {
        List<String> missing = new ArrayList<>();
        for (String lang : LessonStrings.LANGUAGES) {
            LessonStrings strings = LessonStrings.load(lesson.id(), lang);
            for (String key : used(lesson)) if (!strings.has(key)) missing.add(lang + ": " + key);
        }
        return missing;
    }
}
