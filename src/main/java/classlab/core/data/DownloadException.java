package classlab.core.data;

import java.io.IOException;

/**
 * A download reached the server but did not produce a verified file: HTTP error status, connection
 * dropped mid-file (the {@code .part} file is kept so the next attempt resumes), or checksum mismatch
 * (the {@code .part} file is deleted). Servers that cannot be reached at all give a
 * {@link DatasetUnavailableException} instead.
 */
public class DownloadException extends IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
