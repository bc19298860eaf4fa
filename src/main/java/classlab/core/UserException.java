package classlab.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A problem the user can fix (a setting, a data folder, a learning rate), told in the user's
 * terms: the message is a key of {@code /lessons/common_<lang>.properties} with arguments, so the
 * pane shows it in its language ({@link #deferredMessage()}, resolved by {@code LessonStrings.resolve})
 * and the command line in English ({@link #getMessage()}). Each pattern says what was set or
 * found, what was expected and what to do.
 *
 * <p>Arguments are turned into text at construction as {@link Deferred#of} does: whole numbers
 * without grouping, other numbers in plain decimal notation, a {@link Localized} as its own message.
 */
public class UserException extends IllegalArgumentException implements Localized {
    private static final long serialVersionUID = 1L;

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
        for (Object a : args) text.add(Deferred.argument(a));
        this.args = List.copyOf(text);
    }

    /** The parameter to change, or null. */
    public String param() { return param; }

    public String key() { return key; }

    public List<String> args() { return args; }

    /** {@code key|arg|arg...}: the deferred message that {@code LessonStrings.resolve} localises. */
    @Override
    public String deferredMessage() {
        return key + args.stream().map(a -> Deferred.SEPARATOR + a).reduce("", String::concat);
    }

    /**
     * A deferred message {@code key|arg|arg...} with the arguments formatted as in an exception
     * (for notes that are not errors, such as an undefined metric).
     */
    public static String message(String key, Object... args) {
        return Deferred.of(key, args);
    }

    /** The English text (command line, logs, {@code summary.json}). */
    @Override
    public String getMessage() {
        return Deferred.english(deferredMessage());
    }
}
