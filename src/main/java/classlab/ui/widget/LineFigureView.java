package classlab.ui.widget;

import classlab.core.figure.LineFigure;
import classlab.core.figure.ScalarField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Side;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/**
 * View of a {@link LineFigure}: curves (or scatter points) on numeric axes, optional log y axes,
 * a second y axis on the right (an overlaid transparent chart whose plot area is aligned with the
 * main one), dashed markers, level lines and the chance diagonal. Clicking a legend item hides or
 * shows its series; hovering near a point shows x, y and the point's note.
 *
 * <p>Log axes plot log10 of the data on a linear axis whose ticks are labelled 10^k; points with
 * y &le; 0 are not drawn there. Long series are thinned to at most {@link #MAX_POINTS} points.
 *
 * <p>A figure's {@link LineFigure#background() scalar field} is drawn under the series by a
 * {@link ScalarFieldLayer}; with {@link LineFigure#equalAspect() equal aspect} (linear axes, no right
 * axis) the x or y range is widened on each layout so one unit has the same length on both axes.
 */
public final class LineFigureView extends FigureView {
    /** Most points drawn per series; longer series are strided (the last point is always kept). */
    public static final int MAX_POINTS = 2000;
    /**
     * Line series with at most this many points also get a dot per point: a run of one or two
     * epochs (the mini-batch variant) would otherwise draw nothing visible or a bare segment.
     */
    public static final int DOTTED_MAX_POINTS = 12;
    private static final double HOVER_RADIUS = 12;
    private static final double CHART_PADDING = 5;
    /** Earlier runs' curves ({@link LineFigure#previousSeries}) are drawn this faded, their legend items less so. */
    static final double PREVIOUS_OPACITY = 0.35;
    private static final double PREVIOUS_LEGEND_OPACITY = 0.7;

    private final LineFigure fig;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final MarkedLineChart main = new MarkedLineChart(xAxis, yAxis);
    private NumberAxis rightXAxis;
    private NumberAxis rightYAxis;
    private MarkedLineChart right;
    private final StackPane plots;
    private final Pane hoverLayer = new Pane();
    private final Label hoverLabel = new Label();
    private final Circle hoverDot = new Circle(5);
    private final FlowPane legend = new FlowPane();
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
        int colorIndex = -1;
        double[] xs = new double[0];
        double[] ys = new double[0];
        double[] plotYs = new double[0];
        String[] notes;

