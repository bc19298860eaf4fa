package classlab.core.data;

/**
 * Download progress. Called on the downloading thread after every chunk written, so implementations
 * must be quick (a UI should only store the numbers and repaint on its own schedule).
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores all progress. */
    ProgressListener NONE = (fileName, bytesSoFar, totalBytes) -> { };

    /**
     * @param fileName   name of the file being downloaded (without the {@code .part} suffix)
     * @param bytesSoFar bytes of the file on disk so far, including a resumed prefix
     * @param totalBytes size of the whole file, or {@code -1} if the server did not say
     */
    void onProgress(String fileName, long bytesSoFar, long totalBytes);
}
