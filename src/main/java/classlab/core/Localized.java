package classlab.core;

/**
 * A failure whose message is a deferred message ({@link Deferred}): each place that shows it to the
 * user words it in the user's language with {@code LessonStrings.resolve} or
 * {@code LessonStrings.describe}; {@code getMessage()} of such an exception is the English text
 * ({@link Deferred#english}).
 */
@FunctionalInterface
public interface Localized {
    /** The message key and its arguments, as {@link Deferred#of} builds them. */
    String deferredMessage();

    /**
     * What to show for {@code failure}: the deferred message of the first {@link Localized} in its chain
     * of causes, skipping wrappers that add no text of their own (an {@code ExecutionException}, say),
     * else its own message (or its class name when it has none).
     */
    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Localized l) return l.deferredMessage();
            Throwable cause = t.getCause();
            boolean wrapper = cause != null && (t.getMessage() == null || t.getMessage().equals(cause.toString()));
            if (!wrapper) break;
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    /** {@link #of} {@code failure} as an argument of another message ({@link Deferred#of}). */
    static Localized reasonOf(Throwable failure) {
        String message = of(failure);
        return () -> message;
    }
}
