package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;

/**
 * A data file exists but its content is not what its format promises (wrong magic number,
 * truncated body, trailing bytes, inconsistent counts...). The message ({@link #deferredMessage()},
 * a key of {@code lessons/common_<lang>.properties} with arguments) names the file, says what was
 * found and what was expected; {@link MnistSource} and {@link CifarSource} add what to do.
 * {@link #getMessage()} is its English text.
 *
 * <p>Not to be confused with {@link java.util.zip.DataFormatException}.
 */
public class DataFormatException extends Exception implements Localized {
    private final String message;

    /** The message {@code key} with {@code args} (see {@link Deferred#of}). */
    public DataFormatException(String key, Object... args) {
        this(null, key, args);
    }

    /** As {@link #DataFormatException(String, Object...)}, caused by {@code cause}. */
    public DataFormatException(Throwable cause, String key, Object... args) {
        super(null, cause);
        this.message = Deferred.of(key, args);
    }

    @Override
    public String deferredMessage() {
        return message;
    }

    @Override
    public String getMessage() {
        return Deferred.english(message);
    }
}
