package classlab.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Deferred messages: what a {@link Localized} failure (or a note) carries instead of text, so that each
 * place that shows it words it in its own language from {@code /lessons/common_<lang>.properties}.
 *
 * <p>The form, built only by {@link #of} and {@link #lines}:
 * <ul>
 *   <li>a message is {@code key|arg|arg...}: the key's {@link MessageFormat} pattern filled with the
 *       arguments; an argument that is itself a key is translated too;</li>
 *   <li>an argument may be a whole deferred text (a {@link Localized} passed to {@link #of}), enclosed
 *       in the control characters U+0002 and U+0003, so that a reason keeps its own key and arguments
 *       (a download failure inside "MNIST is not available", a damaged file inside "replace it");</li>
 *   <li>a text may hold several messages separated by U+001E ({@link #lines}), shown one per line.</li>
 * </ul>
 * Text that is not of this form (no known key before the first {@code |}) is shown unchanged.
 */
public final class Deferred {
    /** Separates the key and the arguments of a message. */
    public static final char SEPARATOR = '|';
    private static final char OPEN = '\u0002';
    private static final char CLOSE = '\u0003';
    private static final char NEXT = '\u001E';
    private static final String ENGLISH = "/lessons/common_en.properties";
    private static volatile Properties english;

    private Deferred() {}

    /**
     * The message {@code key} with {@code args}: a {@link Localized} argument is kept as its own deferred
     * text; whole numbers below 1e15 are written without grouping, other numbers in plain decimal notation
     * (below 1e-4 and from 1e7 on as typed in a setting: 1e-6, 1e20), and
     * anything else as {@link String#valueOf} with {@code |} shown as {@code ¦}.
     */
    public static String of(String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) sb.append(SEPARATOR).append(argument(a));
        return sb.toString();
    }

    /** Several deferred texts shown one below the other (a headline, its details, what to do). */
    public static String lines(List<String> deferred) {
        return String.join(String.valueOf(NEXT), deferred);
    }

    /**
     * One argument as {@link #of} writes it into a message: a {@link Localized} as its enclosed deferred
     * text, a number as described there, anything else as plain text.
     */
    public static String argument(Object a) {
        if (a instanceof Localized l) return OPEN + l.deferredMessage() + CLOSE;
        if (a instanceof Integer || a instanceof Long) return a.toString();
        if (a instanceof Double || a instanceof Float) {
            double d = ((Number) a).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            if (!Double.isFinite(d)) return Double.toString(d);
            BigDecimal exact = BigDecimal.valueOf(d).stripTrailingZeros();
            // The way such values are typed in --set and the form: 1e-6 and 1e20, not 0.000001 and 1 followed by 20 zeros.
            double magnitude = Math.abs(d);
            if (magnitude >= 1e7 || magnitude < 1e-4) return Double.toString(d).replace(".0E", "E").replace('E', 'e');
            return exact.toPlainString();
        }
        return plain(String.valueOf(a)).replace(SEPARATOR, '¦');
    }

    /**
     * The text of a deferred message (or of several, one per line) in the language of {@code text}
     * (key to pattern; a key it does not know maps to itself or to null). Other text is returned as it is.
     */
    public static String resolve(Function<String, String> text, String deferred) {
        if (deferred == null) return "";
        List<String> messages = split(deferred, NEXT);
        List<String> shown = new ArrayList<>();
        for (String m : messages) shown.add(resolveOne(text, m));
        return String.join("\n", shown);
    }

    /** The English text (command line, logs, {@code summary.json}, {@code getMessage()} of a {@link Localized}). */
    public static String english(String deferred) {
        Properties en = englishStrings();
        return resolve(k -> en.getProperty(k, k), deferred);
    }

    private static String resolveOne(Function<String, String> text, String message) {
        List<String> parts = split(message, SEPARATOR);
        String key = parts.get(0);
        String pattern = parts.size() > 1 && !key.isEmpty() ? text.apply(key) : null;
        if (pattern == null || pattern.equals(key)) return plain(orSelf(text, message));
        Object[] args = new Object[parts.size() - 1];
        for (int i = 1; i < parts.size(); i++) {
            String a = parts.get(i);
            boolean nested = a.length() >= 2 && a.charAt(0) == OPEN && a.charAt(a.length() - 1) == CLOSE;
            args[i - 1] = nested ? resolve(text, a.substring(1, a.length() - 1)) : orSelf(text, a);
        }
        return KoreanParticles.resolve(new MessageFormat(pattern, Locale.ROOT).format(args));
    }

    /** {@code s} cut at each {@code separator} outside enclosed texts. */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == OPEN) depth++;
            else if (c == CLOSE) depth = Math.max(0, depth - 1);
            else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String orSelf(Function<String, String> text, String key) {
        String s = text.apply(key);
        return s == null ? key : s;
    }

    /** Text without the control characters of the deferred form. */
    private static String plain(String s) {
        return s.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "").replace(NEXT, ' ');
    }

    private static Properties englishStrings() {
        Properties p = english;
        if (p != null) return p;
        p = new Properties();
        try (InputStream in = Deferred.class.getResourceAsStream(ENGLISH)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ENGLISH, e);
        }
        english = p;
        return p;
    }
}
