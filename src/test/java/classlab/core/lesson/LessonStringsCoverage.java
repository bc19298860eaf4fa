package classlab.core.lesson;

import classlab.core.figure.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects the message keys a lesson model uses, to check that both languages define them. */
public final class LessonStringsCoverage {
    private LessonStringsCoverage() {}

    /** Keys of sections, experiments, parameters and figures ({@link Figure#messageKeys()}: titles, axes, key-like labels and captions). */
    public static Set<String> usedKeys(LessonModel model) {
        Set<String> keys = new TreeSet<>();
        model.sections().forEach(s -> keys.add("section." + s));
        model.experiments().forEach(e -> keys.add("experiment." + e.name()));
        model.params().forEach(p -> keys.add("param." + p.key()));
        // the form labels each option of a choice parameter with choice.<param>.<option> (ParamForm)
        model.params().forEach(p -> p.choices().forEach(c -> keys.add("choice." + p.key() + "." + c)));
        for (Figure f : model.allFigures()) keys.addAll(f.messageKeys());
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
