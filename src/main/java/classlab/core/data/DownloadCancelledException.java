package classlab.core.data;

import classlab.core.Deferred;
import java.nio.file.Path;

/**
 * The download was cancelled ({@link Downloader#cancel()} or thread interrupt). The {@code .part}
 * file is kept so that a later download resumes where this one stopped.
 */
public class DownloadCancelledException extends DownloadException {
    /** @param part the partial file that is kept */
    public DownloadCancelledException(Path part) {
        super(null, Deferred.of("data.download.cancelled", part));
    }
}