        Entry(boolean rightAxis) { this.rightAxis = rightAxis; }
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
                alignPlotAreas();
                fitAspect();
                super.layoutChildren();
            }
        };
        hoverLayer.setMouseTransparent(true);
        hoverLabel.getStyleClass().add("figure-hover-label");
        hoverLabel.setManaged(false);
        hoverDot.getStyleClass().add("figure-hover-dot");
        hoverDot.setManaged(false);
        hoverLayer.getChildren().addAll(hoverDot, hoverLabel);
        hideHover();
        plots.getChildren().add(hoverLayer);
        plots.setOnMouseMoved(this::onHover);
        plots.setOnMouseExited(e -> hideHover());
        plots.setMinSize(0, 0);
        // Axis widths are known only after the charts' layout; re-align when they change.
        yAxis.widthProperty().addListener((o, a, b) -> plots.requestLayout());
        xAxis.widthProperty().addListener((o, a, b) -> { if (aspectBase != null) plots.requestLayout(); });
        yAxis.heightProperty().addListener((o, a, b) -> { if (aspectBase != null) plots.requestLayout(); });
        legend.getStyleClass().add("figure-legend");
        setCenter(plots);
        setBottom(legend);
        initialDraw();
    }

    @Override protected void redraw() {
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
        if (needRight && right == null) createRightChart();
        syncEntries(all);

        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yl = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Entry> drawn = new ArrayList<>();
        for (LineFigure.Series s : all) {
            Entry e = entries.get(s.name());
            setColor(e, fig.colorSlot(s.colorKey()));
            boolean log = e.rightAxis ? logRightY : logY;
            fillPoints(e, s, log);
            markCoincident(e, drawn, style);
            if (!hidden.contains(s.name()) && !s.previous()) drawn.add(e);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(e.xs.length);
            if (!hidden.contains(s.name())) {
                boolean dotted = style == LineFigure.Style.LINE && e.xs.length <= DOTTED_MAX_POINTS;
                for (int i = 0; i < e.xs.length; i++) {
                    XYChart.Data<Number, Number> d = new XYChart.Data<>(e.xs[i], e.plotYs[i]);
                    if (style == LineFigure.Style.SCATTER || dotted) {
                        Region symbol = new Region();
                        symbol.getStyleClass().addAll(dotted ? "line-point-symbol" : "scatter-symbol",
                                "series-color-" + e.colorIndex);
                        symbol.setMouseTransparent(true);
                        if (s.previous()) symbol.setOpacity(PREVIOUS_OPACITY);
                        d.setNode(symbol);
                    }
                    data.add(d);
                    extend(xr, e.xs[i]);
                    extend(e.rightAxis ? yr : yl, e.plotYs[i]);
                }
            }
            e.fx.getData().setAll(data);   // one list change per refresh
            if (s.previous() && e.fx.getNode() != null) e.fx.getNode().setOpacity(PREVIOUS_OPACITY);
        }
        List<LineFigure.Marker> markers = fig.markers();
        List<LineFigure.Level> levels = fig.levels();
        for (LineFigure.Marker m : markers) extend(xr, m.x());
        for (LineFigure.Level l : levels) extend(yl, toPlot(l.y(), logY));
        ScalarField field = fig.background();
        if (field != null) {
            extend(xr, field.xs()[0]);
            extend(xr, field.xs()[field.xs().length - 1]);
            extend(yl, toPlot(field.ys()[0], logY));
            extend(yl, toPlot(field.ys()[field.ys().length - 1], logY));
        }

        applyRange(xAxis, xr, fig.xMin(), fig.xMax(), false, 8);
        // Whole-number x values (epochs) get whole-number ticks: no "epoch 1.5".
        if (integralX(all) && xAxis.getTickUnit() < 1) {
            xAxis.setTickUnit(1);
            xAxis.setLowerBound(Math.floor(xAxis.getLowerBound()));
            xAxis.setUpperBound(Math.ceil(xAxis.getUpperBound()));
        }
        applyRange(yAxis, yl, fig.yMin(), fig.yMax(), logY, 6);
        main.setDecorations(markers, levels, fig.diagonal(), this::t, y -> toPlot(y, logY));
        main.setBackgroundField(field, theme(), y -> toPlot(y, logY));
        aspectBase = fig.equalAspect() && !logY && right == null
                ? new double[] {xAxis.getLowerBound(), xAxis.getUpperBound(), yAxis.getLowerBound(), yAxis.getUpperBound()} : null;
        fitAspect();
        if (right != null) {
            rightXAxis.setLowerBound(xAxis.getLowerBound());
            rightXAxis.setUpperBound(xAxis.getUpperBound());
            rightXAxis.setTickUnit(xAxis.getTickUnit());
            rightXAxis.setTickLabelFormatter(xAxis.getTickLabelFormatter());
            applyRange(rightYAxis, yr, null, null, logRightY, 6);
        }
        hideHover();
    }

    @Override protected void applyLabels() {
        xAxis.setLabel(t(fig.xLabelKey()));
        yAxis.setLabel(t(fig.yLabelKey()));
        if (right != null) {
            rightXAxis.setLabel(xAxis.getLabel());
            rightYAxis.setLabel(t(fig.rightLabelKey()));
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) e.getValue().legendItem.setText(t(e.getKey()));
        main.setDecorations(fig.markers(), fig.levels(), fig.diagonal(), this::t, y -> toPlot(y, logY));
    }

    @Override protected void onThemeChanged() {
        main.setBackgroundField(fig.background(), theme(), y -> toPlot(y, logY));
    }

    /** Widens the x or y range so both axes have the same scale in the current plot area size. */
    private void fitAspect() {
        if (aspectBase == null) return;
        double[] r = AxisScale.equalAspectOnTicks(aspectBase[0], aspectBase[1], aspectBase[2], aspectBase[3],
                xAxis.getWidth(), yAxis.getHeight(), 8, 6);
        setBounds(xAxis, r[0], r[1], r[4]);
        setBounds(yAxis, r[2], r[3], r[5]);
    }

    private static void setBounds(NumberAxis axis, double lo, double hi, double step) {
        double tolerance = 1e-9 * (hi - lo);
        if (Math.abs(axis.getLowerBound() - lo) <= tolerance && Math.abs(axis.getUpperBound() - hi) <= tolerance) return;
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        axis.setTickUnit(step);
        // The widened upper bound falls between ticks; NumberAxis labels it anyway ("11.41"): label whole ticks only.
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number n) {
                double k = n.doubleValue() / step;
                return Math.abs(k - Math.rint(k)) < 1e-6 ? NumberFormats.compact(Math.rint(k) * step) : "";
            }
            @Override public Number fromString(String text) { return Double.valueOf(text); }
        });
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

    MarkedLineChart rightChart() { return right; }

    NumberAxis yAxis() { return yAxis; }

    NumberAxis rightYAxis() { return rightYAxis; }

    /** Creates, updates and removes chart series so they match the figure's series. */
    private void syncEntries(List<LineFigure.Series> all) {
        Set<String> names = new HashSet<>();
        for (LineFigure.Series s : all) {
            names.add(s.name());
            if (entries.containsKey(s.name())) continue;
            Entry e = new Entry(s.rightAxis() && right != null);
            e.fx.setName(s.name());
            e.swatch.getStyleClass().add("figure-legend-swatch");
            e.legendItem.setGraphic(e.swatch);
            e.legendItem.getStyleClass().add("figure-legend-item");
            if (s.previous()) e.legendItem.setOpacity(PREVIOUS_LEGEND_OPACITY);
            e.legendItem.setText(t(s.name()));
            e.legendItem.setOnMouseClicked(ev -> setSeriesVisible(s.name(), !isSeriesVisible(s.name())));
            entries.put(s.name(), e);
            legend.getChildren().add(e.legendItem);
            (e.rightAxis ? right : main).getData().add(e.fx);
        }
        entries.entrySet().removeIf(en -> {
            if (names.contains(en.getKey())) return false;
            Entry e = en.getValue();
            (e.rightAxis ? right : main).getData().remove(e.fx);
            legend.getChildren().remove(e.legendItem);
            hidden.remove(en.getKey());
            return true;
        });
        // Keep the legend in the figure's series order.
        List<javafx.scene.Node> ordered = new ArrayList<>();
        for (LineFigure.Series s : all) ordered.add(entries.get(s.name()).legendItem);
        if (!legend.getChildren().equals(ordered)) legend.getChildren().setAll(ordered);
    }

    private static void setColor(Entry e, int index) {
        int c = index % 8;
        if (e.colorIndex == c) return;
        String old = "series-color-" + e.colorIndex;
        String now = "series-color-" + c;
        e.colorIndex = c;
        e.swatch.getStyleClass().remove(old);
        e.swatch.getStyleClass().add(now);
        if (e.fx.getNode() != null) {
            e.fx.getNode().getStyleClass().remove(old);
            e.fx.getNode().getStyleClass().add(now);
        }
    }

    /**
     * Dashes a line that lies on top of an earlier drawn one (BCELoss(σ(z)) and
     * BCEWithLogitsLoss(z) agree to 1e-7), so the lower curve still shows between the dashes.
     */
    private static void markCoincident(Entry e, List<Entry> drawn, LineFigure.Style style) {
        boolean coincident = false;
        if (style == LineFigure.Style.LINE && e.xs.length > 1) {
            for (Entry other : drawn) {
                if (other.rightAxis == e.rightAxis && samePoints(e, other)) { coincident = true; break; }
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

    private static boolean samePoints(Entry a, Entry b) {
        if (a.xs.length != b.xs.length) return false;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double y : a.plotYs) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
        double tolerance = 1e-3 * Math.max(hi - lo, 1e-12);   // well below one pixel
        for (int i = 0; i < a.xs.length; i++) {
            if (a.xs[i] != b.xs[i] || Math.abs(a.plotYs[i] - b.plotYs[i]) > tolerance) return false;
        }
        return true;
    }

    /** Copies the series' points, dropping non-finite (and non-positive on log) values, thinned by striding. */
    private static void fillPoints(Entry e, LineFigure.Series s, boolean log) {
        double[][] xy = s.snapshot();
        String[] notes = s.notes();
        int n = xy[0].length;
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int cap = n / stride + 2;
        double[] xs = new double[cap], ys = new double[cap], py = new double[cap];
        String[] ns = notes == null ? null : new String[cap];
        int k = 0;
        for (int i = 0; i < n; i += stride) {
            k = keep(xy, notes, i, log, xs, ys, py, ns, k);
        }
        if (n > 0 && (n - 1) % stride != 0) k = keep(xy, notes, n - 1, log, xs, ys, py, ns, k);
        e.xs = java.util.Arrays.copyOf(xs, k);
        e.ys = java.util.Arrays.copyOf(ys, k);
        e.plotYs = java.util.Arrays.copyOf(py, k);
        e.notes = ns == null ? null : java.util.Arrays.copyOf(ns, k);
    }

    private static int keep(double[][] xy, String[] notes, int i, boolean log,
                            double[] xs, double[] ys, double[] py, String[] ns, int k) {
        double x = xy[0][i], y = xy[1][i];
        double p = toPlot(y, log);
        if (!Double.isFinite(x) || !Double.isFinite(p)) return k;
        xs[k] = x;
        ys[k] = y;
        py[k] = p;
        if (ns != null) ns[k] = notes[i];
        return k + 1;
    }

    private static double toPlot(double y, boolean log) {
        if (!log) return y;
        return y > 0 ? Math.log10(y) : Double.NaN;
    }

    private boolean integralX(List<LineFigure.Series> all) {
        boolean any = false;
        for (LineFigure.Series s : all) {
            if (hidden.contains(s.name())) continue;
            for (double x : entries.get(s.name()).xs) {
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

    /**
     * Sets bounds and tick unit: fixed bounds from the figure where given (data units) and not
     * exceeded by the data, otherwise the data range widened to whole ticks (whole decades on a log axis).
     */
    private static void applyRange(NumberAxis axis, double[] range, Double fixedMin, Double fixedMax, boolean log, int ticks) {
        // A fixed range (the notebook's ylim) must not hide data: points outside it widen the axis.
        if (fixedMin != null && Double.isFinite(range[0]) && range[0] < toPlot(fixedMin, log)) fixedMin = null;
        if (fixedMax != null && Double.isFinite(range[1]) && range[1] > toPlot(fixedMax, log)) fixedMax = null;
        double lo = fixedMin != null ? toPlot(fixedMin, log) : range[0];
        double hi = fixedMax != null ? toPlot(fixedMax, log) : range[1];
        if (!Double.isFinite(lo) && !Double.isFinite(hi)) { lo = log ? -1 : 0; hi = log ? 0 : 1; }
        else if (!Double.isFinite(lo)) lo = hi - 1;
        else if (!Double.isFinite(hi)) hi = lo + 1;
        if (hi <= lo) {
            double pad = log ? 0.5 : Math.max(Math.abs(lo) * 0.1, 1e-9);
            if (fixedMin == null) lo -= pad;
            if (fixedMax == null || hi <= lo) hi = lo + 2 * pad;
        }
        double step;
        if (log) {
            if (fixedMin == null) lo = Math.floor(lo);
            if (fixedMax == null) hi = Math.ceil(hi);
            if (hi <= lo) hi = lo + 1;
            // One decade alone would show only its two ends: label quarter decades in between.
            step = hi - lo <= 1 ? 0.25 : Math.max(1, Math.ceil((hi - lo) / ticks));
        } else {
            step = NumberFormats.niceStep(hi - lo, ticks);
            if (fixedMin == null) lo = Math.floor(lo / step + 1e-9) * step;
            if (fixedMax == null) hi = Math.ceil(hi / step - 1e-9) * step;
        }
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        axis.setTickUnit(step);
        axis.setMinorTickVisible(!log);
        axis.setTickLabelFormatter(log ? LOG_TICKS : LINEAR_TICKS);
    }

    private static final StringConverter<Number> LINEAR_TICKS = new StringConverter<>() {
        @Override public String toString(Number n) { return NumberFormats.compact(n.doubleValue()); }
        @Override public Number fromString(String s) { return Double.valueOf(s); }
    };

    /** Ticks of a log axis are log10 values: whole numbers are shown as 10^k. */
    private static final StringConverter<Number> LOG_TICKS = new StringConverter<>() {
        @Override public String toString(Number n) {
            double v = n.doubleValue();
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-9) return NumberFormats.powerOfTen((int) k);
            // Quarter-decade ticks: two significant digits (0.0018, 0.0032, 0.0056).
            return new java.math.BigDecimal(Math.pow(10, v)).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        }
        @Override public Number fromString(String s) { return Double.valueOf(s); }
    };

    private void createRightChart() {
        rightXAxis = new NumberAxis();
        rightYAxis = new NumberAxis();
        rightXAxis.setAutoRanging(false);
        rightYAxis.setAutoRanging(false);
        rightYAxis.setForceZeroInRange(false);
        rightYAxis.setSide(Side.RIGHT);
        // Same labels and ticks as the main x axis so both plot areas get the same height; invisible.
        rightXAxis.setOpacity(0);
        right = new MarkedLineChart(rightXAxis, rightYAxis);
        right.getStyleClass().add("overlay-chart");
        right.setMouseTransparent(true);
        right.setHorizontalGridLinesVisible(false);
        right.setVerticalGridLinesVisible(false);
        right.setHorizontalZeroLineVisible(false);
        right.setVerticalZeroLineVisible(false);
        plots.getChildren().add(1, right);
        rightYAxis.widthProperty().addListener((o, a, b) -> plots.requestLayout());
        rightXAxis.setLabel(xAxis.getLabel());
        rightYAxis.setLabel(t(fig.rightLabelKey()));
    }

    /** Pads each chart by the other's y axis width so the two plot areas coincide. */
    private void alignPlotAreas() {
        if (right == null) return;
        double lw = Math.ceil(yAxis.getWidth());
        double rw = Math.ceil(rightYAxis.getWidth());
        Insets mainPad = new Insets(CHART_PADDING, CHART_PADDING + rw, CHART_PADDING, CHART_PADDING);
        Insets rightPad = new Insets(CHART_PADDING, CHART_PADDING, CHART_PADDING, CHART_PADDING + lw);
        if (!mainPad.equals(main.getPadding())) main.setPadding(mainPad);
        if (!rightPad.equals(right.getPadding())) right.setPadding(rightPad);
    }

    private void onHover(MouseEvent ev) {
        String text = hoverTextAt(ev.getSceneX(), ev.getSceneY());
        if (text == null) hideHover();
    }

    /**
     * Shows the hover label for the drawn point nearest to a scene position (within a few pixels)
     * and returns its text, or hides it and returns null.
     */
    String hoverTextAt(double sceneX, double sceneY) {
        Entry best = null;
        int bestIndex = -1;
        double bestD2 = HOVER_RADIUS * HOVER_RADIUS;
        Point2D bestScene = null;
        for (Map.Entry<String, Entry> en : entries.entrySet()) {
            if (hidden.contains(en.getKey())) continue;
            Entry e = en.getValue();
            NumberAxis xa = e.rightAxis ? rightXAxis : xAxis;
            NumberAxis ya = e.rightAxis ? rightYAxis : yAxis;
            double mx = xa.sceneToLocal(sceneX, sceneY).getX();
            double my = ya.sceneToLocal(sceneX, sceneY).getY();
            for (int i = 0; i < e.xs.length; i++) {
                double dx = xa.getDisplayPosition(e.xs[i]) - mx;
                double dy = ya.getDisplayPosition(e.plotYs[i]) - my;
                double d2 = dx * dx + dy * dy;
                if (d2 <= bestD2) {
                    bestD2 = d2;
                    best = e;
                    bestIndex = i;
                    bestScene = new Point2D(xa.localToScene(xa.getDisplayPosition(e.xs[i]), 0).getX(),
                            ya.localToScene(0, ya.getDisplayPosition(e.plotYs[i])).getY());
                }
            }
        }
        if (best == null) { hideHover(); return null; }
        StringBuilder sb = new StringBuilder(t(best.fx.getName()))
                .append("\nx = ").append(NumberFormats.compact(best.xs[bestIndex]))
                .append("\ny = ").append(NumberFormats.compact(best.ys[bestIndex]));
        if (best.notes != null && best.notes[bestIndex] != null) sb.append('\n').append(best.notes[bestIndex]);
        Point2D p = hoverLayer.sceneToLocal(bestScene);
        hoverLabel.setText(sb.toString());
        hoverLabel.autosize();
        double lx = p.getX() + 10 + hoverLabel.getWidth() > hoverLayer.getWidth() ? p.getX() - 10 - hoverLabel.getWidth() : p.getX() + 10;
        double ly = Math.max(0, p.getY() - hoverLabel.getHeight() - 6);
        hoverLabel.relocate(lx, ly);
        hoverDot.setCenterX(p.getX());
        hoverDot.setCenterY(p.getY());
        hoverDot.getStyleClass().removeIf(c -> c.startsWith("series-color-"));
        hoverDot.getStyleClass().add("series-color-" + best.colorIndex);
        hoverLabel.setVisible(true);
        hoverDot.setVisible(true);
        return sb.toString();
    }

    private void hideHover() {
        hoverLabel.setVisible(false);
        hoverDot.setVisible(false);
    }
}
