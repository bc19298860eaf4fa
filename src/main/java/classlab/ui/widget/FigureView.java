package classlab.ui.widget;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.LessonStrings;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * JavaFX view of one {@link Figure}. The UI polls {@link #refreshIfChanged()} at a fixed rate on the
 * FX thread; a view redraws only when the figure's version moved since it last drew. The title is
 * shown above the chart. All texts (title, axis labels, series and column names) are message keys
 * resolved by the text function given at creation; unknown keys are shown verbatim.
 *
 * <p>Chart-based views are styled by {@code /styles/charts.css} through the theme style class on
 * the scene root; Canvas-based views use the {@link ChartTheme} set with {@link #setTheme}.
 *
 * <p>Views of {@link Figure#isSelectable() selectable} figures (grids, image grids) report a click on
 * a cell or image to the handler set with {@link #setOnSelect}, on the FX thread; the handler must
 * hand the work to a background thread (the lesson pane calls {@code LessonSession.select}).
 */
public abstract class FigureView extends BorderPane {
    private final Figure figure;
    private final Function<String, String> text;
    private final Label title = new Label();
    private long drawnVersion = Long.MIN_VALUE;
    private ChartTheme theme = ChartTheme.LIGHT;
    private Consumer<FigureSelection> onSelect;

    protected FigureView(Figure figure, Function<String, String> text) {
        this.figure = Objects.requireNonNull(figure, "figure");
        this.text = Objects.requireNonNull(text, "text resolver");
        getStyleClass().add("figure-view");
        title.getStyleClass().add("figure-title");
        title.setMaxWidth(Double.MAX_VALUE);
        // A long title (the dropout mask's, at projector sizes) wraps onto a second line instead of ending in "…".
        title.setWrapText(true);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setAlignment(Pos.CENTER);
        BorderPane.setAlignment(title, Pos.CENTER);
        setTop(title);
    }

    /** Builds the view matching the figure's type. */
    public static FigureView create(Figure f, Function<String, String> text) {
        Objects.requireNonNull(f, "figure");
        if (f instanceof LineFigure) return new LineFigureView((LineFigure) f, text);
        if (f instanceof BarFigure b) return b.panelColumns() > 0 ? new BarPanelsView(b, text) : new BarFigureView(b, text);
        if (f instanceof HistogramFigure) return new HistogramView((HistogramFigure) f, text);
        if (f instanceof GridFigure) return new GridFigureView((GridFigure) f, text);
        if (f instanceof ImageGridFigure) return new ImageGridView((ImageGridFigure) f, text);
        if (f instanceof ResultTable) return new ResultTableView((ResultTable) f, text);
        throw new IllegalArgumentException("no view for figure type " + f.getClass().getName() + " (figure " + f.id() + ")");
    }

    public Figure figure() { return figure; }

    /**
     * Receives the user's clicks on cells or images while the figure {@link Figure#isSelectable() is
     * selectable} (FX thread; null removes the handler). Views of other figure types never call it.
     */
    public void setOnSelect(Consumer<FigureSelection> handler) { this.onSelect = handler; }

    /** Passes a click to the {@link #setOnSelect} handler if the figure is selectable; returns whether it did. */
    protected boolean fireSelect(FigureSelection selection) {
        if (!figure.isSelectable() || onSelect == null) return false;
        onSelect.accept(selection);
        return true;
    }

    /**
     * Redraws if the figure changed since the last drawing (FX thread).
     * @return whether it redrew
     */
    public boolean refreshIfChanged() {
        // Read the version before the data: a change during redraw leaves the version ahead,
        // so the next poll draws again and nothing is lost.
        long v = figure.version();
        if (v == drawnVersion) return false;
        drawnVersion = v;
        drawnAt = System.nanoTime();
        if (!figure.titleKey().equals(titleShown)) showTitle();
        redraw();
        relayIfStuck();
        return true;
    }

    /**
     * Passes this view's pending layout on to the scene if JavaFX 21 left it marked but unannounced
     * (FX thread, outside a layout pass). A node that a parent moves inside that parent's own layout
     * (a legend item as the legend gains an item) forces the parent to ask this view for a layout
     * while the pass is past it; the view stays marked, the scene's root does not. Later requests
     * from inside it, which the charts' content makes as a layout root (a curve's new points), stop at
     * a parent already marked: the curves added after the legend changed were never drawn, on screen
     * or in an exported PNG, until something else laid the window out (trial 5, items 9 and 19).
     * Asking again from outside a layout pass marks the parents up to the root; in a consistent state
     * they are already marked and nothing more is laid out.
     */
    private void relayIfStuck() {
        if (isNeedsLayout()) requestLayout();
    }

    /** {@link System#nanoTime()} of the last redraw ({@code Long.MIN_VALUE} before the first), to pace redraws while training. */
    public long drawnAt() { return drawnAt; }

    private long drawnAt = Long.MIN_VALUE;

    /** Whether the view shows the figure's latest data (no side effect, unlike {@link #refreshIfChanged()}). */
    public boolean isUpToDate() { return figure.version() == drawnVersion; }

    /** Re-resolves every displayed text after a language change. */
    public void relabel() {
        showTitle();
        applyLabels();
    }

    /** The title key or message shown ({@link Figure#retitle} may change the figure's). */
    private String titleShown;

    private void showTitle() {
        titleShown = figure.titleKey();
        title.setText(t(titleShown));
    }

    public ChartTheme theme() { return theme; }

    /** Message key of the hint an empty chart shows: "press Run", "press Continue" while a run is paused, "the run failed" after a failure. */
    private String emptyHintKey = EMPTY_HINT;
    /** The hint's message key before a run and after it: press Run (F5). */
    public static final String EMPTY_HINT = "figure.empty";
    /** The hint's message key while a run is paused (the Run button reads Continue). */
    public static final String EMPTY_HINT_PAUSED = "figure.empty.paused";
    /** The hint's message key after a run failed (diverged, data unreadable): the pane's message says what to change. */
    public static final String EMPTY_HINT_FAILED = "figure.empty.failed";
    /** The hint's message key while a run trains: the chart fills when its part of the run gets data. */
    public static final String EMPTY_HINT_RUNNING = "figure.empty.running";

    /**
     * Chooses the empty chart's hint ({@link #EMPTY_HINT}, {@link #EMPTY_HINT_PAUSED} or
     * {@link #EMPTY_HINT_FAILED}) so it names the button as the run bar shows it, or says the run failed; FX thread.
     */
    public void setEmptyHint(String key) {
        if (Objects.requireNonNull(key, "key").equals(emptyHintKey)) return;
        emptyHintKey = key;
        applyEmptyHint();
    }

    /**
     * Shows the hint {@link #setEmptyHint} chose. By default every text is applied again
     * ({@link #applyLabels}); views whose hint is one text, or shows only while they are empty,
     * override this. Every state change of a run (Run, Pause, the end) reaches every view of the
     * lesson, and labelling them all again cost the run's first frame: bar charts were redrawn and
     * each table got a new placeholder node, which below the viewport made Prism repaint the whole
     * window (pulse logger on {@code snapshot pattern}).
     */
    protected void applyEmptyHint() { applyLabels(); }

    /** The localised empty-chart hint ({@link #setEmptyHint}). */
    protected String emptyHintText() { return t(emptyHintKey); }

    /** Sets the colours of Canvas-drawn parts and redraws them. */
    public void setTheme(ChartTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
        onThemeChanged();
    }

    /** Draws the figure's current data. */
    protected abstract void redraw();

    /** Applies localised axis labels, legends and headers (the title is handled here). */
    protected abstract void applyLabels();

    /** Called after {@link #setTheme}; Canvas views redraw, CSS-styled views may ignore it. */
    protected void onThemeChanged() { }

    /**
     * Localised text for a message key or a deferred message ({@link LessonStrings#message});
     * null gives "", unknown keys are returned verbatim.
     */
    protected String t(String key) {
        if (key == null) return "";
        return LessonStrings.resolve(k -> {
            try {
                return text.apply(k);
            } catch (MissingResourceException e) {
                return k;
            }
        }, key);
    }

    /** Must be called at the end of subclass constructors, once their nodes exist. */
    protected final void initialDraw() {
        relabel();
        refreshIfChanged();
    }
}
