package classlab.core.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Curves against a numeric x axis (epochs, iterations, false-positive rate...). Series are
 * created on first use and can be appended to from any thread. Also used for scatter plots
 * ({@link Style#SCATTER}) and for charts with a second y axis (series with {@code rightAxis}).
 *
 * <p>Optimizer paths over a loss surface: give the figure a {@link #background(ScalarField)} (contour
 * lines and/or heat map drawn under the series) and {@link #equalAspect(boolean) equal aspect}, so
 * that one unit of x is as long on screen as one unit of y and circles look like circles.
 */
public final class LineFigure extends Figure {
    public enum Style { LINE, SCATTER }

    /** A vertical marker such as "best epoch", drawn as a dashed line with a label. */
    public record Marker(String labelKey, double x) {}

    /** A horizontal reference line such as "macro AUC". */
    public record Level(String labelKey, double y) {}

    private final String xLabelKey;
    private final String yLabelKey;
    private String rightLabelKey;
    private Style style = Style.LINE;
    private boolean logY;
    private boolean logRightY;
    private boolean diagonal;
    private boolean equalAspect;
    private boolean clipToRange;
    private ScalarField background;
    private Double yMin, yMax, xMin, xMax;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    /** Colour slot per series name; kept by clear() and removeSeries. */
    private final ColorSlots.OfFigure colorSlots = new ColorSlots.OfFigure();
    private List<Series> previous = List.of();
    /** The run number of each {@link #previous} curve. */
    private List<String> previousRuns = List.of();

    public LineFigure(String id, String titleKey, String xLabelKey, String yLabelKey) {
        super(id, titleKey);
        this.xLabelKey = xLabelKey;
        this.yLabelKey = yLabelKey;
    }

    public String xLabelKey() { return xLabelKey; }
    public String yLabelKey() { return yLabelKey; }
    public synchronized String rightLabelKey() { return rightLabelKey; }
    public synchronized Style style() { return style; }
    public synchronized boolean logY() { return logY; }
    public synchronized boolean logRightY() { return logRightY; }
    /** Whether the chance line y = x is drawn (ROC curves). */
    public synchronized boolean diagonal() { return diagonal; }
    public synchronized Double yMin() { return yMin; }
    public synchronized Double yMax() { return yMax; }
    public synchronized Double xMin() { return xMin; }
    public synchronized Double xMax() { return xMax; }
    /** Whether x and y have the same scale on screen (matplotlib's {@code ax.set_aspect('equal')}). */
    public synchronized boolean equalAspect() { return equalAspect; }
    /** The field drawn under the series, or null. */
    public synchronized ScalarField background() { return background; }
    /** Whether the set x and y ranges hold even where a series leaves them ({@link #clipToRange(boolean)}). */
    public synchronized boolean clipToRange() { return clipToRange; }

    public LineFigure style(Style s) { synchronized (this) { style = s; } changed(); return this; }
    public LineFigure logY(boolean on) { synchronized (this) { logY = on; } changed(); return this; }
    public LineFigure diagonal(boolean on) { synchronized (this) { diagonal = on; } changed(); return this; }
    /** Declares a right-hand y axis, used by series created with {@link #rightSeries}. */
    public LineFigure rightAxis(String labelKey, boolean log) {
        synchronized (this) { rightLabelKey = labelKey; logRightY = log; }
        changed();
        return this;
    }
    /**
     * Same scale on both axes: the view widens the x or the y range (around its centre) until one data
     * unit has the same length in pixels on both. Ignored with a log y axis or a right axis.
     */
    public LineFigure equalAspect(boolean on) { synchronized (this) { equalAspect = on; } changed(); return this; }
    /**
     * Draws {@code field} under the series (null removes it). Without {@link #xRange}/{@link #yRange}
     * the axes span the field's grid and the series. Kept by {@link #clear()} (configuration, like the
     * ranges); not part of {@link #toCsv()}.
     */
    public LineFigure background(ScalarField field) { synchronized (this) { background = field; } changed(); return this; }
    /** A tile of its own ({@link Figure#isLarge}): for paths read from across a classroom (the optimizer race). */
    public LineFigure large(boolean on) { setLarge(on); return this; }
    /**
     * Keeps the {@link #xRange} and {@link #yRange} set even where a series leaves them: its line ends
     * at the frame. Without it the axes widen to show every point, which for the optimizer race meant
     * a diverging SGD (up to 1e6 before it is called diverged) shrank the other paths to a dot.
     */
    public LineFigure clipToRange(boolean on) { synchronized (this) { clipToRange = on; } changed(); return this; }
    public LineFigure yRange(Double min, Double max) { synchronized (this) { yMin = min; yMax = max; } changed(); return this; }
    public LineFigure xRange(Double min, Double max) { synchronized (this) { xMin = min; xMax = max; } changed(); return this; }

    /** The series with this name on the left axis, created empty if absent. */
    public Series series(String name) { return series(name, false); }

    /**
     * The series with this name on the left axis, created empty if absent, in the colour of the series
     * name {@code colorOf} whether or not that series exists: for a curve whose legend text changes from
     * epoch to epoch while it stays the same thing ("0 (AUC=0.998)", then "0 (AUC=0.999)" for class 0),
     * so it keeps one colour instead of taking a new slot under every new text.
     */
    public Series series(String name, String colorOf) {
        synchronized (this) {
            if (!series.containsKey(name)) colorSlots.alias(name, colorOf);
        }
        return series(name, false);
    }

    /** The series with this name on the right axis, created empty if absent. */
    public Series rightSeries(String name) { return series(name, true); }

    private Series series(String name, boolean right) {
        Series s;
        synchronized (this) {
            s = series.get(name);
            if (s != null) return s;
            s = new Series(name, right, this::changed);
            series.put(name, s);
            colorSlot(name);
        }
        changed();
        return s;
    }

    public synchronized List<Series> allSeries() { return new ArrayList<>(series.values()); }

    /**
     * The colour slot (0, 1, 2...; views take it modulo their palette) of a series name: the slot the
     * name has in the lesson's other figures ({@link #shareColors}) when free here, else the lowest
     * free one. It survives {@link #clear()} and {@link #removeSeries},
     * so a configuration that is run again keeps its colour and earlier runs' curves share it.
     */
    public int colorSlot(String name) { return colorSlots.of(name); }

    /**
     * Colours series names as the other figures sharing {@code slots} do (a lesson's figures share
     * one, {@code LessonModel}): a name coloured elsewhere takes that slot here when no other series
     * of this figure holds it; otherwise the lowest free one. Configuration: call before series exist.
     */
    public LineFigure shareColors(ColorSlots slots) {
        colorSlots.share(slots);
        return this;
    }

    /**
     * Colours every series as the figures sharing {@code slots} colour the same name, even where
     * another series of this figure has that colour: for a figure whose curves follow one another on
     * the x axis (the live loss of the networks one run trains in turn), so each curve has its
     * configuration's colour. A renamed series takes its new name's colour. Names no other figure
     * has take the lowest slot free here. Configuration: call before series exist.
     */
    public LineFigure followColors(ColorSlots slots) {
        colorSlots.follow(slots);
        return this;
    }

    /**
     * Colours every series as {@code source} colours the same name (its slots so far, then its lesson's):
     * for a copy of a figure drawn elsewhere (the frames of a GIF), so a configuration has the colour it
     * has on the screen and in the PNG. Configuration: call before series exist.
     */
    public LineFigure colorsAs(LineFigure source) {
        colorSlots.copyFrom(source.colorSlots);
        return this;
    }

    /**
     * A curve of an earlier run, drawn faded under the live series (run history).
     *
     * @param label  legend text: a message key or deferred message (unique within the figure)
     * @param colorOf the live series name whose colour it takes (the same configuration)
     * @param x      x values; {@code y} has the same length
     * @param run    the earlier run's name as the run history gives it, {@code #2} or a deferred message for a run
     *               from a file (the {@code run} column of {@link #toCsv()})
     */
    public record Previous(String label, String colorOf, boolean rightAxis, double[] x, double[] y, String run) {}

    /**
     * Replaces the earlier runs' curves. They are kept apart from the live series: {@link #clear()},
     * {@link #removeSeries} and {@link #toCsv()} (the current run's data) do not touch them.
     */
    public void setPrevious(List<Previous> curves) {
        List<Series> list = new ArrayList<>();
        for (Previous p : curves) {
            Series s = new Series(p.label(), p.rightAxis(), () -> {}, p.colorOf());
            s.set(p.x(), p.y());
            list.add(s);
        }
        synchronized (this) {
            previous = List.copyOf(list);
            previousRuns = curves.stream().map(Previous::run).toList();
            for (Previous p : curves) colorSlot(p.colorOf());
        }
        changed();
    }

    /** The earlier runs' curves set by {@link #setPrevious}, in order; each {@link Series#previous()}. */
    public synchronized List<Series> previousSeries() { return previous; }

    /** The earlier runs' curves as {@link #setPrevious} took them, in order (to copy them to another figure). */
    public synchronized List<Previous> previousCurves() {
        List<Previous> curves = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            Series s = previous.get(i);
            double[][] xy = s.snapshot();
            curves.add(new Previous(s.name(), s.colorKey(), s.rightAxis(), xy[0], xy[1], previousRuns.get(i)));
        }
        return curves;
    }

    public void addMarker(String labelKey, double x) { synchronized (this) { markers.add(new Marker(labelKey, x)); } changed(); }
    public void addLevel(String labelKey, double y) { synchronized (this) { levels.add(new Level(labelKey, y)); } changed(); }
    public synchronized List<Marker> markers() { return new ArrayList<>(markers); }
    public synchronized List<Level> levels() { return new ArrayList<>(levels); }

    /** Removes one series (for example when an experiment is re-run). */
    /**
     * Gives the series {@code from} the name {@code to}, with its points and its colour (for a curve
     * whose proper name becomes known after it started). Nothing happens if {@code from} is absent
     * or {@code to} exists.
     */
    public void renameSeries(String from, String to) {
        synchronized (this) {
            Series s = series.get(from);
            if (s == null || series.containsKey(to)) return;
            Series renamed = new Series(to, s.rightAxis(), this::changed);
            double[][] points = s.snapshot();
            renamed.set(points[0], points[1]);
            series.remove(from);
            series.put(to, renamed);
            colorSlots.alias(to, from);
        }
        changed();
    }

    public void removeSeries(String name) { synchronized (this) { series.remove(name); } changed(); }

    /** Whether any series has a point; a {@link #background} alone does not count as data. */
    @Override public boolean hasData() {
        for (Series s : allSeries()) if (s.size() > 0) return true;
        return false;
    }

    /** Title, axis labels, series and earlier-run labels that are keys or deferred messages, marker and level labels. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        keys.add(xLabelKey);
        keys.add(yLabelKey);
        if (rightLabelKey != null) keys.add(rightLabelKey);
        series.keySet().forEach(n -> addLabelKeys(keys, n));
        previous.forEach(p -> addLabelKeys(keys, p.name()));
        markers.forEach(m -> keys.add(m.labelKey()));
        levels.forEach(l -> keys.add(l.labelKey()));
        return keys;
    }

    @Override public void clear() {
        synchronized (this) { series.clear(); markers.clear(); levels.clear(); }
        changed();
    }

    /**
     * {@code series,x,y}, one row per point of the current run. While earlier runs are drawn faded
     * ({@link #setPrevious}), their points follow and a fourth column {@code run} names the run of each
     * row: {@code csv.run.current} for the current run, {@link Previous#run} for an earlier one, so the CSV holds what the
     * figure shows.
     */
    @Override public String toCsv() {
        List<Series> earlier;
        List<String> runs;
        synchronized (this) {
            earlier = previous;
            runs = previousRuns;
        }
        boolean withRuns = !earlier.isEmpty();
        StringBuilder sb = new StringBuilder(withRuns ? "series,x,y,run\n" : "series,x,y\n");
        for (Series s : allSeries()) csvRows(sb, s, withRuns ? ",csv.run.current" : "");
        for (int k = 0; k < earlier.size(); k++) csvRows(sb, earlier.get(k), "," + csvCell(runs.get(k)));
        return sb.toString();
    }

    private static void csvRows(StringBuilder sb, Series s, String suffix) {
        double[][] xy = s.snapshot();
        for (int i = 0; i < xy[0].length; i++) {
            sb.append(csvCell(s.name())).append(',').append(xy[0][i]).append(',').append(xy[1][i]).append(suffix).append('\n');
        }
    }

    /** A growable list of (x, y) points; optional per-point text (for example ROC thresholds). */
    public static final class Series {
        private final String name;
        private final boolean rightAxis;
        private final Runnable onChange;
        private final String colorOf;
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private String[] notes;
        private int size;

        Series(String name, boolean rightAxis, Runnable onChange) {
            this(name, rightAxis, onChange, null);
        }

        private Series(String name, boolean rightAxis, Runnable onChange, String colorOf) {
            this.name = name;
            this.rightAxis = rightAxis;
            this.onChange = onChange;
            this.colorOf = colorOf;
        }

        public String name() { return name; }
        public boolean rightAxis() { return rightAxis; }
        /** Whether this is an earlier run's curve ({@link LineFigure#setPrevious}), drawn faded. */
        public boolean previous() { return colorOf != null; }
        /** The series name whose {@link LineFigure#colorSlot colour} this series takes: its own, or the live one it repeats. */
        public String colorKey() { return colorOf == null ? name : colorOf; }

        public void add(double x, double y) { add(x, y, null); }

        public void add(double x, double y, String note) {
            synchronized (this) {
                if (size == xs.length) {
                    xs = java.util.Arrays.copyOf(xs, size * 2);
                    ys = java.util.Arrays.copyOf(ys, size * 2);
                    if (notes != null) notes = java.util.Arrays.copyOf(notes, size * 2);
                }
                if (note != null && notes == null) notes = new String[xs.length];
                xs[size] = x;
                ys[size] = y;
                if (notes != null) notes[size] = note;
                size++;
            }
            onChange.run();
        }

        /** Replaces all points at once (a redrawn demo curve). */
        public void set(double[] x, double[] y) {
            synchronized (this) {
                xs = x.clone();
                ys = y.clone();
                notes = null;
                size = x.length;
            }
            onChange.run();
        }

        public synchronized int size() { return size; }

        /** Copy of the points: {@code [0]} = x values, {@code [1]} = y values. */
        public synchronized double[][] snapshot() {
            return new double[][] {java.util.Arrays.copyOf(xs, size), java.util.Arrays.copyOf(ys, size)};
        }

        /** Per-point notes (null entries where none), or null if the series has none. */
        public synchronized String[] notes() { return notes == null ? null : java.util.Arrays.copyOf(notes, size); }

        public synchronized double lastY() { return size == 0 ? Double.NaN : ys[size - 1]; }
    }
}
