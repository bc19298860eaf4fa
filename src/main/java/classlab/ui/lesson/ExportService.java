package classlab.ui.lesson;

import classlab.core.data.Destinations;
import classlab.core.data.FileAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes exports (PNG encoding, CSV, GIF) on one background thread, never on the FX thread, into a
 * new timestamped folder per export so nothing is overwritten. The shell owns one instance and
 * {@link #close closes} it on exit, letting queued files finish.
 */
public final class ExportService implements AutoCloseable {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private final Path root;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classlab-export");
        t.setDaemon(true);
        return t;
    });

    /** A file to write; runs on the export thread. */
    @FunctionalInterface
    public interface FileWrite { Path write() throws Exception; }

    /**
     * What one export produced: the folder, the files written and the failures (each a deferred message
     * of a {@link classlab.core.Localized} failure, else the exception's own text; {@code LessonStrings.resolve}
     * words them).
     */
    public record Outcome(Path folder, List<Path> written, List<String> failures) {}

    /** @param root the export root ({@code ~/ClassLab/exports} unless configured) */
    public ExportService(Path root) { this.root = root; }

    /**
     * A folder that does not exist yet: {@code root/<lesson>/<yyyy-MM-dd_HH-mm-ss>}, with a
     * {@code -2}, {@code -3}... suffix when two exports fall in the same second.
     */
    public Path newFolder(String lessonId, LocalDateTime when) {
        Path base = root.resolve(lessonId).resolve(FOLDER.format(when));
        Path dir = base;
        for (int i = 2; Files.exists(dir); i++) dir = base.resolveSibling(base.getFileName() + "-" + i);
        return dir;
    }

    /** Runs the writes in order on the export thread; one failing write does not stop the others. */
    public CompletableFuture<Outcome> submit(Path folder, List<FileWrite> writes) {
        return CompletableFuture.supplyAsync(() -> {
            List<Path> written = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            try {
                Destinations.requireWritableFolder(folder, FileAccessException.Attempt.EXPORTS);
            } catch (FileAccessException e) {
                failures.add(e.deferredMessage());
                return new Outcome(folder, written, failures);
            }
            for (FileWrite w : writes) {
                try {
                    written.add(w.write());
                } catch (Exception e) {
                    failures.add(classlab.core.Localized.of(e));  // PaneExport words it in the pane's language
                }
            }
            return new Outcome(folder, written, failures);
        }, worker);
    }

    /** Lets queued exports finish (up to 10 s) and ends the thread. Call off the FX thread. */
    @Override public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
