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

/**
 * A problem the user can fix (a setting, a data folder, a learning rate), told in the user's
 * terms: the message is a key of {@code /lessons/common_<lang>.properties} with arguments, so the
 * pane shows it in its language ({@link #deferred()}, resolved by {@code LessonStrings.resolve})
 * and the command line in English ({@link #getMessage()}). Each pattern says what was set or
 * found, what was expected and what to do.
 *
 * <p>Arguments are turned into text at construction: whole numbers without grouping, other
 * numbers in plain decimal notation.
 */
public class UserException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final String ENGLISH = "/lessons/common_en.properties";
    private static volatile Properties english;

    private final String param;
    private final String key;
    private final List<String> args;

    /**
     * @param param the parameter the user should change (as typed in {@code --set} and shown in the
     *              form's tooltip), or null when the problem is not one setting's
     * @param key   message key in the common strings
     * @param args  the pattern's arguments {0}, {1}, ...
     */
    public UserException(String param, String key, Object... args) {
        this.param = param;
        this.key = key;
        List<String> text = new ArrayList<>();
        for (Object a : args) text.add(argument(a));
        this.args = List.copyOf(text);
    }

    /** The parameter to change, or null. */
    public String param() { return param; }

    public String key() { return key; }

    public List<String> args() { return args; }

    /** {@code key|arg|arg...}: the deferred message that {@code LessonStrings.resolve} localises. */
    public String deferred() {
        return message(key, args.toArray());
    }

    /**
     * A deferred message {@code key|arg|arg...} with the arguments formatted as in an exception
     * (for notes that are not errors, such as an undefined metric).
     */
    public static String message(String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) sb.append('|').append(argument(a).replace('|', '/'));
        return sb.toString();
    }

    /** The English text (command line, logs, {@code summary.json}). */
    @Override
    public String getMessage() {
        Properties en = englishStrings();
        Object[] shown = args.stream().map(a -> en.getProperty(a, a)).toArray();
        return new MessageFormat(en.getProperty(key, key), Locale.ROOT).format(shown);
    }

    private static Properties englishStrings() {
        Properties p = english;
        if (p != null) return p;
        p = new Properties();
        try (InputStream in = UserException.class.getResourceAsStream(ENGLISH)) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ENGLISH, e);
        }
        english = p;
        return p;
    }

    private static String argument(Object a) {
        if (a instanceof Integer || a instanceof Long) return a.toString();
        if (a instanceof Double || a instanceof Float) {
            double d = ((Number) a).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            if (!Double.isFinite(d)) return Double.toString(d);
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(a);
    }
}
