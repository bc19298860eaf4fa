package classlab.core.figure;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A chart as data, free of any UI toolkit. Lesson models fill figures from the training thread;
 * the UI (and the command line's PNG export) polls {@link #version()} at a fixed rate and redraws
 * only figures whose version moved, which coalesces updates without per-point callbacks.
 *
 * <p>Titles and axis labels are message keys looked up in the lesson's string bundle
 * ({@code lessons/<id>/strings_<lang>.properties}); a key that is missing is shown as is.
 */
public abstract class Figure {
    private final String id;
    private final String titleKey;
    private final AtomicLong version = new AtomicLong();

    protected Figure(String id, String titleKey) {
        this.id = id;
        this.titleKey = titleKey;
    }

    /** Stable identifier, also the file name of exported PNG/CSV ({@code id.png}). */
    public String id() { return id; }

    public String titleKey() { return titleKey; }

    /** Increases on every change; readers compare it with the last version they drew. */
    public long version() { return version.get(); }

    protected void changed() { version.incrementAndGet(); }

    /** Removes all data (for Reset or a new run), keeping the figure's configuration. */
    public abstract void clear();

    /** The figure's data as CSV with a header line, for export. */
    public abstract String toCsv();

    static String csvCell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
