package classlab.core.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Localised labels of a lesson: {@code /lessons/<id>/strings_<lang>.properties} over the shared
 * {@code /lessons/common_<lang>.properties} (UTF-8). A missing key resolves to itself, so a
 * figure always shows something and a missing translation is visible, not fatal.
 */
public final class LessonStrings implements Function<String, String> {
    public static final String[] LANGUAGES = {"ko", "en"};

    private final Properties props = new Properties();
    private final String language;

    private LessonStrings(String language) {
        this.language = language;
    }

    /** Strings for a lesson id (or only the common ones when {@code lessonId} is null). */
    public static LessonStrings load(String lessonId, String language) {
        LessonStrings s = new LessonStrings(language);
        s.merge("/lessons/common_" + language + ".properties");
        if (lessonId != null) s.merge("/lessons/" + lessonId + "/strings_" + language + ".properties");
        return s;
    }

    private void merge(String resource) {
        try (InputStream in = LessonStrings.class.getResourceAsStream(resource)) {
            if (in == null) return;
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String language() { return language; }

    public boolean has(String key) { return props.containsKey(key); }

    @Override public String apply(String key) {
        if (key == null) return "";
        return props.getProperty(key, key);
    }

    /** The pattern under {@code key} filled with {@link MessageFormat} arguments. */
    public String format(String key, Object... args) {
        return new MessageFormat(apply(key), Locale.forLanguageTag(language)).format(args);
    }

    /** The system locale's language if ClassLab has it, else English. */
    public static String defaultLanguage() {
        return Locale.getDefault().getLanguage().equals("ko") ? "ko" : "en";
    }
}
