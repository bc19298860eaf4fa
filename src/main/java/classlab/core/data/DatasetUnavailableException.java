package classlab.core.data;

import java.io.IOException;

/**
 * A data set cannot be obtained: its files are missing and the download server cannot be reached
 * (offline, unknown host, connection refused, timeout) or the download failed. The message is meant
 * for the user: it says what happened and, where the caller knows it, where to put the files by hand.
 */
public class DatasetUnavailableException extends IOException {
    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
