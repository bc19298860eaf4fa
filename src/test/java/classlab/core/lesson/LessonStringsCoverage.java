package classlab.core.lesson;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects the message keys a lesson model uses, to check that both languages define them. */
public final class LessonStringsCoverage {
    /** Prefixes that mark a bar category or table cell as a message key rather than a data label. */
    private static final List<String> KEY_PREFIXES = List.of("series.", "category.", "cell.", "experiment.", "message.", "marker.",
            "caption.", "panel.", "error.", "note.");

    private LessonStringsCoverage() {}

    private static boolean isKey(String s) {
        for (String p : KEY_PREFIXES) if (s.startsWith(p)) return true;
        return false;
    }

    /** Adds the key of a message key or a deferred message ({@code key|arg|...}), if the text is one. */
    private static void addKeyOf(String text, Set<String> keys) {
        if (text == null) return;
        int sep = text.indexOf(LessonStrings.MESSAGE_SEPARATOR);
        String key = sep > 0 ? text.substring(0, sep) : text;
        if (isKey(key)) keys.add(key);
        if (sep > 0) for (String arg : text.substring(sep + 1).split("\\" + LessonStrings.MESSAGE_SEPARATOR)) if (isKey(arg)) keys.add(arg);
    }

    /** Keys of sections, experiments, parameters and figures (titles, axes, key-like series, columns, markers, levels). */
    public static Set<String> usedKeys(LessonModel model) {
        Set<String> keys = new TreeSet<>();
        model.sections().forEach(s -> keys.add("section." + s));
        model.experiments().forEach(e -> keys.add("experiment." + e.name()));
        model.params().forEach(p -> keys.add("param." + p.key()));
        for (Figure f : model.allFigures()) {
            keys.add(f.titleKey());
            if (f instanceof LineFigure) {
                LineFigure l = (LineFigure) f;
                keys.add(l.xLabelKey());
                keys.add(l.yLabelKey());
                if (l.rightLabelKey() != null) keys.add(l.rightLabelKey());
                for (LineFigure.Series s : l.allSeries()) if (s.name().startsWith("series.")) keys.add(s.name());
                l.markers().forEach(m -> keys.add(m.labelKey()));
                l.levels().forEach(m -> keys.add(m.labelKey()));
            } else if (f instanceof BarFigure) {
                BarFigure b = (BarFigure) f;
                keys.add(b.xLabelKey());
                keys.add(b.yLabelKey());
                for (String g : b.groups()) if (isKey(g)) keys.add(g);
                for (String c : b.categories()) if (isKey(c)) keys.add(c);
                b.levels().forEach(m -> keys.add(m.labelKey()));
            } else if (f instanceof ResultTable) {
                ResultTable t = (ResultTable) f;
                keys.addAll(t.columnKeys());
                for (List<Object> row : t.rows()) {
                    for (Object cell : row) if (cell instanceof String) addKeyOf((String) cell, keys);
                }
            } else if (f instanceof GridFigure) {
                for (GridFigure.Panel p : ((GridFigure) f).panels()) addKeyOf(p.caption(), keys);
            } else if (f instanceof HistogramFigure) {
                HistogramFigure h = (HistogramFigure) f;
                keys.add(h.xLabelKey());
                for (String name : h.names()) addKeyOf(name, keys);
            }
        }
        return keys;
    }

    /** Keys missing from either language, as "lang: key". */
    public static List<String> missing(LessonModel model) {
        List<String> missing = new ArrayList<>();
        for (String lang : LessonStrings.LANGUAGES) {
            LessonStrings strings = LessonStrings.load(model.id(), lang);
            for (String key : usedKeys(model)) if (!strings.has(key)) missing.add(lang + ": " + key);
        }
        return missing;
    }
}
