package classlab.core.figure;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chart as data, free of any UI toolkit. Lesson models fill figures from the training thread;
 * the UI (and the command line's PNG export) polls {@link #version()} at a fixed rate and redraws
 * only figures whose version moved, which coalesces updates without per-point callbacks.
 *
 * <p>Titles and axis labels are message keys looked up in the lesson's string bundle
 * ({@code lessons/<id>/strings_<lang>.properties}); a key that is missing is shown as is. Labels
 * that carry data (series names, categories, captions, table cells) are message keys when they
 * start with one of {@link #KEY_PREFIXES}, or deferred messages
 * ({@code classlab.core.lesson.LessonStrings.message}); any other text is shown verbatim.
 *
 * <p>Each subclass answers {@link #hasData()} and {@link #messageKeys()} itself, so views, exports
 * and tests never need a chain of {@code instanceof} checks to ask those questions.
 */
public abstract class Figure {
    private final String id;
    private volatile String titleKey;
    private final AtomicLong version = new AtomicLong();

    protected Figure(String id, String titleKey) {
        this.id = id;
        this.titleKey = titleKey;
    }

    /** Stable identifier, also the file name of exported PNG/CSV ({@code id.png}). */
    public String id() { return id; }

    /** The title: a message key, or a deferred message whose arguments are the figure's data (a panel's batch size). */
    public String titleKey() { return titleKey; }

    /**
     * Replaces the title (any thread; views show it at their next refresh): for a figure whose
     * title names data the run chooses, such as the batch size a panel trains with.
     * @param keyOrMessage a message key or a deferred message ({@code LessonStrings.message})
     */
    public void retitle(String keyOrMessage) {
        titleKey = java.util.Objects.requireNonNull(keyOrMessage, "title");
        changed();
    }

    private volatile boolean large;

    /**
     * Asks for a tile of its own, as wide as the section and as tall as its viewport allows, instead
     * of one of the section's equal tiles: a figure read from across a classroom (a confusion matrix's
     * counts, the optimizer race's paths). Configuration: call before the figure is shown; subclasses
     * offer it as {@code large(boolean)}.
     */
    protected void setLarge(boolean on) { large = on; }

    /** Whether the figure asked for a tile of its own. */
    public boolean isLarge() { return large; }

    /** Increases on every change; readers compare it with the last version they drew. */
    public long version() { return version.get(); }

    protected void changed() { version.incrementAndGet(); }

    /**
     * Whether the figure holds anything to draw (points, bars, bins, cells, images or rows);
     * a freshly built or {@link #clear cleared} figure has none.
     */
    public abstract boolean hasData();

    /**
     * The message keys this figure currently shows and which the lesson bundle must define in every
     * language: the title, axis labels, and every data label that is a key (see {@link #KEY_PREFIXES})
     * or a deferred message (its key and its key arguments). Reflects the current data, so call it
     * after the figure was filled. Subclasses add theirs to {@code super.messageKeys()}.
     */
    public Set<String> messageKeys() {
        Set<String> keys = new TreeSet<>();
        String title = titleKey;
        int argumentsAt = title.indexOf('|');
        addLabelKeys(keys, title);   // a deferred title's arguments that are keys
        keys.add(argumentsAt >= 0 ? title.substring(0, argumentsAt) : title);
        return keys;
    }

    /**
     * Whether the user can click parts of this figure (cells, images) to ask the lesson for more:
     * the pane then calls {@code LessonModel.select(id(), FigureSelection)} off the FX thread and the
     * view shows a hand cursor and a hover outline. Default false; {@link GridFigure} and
     * {@link ImageGridFigure} can be made selectable.
     */
    public boolean isSelectable() { return false; }

    /** Removes all data (for Reset or a new run), keeping the figure's configuration. */
    public abstract void clear();

    /** The figure's data as CSV with a header line, for export. */
    public abstract String toCsv();

    /**
     * Prefixes that mark a data label (series name, bar category or group, caption, table cell) as a
     * message key of the lesson bundle rather than text to show verbatim.
     */
    public static final List<String> KEY_PREFIXES =
            List.of("series.", "category.", "cell.", "experiment.", "message.", "marker.", "caption.", "panel.", "error.", "note.");

    /** Whether {@code text} is a message key by the {@link #KEY_PREFIXES} convention. */
    public static boolean isMessageKey(String text) {
        if (text == null) return false;
        for (String p : KEY_PREFIXES) if (text.startsWith(p)) return true;
        return false;
    }

    /**
     * Adds the keys that a data label uses to {@code out}: the label itself if it is a key, or, for a
     * deferred message {@code key|arg|...}, its key and each argument that is a key. Separator as in
     * {@code LessonStrings.MESSAGE_SEPARATOR}.
     */
    protected static void addLabelKeys(Collection<String> out, String label) {
        if (label == null) return;
        for (String part : label.split("\\|", -1)) if (isMessageKey(part)) out.add(part);
    }

    static String csvCell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
