package classlab.ui.widget;

import classlab.core.figure.LineFigure;
import classlab.core.figure.ScalarField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * View of a {@link LineFigure}: curves (or scatter points) on numeric axes, optional log y axes,
 * a second y axis on the right ({@link DualAxisOverlay}), dashed markers, level lines and the
 * chance diagonal. Clicking a legend item hides or shows its series; hovering near a point shows
 * x, y and the point's note ({@link HoverTooltip}).
 *
 * <p>Log axes plot log10 of the data on a linear axis whose ticks are labelled 10^k; points with
 * y &le; 0 are not drawn there. Long curves are drawn with the lowest and highest point of each
 * pixel column of the plot, others (parametric paths) thinned to at most {@link #MAX_POINTS}
 * points ({@link SeriesThinning}); ranges and ticks come from {@link AxisScale}.
 *
 * <p>A figure's {@link LineFigure#background() scalar field} is drawn under the series by a
 * {@link ScalarFieldLayer}; with {@link LineFigure#equalAspect() equal aspect} (linear axes, no right
 * axis) the x or y range is widened on each layout so one unit has the same length on both axes.
 */
public final class LineFigureView extends FigureView {
    /**
     * Most points drawn per series whose x is not monotone (strided, the last point always kept);
     * also the decimation's columns (half of it) before the plot's width is known.
     */
    public static final int MAX_POINTS = 2000;
    /**
     * Line series with at most this many points also get a dot per point: a run of one or two
     * epochs (the mini-batch variant) would otherwise draw nothing visible or a bare segment.
     */
    public static final int DOTTED_MAX_POINTS = 12;
    private static final int X_TICKS = 8;
    private static final int Y_TICKS = 6;
    /** Earlier runs' curves ({@link LineFigure#previousSeries}) are drawn this faded, their legend items less so. */
    static final double PREVIOUS_OPACITY = 0.35;
    private static final double PREVIOUS_LEGEND_OPACITY = 0.7;

    private final LineFigure fig;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final MarkedLineChart main = new MarkedLineChart(xAxis, yAxis);
    private DualAxisOverlay right;
    private final StackPane plots;
    private final HoverTooltip hover = new HoverTooltip();
    /** The legend, bounded so that many earlier runs' items do not crush the plot ({@link LegendArea}). */
    private final LegendArea legendArea = new LegendArea(this);
    private final FlowPane legend = legendArea.items();
    /**
     * Holds the legend's row while the figure has no series (before a run, or just cleared as one
     * starts), so the plot keeps its size when the first curves and their legend items arrive: a
     * plot that shrank then made the whole chart lay out and draw again in the run's first frame (and
     * the optimizer race trace its contours again), one of the slowest frames of short runs.
     */
    private final Label legendSpacer = new Label(" ");
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private boolean logY;
    private boolean logRightY;
    /** Axis ranges before the equal-aspect widening {xLow, xHigh, yLow, yHigh}, or null without equal aspect. */
    private double[] aspectBase;

    /** A figure series as drawn: its chart series, colour and the (thinned) points. */
    private static final class Entry {
        final XYChart.Series<Number, Number> fx = new XYChart.Series<>();
        final Label legendItem = new Label();
        final Region swatch = new Region();
        final boolean rightAxis;
        /** Whether it draws an earlier run's curve (faded). */
        final boolean previous;
        /** The figure series' name (a message key or text), which a redraw may change (see {@link #syncEntries}). */
        String name;
        int colorIndex = -1;
        SeriesThinning.Points points = SeriesThinning.Points.EMPTY;
        /** The style class of the chart series' symbol nodes (scatter, or a short dotted line), or null: items without nodes. */
        String symbolClass;

        Entry(boolean rightAxis, boolean previous) {
            this.rightAxis = rightAxis;
            this.previous = previous;
        }
    }

    LineFigureView(LineFigure figure, java.util.function.Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("line-figure-view");
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        yAxis.setForceZeroInRange(false);
        plots = new StackPane(main) {
            @Override protected void layoutChildren() {
                if (right != null) right.alignPlotAreas();
                fitAspect();
                super.layoutChildren();
            }
        };
        plots.getChildren().add(hover.layer());
        plots.setOnMouseMoved(e -> hoverTextAt(e.getSceneX(), e.getSceneY()));
        plots.setOnMouseExited(e -> hover.hide());
        plots.setMinSize(0, 0);
        // Axis widths are known only after the charts' layout; re-align when they change.
        yAxis.widthProperty().addListener((o, a, b) -> plots.requestLayout());
        xAxis.widthProperty().addListener((o, a, b) -> { if (aspectBase != null) plots.requestLayout(); });
        yAxis.heightProperty().addListener((o, a, b) -> { if (aspectBase != null) plots.requestLayout(); });
        Region spacerSwatch = new Region();
        spacerSwatch.getStyleClass().add("figure-legend-swatch");
        legendSpacer.setGraphic(spacerSwatch);
        legendSpacer.getStyleClass().add("figure-legend-item");
        legendSpacer.setVisible(false);
        setCenter(plots);
        setBottom(legendArea);
        initialDraw();
    }

    @Override protected void redraw() {
        // "Press Run" over a chart that has nothing to show yet (its axes alone would read as data).
        main.emptyHint().setShown(!fig.hasData() && fig.previousSeries().isEmpty() && fig.background() == null);
        LineFigure.Style style = fig.style();
        if (style == LineFigure.Style.SCATTER) {
            if (!getStyleClass().contains("scatter-style")) getStyleClass().add("scatter-style");
        } else {
            getStyleClass().remove("scatter-style");
        }
        logY = fig.logY();
        logRightY = fig.logRightY();
        // Earlier runs' faded curves first, so the live ones are drawn over them.
        List<LineFigure.Series> all = new ArrayList<>(fig.previousSeries());
        all.addAll(fig.allSeries());
        boolean needRight = fig.rightLabelKey() != null || all.stream().anyMatch(LineFigure.Series::rightAxis);
        if (needRight && right == null) createRightAxis();
        syncEntries(all);

        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yl = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Entry> drawn = new ArrayList<>();
        // The plot's pixel columns (before the first layout: MAX_POINTS / 2): a long curve is drawn
        // with each column's lowest and highest point, which Marlin rasterises as fast as it can.
        int columns = xAxis.getWidth() > 0 ? (int) Math.ceil(xAxis.getWidth()) : MAX_POINTS / 2;
        for (LineFigure.Series s : all) {
            Entry e = entries.get(s.name());
            setColor(e, fig.colorSlot(s.colorKey()));
            e.points = SeriesThinning.decimate(s.snapshot(), s.notes(), e.rightAxis ? logRightY : logY, columns, MAX_POINTS);
            markCoincident(e, drawn, style);
            if (!hidden.contains(s.name()) && !s.previous()) drawn.add(e);
            int shown = hidden.contains(s.name()) ? 0 : e.points.size();
            for (int i = 0; i < shown; i++) {
                extend(xr, e.points.xs()[i]);
                extend(e.rightAxis ? yr : yl, e.points.plotYs()[i]);
            }
            boolean dotted = style == LineFigure.Style.LINE && shown <= DOTTED_MAX_POINTS;
            String symbolClass = style == LineFigure.Style.SCATTER ? "scatter-symbol" : dotted ? "line-point-symbol" : null;
            java.util.function.Supplier<javafx.scene.Node> symbol = symbolClass == null ? null : () -> {
                Region r = new Region();
                r.getStyleClass().addAll(symbolClass, "series-color-" + e.colorIndex);
                r.setMouseTransparent(true);
                if (s.previous()) r.setOpacity(PREVIOUS_OPACITY);
                return r;
            };
            if (java.util.Objects.equals(symbolClass, e.symbolClass)) {
                // The same kind of items as drawn (a dotted line gaining a point): move them, append only the new ones.
                setPoints(e.fx.getData(), e.points.xs(), e.points.plotYs(), shown, symbol);
                // LineChart resets its symbols' style classes whenever its list of series changes: restore ours.
                if (symbolClass != null) for (XYChart.Data<Number, Number> d : e.fx.getData()) {
                    if (d.getNode() == null) continue;
                    if (!d.getNode().getStyleClass().contains(symbolClass)) d.getNode().getStyleClass().add(symbolClass);
                    setColor(d.getNode(), e.colorIndex);
                }
            } else {
                // Symbols appear or go (a line past DOTTED_MAX_POINTS points): new items in one list change.
                List<XYChart.Data<Number, Number>> data = new ArrayList<>(shown);
                for (int i = 0; i < shown; i++) {
                    XYChart.Data<Number, Number> d = new XYChart.Data<>(e.points.xs()[i], e.points.plotYs()[i]);
                    if (symbol != null) d.setNode(symbol.get());
                    data.add(d);
                }
                e.fx.getData().setAll(data);
                e.symbolClass = symbolClass;
            }
            if (s.previous() && e.fx.getNode() != null) e.fx.getNode().setOpacity(PREVIOUS_OPACITY);
            if ("line-point-symbol".equals(symbolClass)) markCoincidentPoints(e);
        }
        List<LineFigure.Marker> markers = fig.markers();
        List<LineFigure.Level> levels = fig.levels();
        for (LineFigure.Marker m : markers) extend(xr, m.x());
        for (LineFigure.Level l : levels) extend(yl, AxisScale.toPlot(l.y(), logY));
        ScalarField field = fig.background();
        if (field != null) {
            extend(xr, field.xs()[0]);
            extend(xr, field.xs()[field.xs().length - 1]);
            extend(yl, AxisScale.toPlot(field.ys()[0], logY));
            extend(yl, AxisScale.toPlot(field.ys()[field.ys().length - 1], logY));
        }

        if (fig.clipToRange()) {   // points beyond a set bound do not move it: their lines leave the frame
            clampToBounds(xr, fig.xMin(), fig.xMax(), false);
            clampToBounds(yl, fig.yMin(), fig.yMax(), logY);
        }
        TickLabels.apply(xAxis, AxisScale.fit(xr[0], xr[1], fig.xMin(), fig.xMax(), false, X_TICKS));
        // Whole-number x values (epochs) get whole-number ticks: no "epoch 1.5".
        if (integralX(all) && xAxis.getTickUnit() < 1) {
            xAxis.setTickUnit(1);
            xAxis.setLowerBound(Math.floor(xAxis.getLowerBound()));
            xAxis.setUpperBound(Math.ceil(xAxis.getUpperBound()));
        }
        TickLabels.apply(yAxis, AxisScale.fit(yl[0], yl[1], fig.yMin(), fig.yMax(), logY, Y_TICKS));
        main.setDecorations(markers, levels, fig.diagonal(), this::t, y -> AxisScale.toPlot(y, logY));
        main.setBackgroundField(field, theme(), y -> AxisScale.toPlot(y, logY));
        aspectBase = fig.equalAspect() && !logY && right == null
                ? new double[] {xAxis.getLowerBound(), xAxis.getUpperBound(), yAxis.getLowerBound(), yAxis.getUpperBound()} : null;
        fitAspect();
        if (right != null) {
            right.followX(xAxis);
            TickLabels.apply(right.yAxis(), AxisScale.fit(yr[0], yr[1], null, null, logRightY, Y_TICKS));
        }
        hover.hide();
    }

    @Override protected void applyLabels() {
        main.emptyHint().setText(emptyHintText());
        xAxis.setLabel(t(fig.xLabelKey()));
        yAxis.setLabel(t(fig.yLabelKey()));
        if (right != null) {
            right.xAxis().setLabel(xAxis.getLabel());
            right.yAxis().setLabel(t(fig.rightLabelKey()));
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) e.getValue().legendItem.setText(t(e.getKey()));
        main.setDecorations(fig.markers(), fig.levels(), fig.diagonal(), this::t, y -> AxisScale.toPlot(y, logY));
    }

    @Override protected void applyEmptyHint() { main.emptyHint().setText(emptyHintText()); }

    @Override protected void onThemeChanged() {
        main.setBackgroundField(fig.background(), theme(), y -> AxisScale.toPlot(y, logY));
    }

    /** Whether the named series is drawn (not hidden through the legend). */
    public boolean isSeriesVisible(String name) { return !hidden.contains(name); }

    /** Hides or shows a series, as a click on its legend item does. */
    public void setSeriesVisible(String name, boolean visible) {
        if (visible) hidden.remove(name); else hidden.add(name);
        Entry e = entries.get(name);
        if (e != null) {
            if (visible) e.legendItem.getStyleClass().remove("hidden"); else if (!e.legendItem.getStyleClass().contains("hidden")) e.legendItem.getStyleClass().add("hidden");
        }
        redraw();
    }

    /** The legend item of a series (for tests and for the shell's tooltips), or null. */
    Label legendItem(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.legendItem;
    }

    /** The chart series drawn for a figure series, or null. */
    XYChart.Series<Number, Number> chartSeries(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.fx;
    }

    MarkedLineChart mainChart() { return main; }

    /** The legend's items under the plot (tests). */
    FlowPane legend() { return legend; }

    /** The bounded area holding the legend (tests). */
    LegendArea legendArea() { return legendArea; }

    MarkedLineChart rightChart() { return right == null ? null : right.chart(); }

    NumberAxis yAxis() { return yAxis; }

    NumberAxis rightYAxis() { return right == null ? null : right.yAxis(); }

    /**
     * Shows the hover read-out for the drawn point nearest to a scene position (within a few pixels)
     * and returns its text, or hides it and returns null.
     */
    String hoverTextAt(double sceneX, double sceneY) {
        List<HoverTooltip.Curve> curves = new ArrayList<>();
        for (Map.Entry<String, Entry> en : entries.entrySet()) {
            if (hidden.contains(en.getKey())) continue;
            Entry e = en.getValue();
            curves.add(new HoverTooltip.Curve(t(e.fx.getName()), e.points, e.rightAxis ? right.xAxis() : xAxis,
                    e.rightAxis ? right.yAxis() : yAxis, e.colorIndex));
        }
        return hover.showNearest(curves, sceneX, sceneY);
    }

    /**
     * Creates, updates and removes chart series so they match the figure's series. A series whose
     * name changed (roc's curves carry their AUC in their names, new every epoch) keeps the chart
     * series and legend item of the one it replaces: new nodes would get their style in the next CSS
     * pass, and the CSS their skins then ask for costs one more pulse, which, with nothing else to
     * draw, repaints the whole window.
     */
    private void syncEntries(List<LineFigure.Series> all) {
        Set<String> names = new HashSet<>();
        for (LineFigure.Series s : all) names.add(s.name());
        List<Entry> leftovers = new ArrayList<>();
        for (Map.Entry<String, Entry> en : entries.entrySet()) if (!names.contains(en.getKey())) leftovers.add(en.getValue());
        Map<String, Entry> synced = new LinkedHashMap<>();
        for (LineFigure.Series s : all) {
            Entry e = entries.get(s.name());
            if (e == null) e = rename(leftovers, s);
            if (e == null) {
                e = new Entry(s.rightAxis() && right != null, s.previous());
                e.name = s.name();
                e.fx.setName(s.name());
                e.swatch.getStyleClass().add("figure-legend-swatch");
                e.legendItem.setGraphic(e.swatch);
                e.legendItem.getStyleClass().add("figure-legend-item");
                if (s.previous()) e.legendItem.setOpacity(PREVIOUS_LEGEND_OPACITY);
                e.legendItem.setText(t(s.name()));
                Entry item = e;
                e.legendItem.setOnMouseClicked(ev -> setSeriesVisible(item.name, !isSeriesVisible(item.name)));
                legend.getChildren().add(e.legendItem);
                chartOf(e).getData().add(e.fx);
            }
            synced.put(s.name(), e);
        }
        for (Entry e : leftovers) {
            chartOf(e).getData().remove(e.fx);
            legend.getChildren().remove(e.legendItem);
            hidden.remove(e.name);
        }
        entries.clear();
        entries.putAll(synced);
        // The figure's series order, the current run's items first: when earlier runs' items fill the
        // legend's rows and it scrolls, the curves drawn in full colour stay named in sight.
        List<javafx.scene.Node> ordered = new ArrayList<>();
        for (LineFigure.Series s : all) if (!s.previous()) ordered.add(entries.get(s.name()).legendItem);
        for (LineFigure.Series s : all) if (s.previous()) ordered.add(entries.get(s.name()).legendItem);
        if (ordered.isEmpty()) ordered.add(legendSpacer);
        if (!legend.getChildren().equals(ordered)) legend.getChildren().setAll(ordered);
    }

    /**
     * Takes the first of {@code leftovers} (entries whose series is gone) drawn like {@code s} (same
     * axis, same faded or not), renamed to {@code s}, or returns null. A hidden series stays hidden
     * under its new name.
     */
    private Entry rename(List<Entry> leftovers, LineFigure.Series s) {
        for (java.util.Iterator<Entry> it = leftovers.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.rightAxis != (s.rightAxis() && right != null) || e.previous != s.previous()) continue;
            it.remove();
            if (hidden.remove(e.name)) hidden.add(s.name());
            e.name = s.name();
            e.fx.setName(s.name());
            e.legendItem.setText(t(s.name()));
            return e;
        }
        return null;
    }

    /**
     * Makes {@code data} hold the first {@code n} points of {@code xs}/{@code ys} (items without
     * symbol nodes), changing the values of the items it has, dropping or appending only the
     * difference. Replacing the whole list costs XYChart O(n²): it looks each removed item up in its
     * list of displayed items (a 2,000-point live loss curve: hundreds of milliseconds of the FX
     * thread per redraw, pulse logger and JFR); a growing curve now only appends its new points.
     */
    static void setPoints(javafx.collections.ObservableList<XYChart.Data<Number, Number>> data, double[] xs, double[] ys, int n) {
        setPoints(data, xs, ys, n, null);
    }

    /**
     * {@link #setPoints(javafx.collections.ObservableList, double[], double[], int)} for items with
     * symbol nodes: appended items get a node from {@code symbol} (null: none), kept items keep theirs
     * (new symbol nodes each redraw cost a CSS pass for every point).
     */
    static void setPoints(javafx.collections.ObservableList<XYChart.Data<Number, Number>> data, double[] xs, double[] ys, int n,
                          java.util.function.Supplier<javafx.scene.Node> symbol) {
        int kept = Math.min(data.size(), n);
        for (int i = 0; i < kept; i++) {
            XYChart.Data<Number, Number> d = data.get(i);
            if (d.getXValue().doubleValue() != xs[i]) d.setXValue(xs[i]);
            if (d.getYValue().doubleValue() != ys[i]) d.setYValue(ys[i]);
        }
        if (data.size() > n) {
            data.remove(n, data.size());
        } else if (n > kept) {
            List<XYChart.Data<Number, Number>> added = new ArrayList<>(n - kept);
            for (int i = kept; i < n; i++) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(xs[i], ys[i]);
                if (symbol != null) d.setNode(symbol.get());
                added.add(d);
            }
            data.addAll(added);
        }
    }

    private MarkedLineChart chartOf(Entry e) { return e.rightAxis ? right.chart() : main; }

    private static void setColor(Entry e, int index) {
        e.colorIndex = index % 8;
        // The chart may create the series' line node after the entry got its colour: check both every time.
        setColor(e.swatch, e.colorIndex);
        setColor(e.fx.getNode(), e.colorIndex);
    }

    /** Gives {@code n} (null: nothing) the style class {@code series-color-<index>} and no other series colour. */
    private static void setColor(javafx.scene.Node n, int index) {
        String now = "series-color-" + index;
        if (n == null || n.getStyleClass().contains(now)) return;
        n.getStyleClass().removeIf(c -> c.startsWith("series-color-"));
        n.getStyleClass().add(now);
    }

    /** Dashes a line that lies on top of an earlier drawn one ({@link SeriesThinning#coincident}). */
    private static void markCoincident(Entry e, List<Entry> drawn, LineFigure.Style style) {
        boolean coincident = false;
        if (style == LineFigure.Style.LINE && e.points.size() > 1) {
            for (Entry other : drawn) {
                if (other.rightAxis == e.rightAxis && SeriesThinning.coincident(e.points, other.points)) { coincident = true; break; }
            }
        }
        javafx.scene.Node line = e.fx.getNode();
        if (line == null) return;
        if (coincident) {
            if (!line.getStyleClass().contains("coincident-series")) line.getStyleClass().add("coincident-series");
        } else {
            line.getStyleClass().remove("coincident-series");
        }
    }

    /**
     * The points of a dashed coincident line are drawn smaller, inside the earlier line's points: two equal
     * curves (multiclass tab A's two losses) show both colours at every point, not only the later one's.
     */
    private static void markCoincidentPoints(Entry e) {
        boolean coincident = e.fx.getNode() != null && e.fx.getNode().getStyleClass().contains("coincident-series");
        for (XYChart.Data<Number, Number> d : e.fx.getData()) {
            javafx.scene.Node n = d.getNode();
            if (n == null || n.getStyleClass().contains("coincident-symbol") == coincident) continue;
            if (coincident) n.getStyleClass().add("coincident-symbol");
            else n.getStyleClass().remove("coincident-symbol");
        }
    }

    private boolean integralX(List<LineFigure.Series> all) {
        boolean any = false;
        for (LineFigure.Series s : all) {
            if (hidden.contains(s.name())) continue;
            for (double x : entries.get(s.name()).points.xs()) {
                if (x != Math.rint(x)) return false;
                any = true;
            }
        }
        return any;
    }

    private static void extend(double[] range, double v) {
        if (!Double.isFinite(v)) return;
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    /** Narrows the data extent {@code range} (plot units) to the set bounds {@code min} and {@code max} (data units; null = none). */
    private static void clampToBounds(double[] range, Double min, Double max, boolean log) {
        if (!(range[0] <= range[1])) return;   // no data yet
        if (min != null) {
            range[0] = Math.max(range[0], AxisScale.toPlot(min, log));
            range[1] = Math.max(range[1], range[0]);
        }
        if (max != null) {
            range[1] = Math.min(range[1], AxisScale.toPlot(max, log));
            range[0] = Math.min(range[0], range[1]);
        }
    }

    /**
     * Widens the x or y range so both axes have the same scale in the current plot area size, both
     * ending on labelled ticks ({@link AxisScale#equalAspectOnTicks}); the chart gives up the part of
     * the area that whole ticks cannot fill (it is centred in what is left). A figure clipped to its
     * ranges keeps them and gives up the rest of the area instead (the optimizer race's frame stays
     * the contour plot's when a legend of earlier runs makes the plot shorter). Called in every layout.
     */
    private void fitAspect() {
        if (aspectBase == null) return;
        double width = xAxis.getWidth() + unplotted[0], height = yAxis.getHeight() + unplotted[1];
        double[] r = AxisScale.equalAspectOnTicks(aspectBase[0], aspectBase[1], aspectBase[2], aspectBase[3],
                width, height, X_TICKS, Y_TICKS, !fig.clipToRange());
        setBounds(xAxis, r[0], r[1], r[4]);
        setBounds(yAxis, r[2], r[3], r[5]);
        if (width > 0 && height > 0) {
            unplotted[0] = width - r[6];
            unplotted[1] = height - r[7];
        }
        javafx.geometry.Insets in = plots.getInsets();
        main.setMaxSize(Math.max(0, plots.getWidth() - in.getLeft() - in.getRight() - unplotted[0]),
                Math.max(0, plots.getHeight() - in.getTop() - in.getBottom() - unplotted[1]));
    }

    /** Pixels of the plot area {width, height} that the equal-aspect chart leaves out ({@link #fitAspect}). */
    private final double[] unplotted = new double[2];

    private static void setBounds(NumberAxis axis, double lo, double hi, double step) {
        double tolerance = 1e-9 * (hi - lo);
        if (Math.abs(axis.getLowerBound() - lo) <= tolerance && Math.abs(axis.getUpperBound() - hi) <= tolerance) return;
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        axis.setTickUnit(step);
        // The widened upper bound falls between ticks; NumberAxis labels it anyway ("11.41"): label whole ticks only.
        axis.setTickLabelFormatter(TickLabels.formatter(v -> {
            double k = v / step;
            return Math.abs(k - Math.rint(k)) < 1e-6 ? NumberFormats.compact(Math.rint(k) * step) : "";
        }));
    }

    private void createRightAxis() {
        right = new DualAxisOverlay(plots, main, yAxis);
        right.xAxis().setLabel(xAxis.getLabel());
        right.yAxis().setLabel(t(fig.rightLabelKey()));
    }
}
