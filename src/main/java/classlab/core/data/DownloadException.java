package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.IOException;

/**
 * A download reached the server but did not produce a verified file: HTTP error status, connection
 * dropped mid-file (the {@code .part} file is kept so the next attempt resumes), or checksum mismatch
 * (the {@code .part} file is deleted). Servers that cannot be reached at all give a
 * {@link DatasetUnavailableException} instead. The message is a deferred one
 * ({@link #deferredMessage()}, keys in {@code lessons/common_<lang>.properties}); {@link #getMessage()}
 * is its English text.
 */
public class DownloadException extends IOException implements Localized {
    private final String message;

    /**
     * @param cause   the failure behind it, or null
     * @param message a deferred message ({@link Deferred#of}, {@link Deferred#lines})
     */
    public DownloadException(Throwable cause, String message) {
        super(null, cause);
        this.message = message;
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
