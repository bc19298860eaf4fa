package classlab.core.data;

/**
 * A data file exists but its content is not what its format promises (wrong magic number,
 * truncated body, trailing bytes, inconsistent counts...). The message always names the file
 * and says what is wrong, so it can be shown to the user as is.
 *
 * <p>Not to be confused with {@link java.util.zip.DataFormatException}.
 */
public class DataFormatException extends Exception {
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
