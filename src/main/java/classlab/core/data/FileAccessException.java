package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * A file operation the user asked for (directly or through a folder setting) failed, translated from
 * the operating system's error into what was attempted ({@link Attempt}), what the system said
 * ({@link Reason}) and what to do. {@link #getMessage()} is English; {@link #deferredMessage()} is
 * the message key (in {@code lessons/common_<lang>.properties}, {@code io.<reason>}) with its arguments: {0} the attempt key ({@code io.attempt.<attempt>}), {1} the
 * path, {2} the path in the way (a file where a folder is needed) or the system's own words.
 */
public final class FileAccessException extends IOException implements Localized {
    /** What ClassLab was doing; the key {@code io.attempt.<name>} words it for the user. */
    public enum Attempt { RESULTS, EXPORTS, DATA, READ_DATA }

    /** What the operating system said, in the categories a user can act on. */
    public enum Reason { PERMISSION_DENIED, NOT_A_DIRECTORY, IS_A_DIRECTORY, NO_SPACE, READ_ONLY, NO_SUCH_PLACE, OTHER }

    private final Attempt attempt;
    private final Reason reason;
    private final Path path;
    private final String detail;

    /**
     * @param detail for {@link Reason#NOT_A_DIRECTORY} the file that is in the way; for {@link Reason#OTHER}
     *               the system's message; otherwise ignored (may be null)
     */
    public FileAccessException(Attempt attempt, Reason reason, Path path, String detail, Throwable cause) {
        super(null, cause);
        this.attempt = attempt;
        this.reason = reason;
        this.path = path.toAbsolutePath();
        this.detail = detail == null ? "" : detail;
    }

    /**
     * Classifies {@code e}, thrown while {@code attempt} on {@code path}, by the exception type and the
     * system's reason text ({@code FileSystemException.getReason()}, e.g. "Permission denied", "Not a
     * directory", "No space left on device", "Read-only file system", "Is a directory").
     * Returns {@code e} itself when it is already a {@link FileAccessException}.
     */
    public static FileAccessException translate(IOException e, Attempt attempt, Path path) {
        if (e instanceof FileAccessException f) return f;
        String system = systemText(e);
        String lower = system.toLowerCase(Locale.ROOT);
        Reason reason;
        if (e instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("operation not permitted")) {
            reason = Reason.PERMISSION_DENIED;
        } else if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            reason = Reason.NOT_A_DIRECTORY;
        } else if (e instanceof DirectoryNotEmptyException || lower.contains("is a directory")) {
            reason = Reason.IS_A_DIRECTORY;
        } else if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            reason = Reason.NO_SPACE;
        } else if (lower.contains("read-only file system")) {
            reason = Reason.READ_ONLY;
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            // ENOENT, which Java reports with the path only: creating a folder where none can be (/proc/foo)
            reason = Reason.NO_SUCH_PLACE;
        } else {
            reason = Reason.OTHER;
        }
        Path where = e instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : path;
        String detail = reason == Reason.NOT_A_DIRECTORY ? firstFileOnTheWay(where).toString() : system;
        return new FileAccessException(attempt, reason, where, detail, e);
    }

    /** The same failure named by {@code folder} (the folder a write into it failed in) instead of the file tried. */
    FileAccessException in(Path folder) {
        return folder.equals(path) ? this : new FileAccessException(attempt, reason, folder, detail, getCause());
    }

    /** For an unchecked read-only file system (as thrown by zip file systems). */
    public static FileAccessException readOnly(ReadOnlyFileSystemException e, Attempt attempt, Path path) {
        return new FileAccessException(attempt, Reason.READ_ONLY, path, null, e);
    }

    /** The nearest existing ancestor of {@code path} (or {@code path} itself) that is not a folder. */
    static Path firstFileOnTheWay(Path path) {
        Path p = path.toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (java.nio.file.Files.exists(q) && !java.nio.file.Files.isDirectory(q)) return q;
        }
        return p;
    }

    public Attempt attempt() { return attempt; }

    public Reason reason() { return reason; }

    /** Absolute path the operation was about. */
    public Path path() { return path; }

    /** {@code io.<reason>} in lower case. */
    public String messageKey() { return "io." + reason.name().toLowerCase(Locale.ROOT); }

    /**
     * The message to localise when shown ({@link Deferred}):
     * {@code io.<reason>|io.attempt.<attempt>|path|detail}.
     */
    @Override
    public String deferredMessage() {
        return Deferred.of(messageKey(), "io.attempt." + attempt.name().toLowerCase(Locale.ROOT), path, detail);
    }

    /** The English text. */
    @Override
    public String getMessage() {
        return Deferred.english(deferredMessage());
    }

    private static String systemText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        }
        return e.getClass().getSimpleName();
    }
}
