package classlab.core.data;

/**
 * The download was cancelled ({@link Downloader#cancel()} or thread interrupt). The {@code .part}
 * file is kept so that a later download resumes where this one stopped.
 */
public class DownloadCancelledException extends DownloadException {
    public DownloadCancelledException(String message) {
        super(message);
    }
}
