package classlab.core.lesson;

import classlab.core.KoreanParticles;
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
        return KoreanParticles.resolve(new MessageFormat(apply(key), Locale.forLanguageTag(language)).format(args));
    }

    /** Separates the key and the arguments of a {@link #message deferred message}. */
    public static final char MESSAGE_SEPARATOR = classlab.core.Deferred.SEPARATOR;

    /**
     * A message to be localised when it is shown, not now: {@code key|arg|arg...}. Figures keep
     * text for their whole life while the user may switch language, so text that lesson models
     * put into figures (captions, table cells) should be keys or deferred messages. Arguments are
     * shown as given, or translated when they are message keys themselves; they must not contain
     * {@value #MESSAGE_SEPARATOR}.
     */
    public static String message(String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) {
            String text = String.valueOf(a);
            if (text.indexOf(MESSAGE_SEPARATOR) >= 0) {
                throw new IllegalArgumentException("message argument of " + key + " contains '" + MESSAGE_SEPARATOR + "': " + text);
            }
            sb.append(MESSAGE_SEPARATOR).append(text);
        }
        return sb.toString();
    }

    /**
     * Localises a message key or a deferred message ({@link #message}, {@link classlab.core.Deferred}) with
     * {@code text}; any other text (also one that merely contains {@value #MESSAGE_SEPARATOR}) is returned unchanged.
     */
    public static String resolve(Function<String, String> text, String keyOrMessage) {
        return classlab.core.Deferred.resolve(text, keyOrMessage);
    }

    /**
     * What to tell the user about {@code failure} in this language: the message of a {@link classlab.core.Localized}
     * failure (also one wrapped without text of its own), else the failure's own text.
     */
    public String describe(Throwable failure) {
        return resolve(this, classlab.core.Localized.of(failure));
    }

    /** The system locale's language if ClassLab has it, else English. */
    public static String defaultLanguage() {
        return Locale.getDefault().getLanguage().equals("ko") ? "ko" : "en";
    }
}
