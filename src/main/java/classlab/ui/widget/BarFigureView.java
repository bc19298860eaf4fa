package classlab.ui.widget;

import classlab.core.figure.BarFigure;
import classlab.core.figure.LineFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/**
 * View of a {@link BarFigure}: grouped bars per category with the built-in legend, optional log y
 * axis, horizontal level lines with labels (macro/weighted AUC) and optional value labels.
 *
 * <p>On a log axis the bars show log10(value) shifted so the lowest whole decade is the baseline
 * (a bar must start at the bottom of the plot, not at value 1); ticks are labelled 10^k.
 */
public final class BarFigureView extends FigureView {
    private final BarFigure fig;
    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final Chart chart = new Chart(xAxis, yAxis);
    /** Bar charts with at most this many bars print their values unless told otherwise (as the notebooks do). */
    public static final int AUTO_VALUE_BARS = 10;
    /** The level lines' labels (macro/weighted AUC) when the plot has no room for them. */
    private final Label levelCaption = new Label();
    /** Explicit choice from {@link #setShowValues}, or null: automatic (few bars). */
    private Boolean showValues;
    private int barCount;
    /** On a log axis: plotted value = log10(v) - logBase. */
    private double logBase;
    private boolean logY;
    /** The figure's groups in the order of the chart's series. */
    private List<String> shownGroups = List.of();

    /** BarChart with level lines and value labels in its plot children. */
    private final class Chart extends BarChart<String, Number> {
        final PlotDecorations levels = new PlotDecorations(getPlotChildren());
        final EmptyHint emptyHint = new EmptyHint(getPlotChildren(), this::requestChartLayout);
        final List<Label> valueLabels = new ArrayList<>();

        Chart(CategoryAxis x, NumberAxis y) {
            super(x, y);
            setAnimated(false);
            setCategoryGap(14);
            setBarGap(2);
        }

        void setLevels(List<LineFigure.Level> list) {
            List<PlotDecorations.Spec> specs = new ArrayList<>();
            for (LineFigure.Level l : list) {
                double y = plot(l.y());
                if (Double.isFinite(y)) specs.add(PlotDecorations.Spec.level(y, t(l.labelKey()) + " = " + NumberFormats.compact(l.y())));
            }
            levels.set(specs);
            requestChartLayout();
        }

        void setValueLabels(boolean on) {
            List<XYChart.Data<String, Number>> bars = new ArrayList<>();
            if (on) for (XYChart.Series<String, Number> s : getData()) bars.addAll(s.getData());
            List<String> texts = NumberFormats.alike(bars.stream().mapToDouble(d -> (Double) d.getExtraValue()).toArray());
            // The same bars as before (a new epoch's values): the labels stay, with new texts (see PlotDecorations).
            if (bars.size() != valueLabels.size()) {
                getPlotChildren().removeAll(valueLabels);
                valueLabels.clear();
                for (int i = 0; i < bars.size(); i++) {
                    Label l = new Label();
                    l.getStyleClass().add("figure-value-label");
                    l.setManaged(false);
                    valueLabels.add(l);
                }
                getPlotChildren().addAll(valueLabels);
            }
            for (int i = 0; i < bars.size(); i++) {
                Label l = valueLabels.get(i);
                if (!texts.get(i).equals(l.getText())) l.setText(texts.get(i));
                l.setUserData(bars.get(i));
            }
            requestChartLayout();
        }

        @Override protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            applyGroupColors();
            for (Label l : valueLabels) {
                @SuppressWarnings("unchecked")
                Node bar = ((XYChart.Data<String, Number>) l.getUserData()).getNode();
                if (bar == null) continue;
                l.autosize();
                var b = bar.getBoundsInParent();
                // A bar up to the plot's top (an AUC of 1) leaves no room above: the value goes inside its
                // top, in black or white, whichever reads on the bar's colour (trial 4, item 14: dark on dark blue).
                boolean inside = b.getMinY() - l.getHeight() < 0 && b.getHeight() >= l.getHeight();
                l.relocate(b.getMinX() + (b.getWidth() - l.getWidth()) / 2, inside ? b.getMinY() : Math.max(0, b.getMinY() - l.getHeight()));
                String fill = inside ? "-fx-text-fill: " + readableOn(barColor(bar)) + ";" : "";
                if (!fill.equals(l.getStyle())) l.setStyle(fill);
            }
            levels.setLevelLabelsBelow(!valueLabels.isEmpty());
            // With values printed above the bars, the averages' lines run among them and no place in
            // the plot is free for their labels: the caption under the chart says them instead.
            levels.setLevelLabelsShown(valueLabels.isEmpty());
            List<javafx.geometry.Bounds> values = new ArrayList<>();
            for (Label l : valueLabels) values.add(l.getBoundsInParent());
            levels.layout(null, yAxis, xAxis.getWidth(), yAxis.getHeight(), values);
            emptyHint.layout(xAxis.getWidth(), yAxis.getHeight(), false);
        }
    }

    /** The theme's colour of a bar ({@code default-colorN} from {@link #applyGroupColors}); the first if it has none yet. */
    private javafx.scene.paint.Color barColor(Node bar) {
        int slot = bar.getStyleClass().stream().filter(c -> c.matches("default-color\\d+"))
                .mapToInt(c -> Integer.parseInt(c.substring("default-color".length()))).findFirst().orElse(0);
        return theme().seriesColor(slot);
    }

    /** "white" or "black", whichever contrasts more with {@code fill} (WCAG 2 contrast ratio: equal at luminance 0.18). */
    static String readableOn(javafx.scene.paint.Color fill) {
        return luminance(fill) < 0.18 ? "white" : "black";
    }

    /** WCAG 2 relative luminance of {@code c} (0 black .. 1 white). */
    static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    BarFigureView(BarFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("bar-figure-view");
        yAxis.setAutoRanging(false);
        xAxis.setAutoRanging(false);
        // An Axis places its title (at its bottom) again only when its length or range changes: when
        // new or turned category labels make it taller, the title would stay where it was, on them.
        xAxis.heightProperty().addListener((o, a, h) -> xAxis.invalidateRange(xAxis.getCategories()));
        chart.setMinSize(0, 0);
        setCenter(chart);
        levelCaption.getStyleClass().add("figure-level-caption");
        levelCaption.setWrapText(true);
        levelCaption.setMaxWidth(Double.MAX_VALUE);
        levelCaption.setAlignment(javafx.geometry.Pos.CENTER);
        levelCaption.setVisible(false);
        levelCaption.setManaged(false);
        setBottom(levelCaption);
        initialDraw();
    }

    /** Prints each bar's value above it (overrides the automatic choice). */
    public void setShowValues(boolean on) {
        showValues = on;
        chart.setValueLabels(on);
        updateLevelCaption();
    }

    /** Whether values are printed: as set, or by default when there are at most {@link #AUTO_VALUE_BARS} bars. */
    public boolean isShowValues() { return showValues != null ? showValues : barCount <= AUTO_VALUE_BARS; }

    @Override protected void redraw() {
        logY = fig.logY();
        List<String> cats = fig.categories();
        List<String> groups = fig.groups();
        List<LineFigure.Level> levels = fig.levels();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (String g : groups) for (String c : cats) {
            double v = fig.value(g, c);
            if (Double.isFinite(v) && (!logY || v > 0)) { min = Math.min(min, v); max = Math.max(max, v); }
        }
        for (LineFigure.Level l : levels) {
            if (Double.isFinite(l.y()) && (!logY || l.y() > 0)) { min = Math.min(min, l.y()); max = Math.max(max, l.y()); }
        }
        logBase = logY && Double.isFinite(min) ? Math.floor(Math.log10(min)) : 0;

        List<String> labels = new ArrayList<>();
        for (String c : cats) labels.add(t(c));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String g : groups) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(t(g));
            for (int i = 0; i < cats.size(); i++) {
                double v = fig.value(g, cats.get(i));
                double p = plot(v);
                if (!Double.isFinite(p)) continue;
                XYChart.Data<String, Number> d = new XYChart.Data<>(labels.get(i), p);
                d.setExtraValue(v);
                s.getData().add(d);
            }
            series.add(s);
        }
        // The same groups and bars with new values (each epoch of a run): the chart keeps its bars and
        // legend and moves them; new nodes would cost a repaint of the whole window (see PlotDecorations).
        // Otherwise bars are few: rebuilding the series is simpler and safer than diffing categories.
        if (!updateInPlace(series)) chart.getData().setAll(series);
        shownGroups = groups;
        applyGroupColors();
        if (!labels.equals(xAxis.getCategories())) {
            // A CategoryAxis that does not auto-range keeps the tick marks of the categories it had
            // when first laid out (none for a figure that fills during a run): let it range once on
            // the new data, then pin the categories in the figure's order.
            xAxis.setAutoRanging(true);
            xAxis.requestAxisLayout();
            xAxis.layout();
            xAxis.setAutoRanging(false);
            xAxis.setCategories(FXCollections.observableArrayList(labels));
        }
        barCount = 0;
        for (XYChart.Series<String, Number> s : series) barCount += s.getData().size();
        chart.emptyHint.setShown(barCount == 0 && levels.isEmpty());
        applyRange(min, max);
        chart.setLevels(levels);
        chart.setValueLabels(isShowValues());
        updateLevelCaption();
    }

    /**
     * Copies the values of {@code series} into the chart's series if both have the same names and the
     * same categories in the same order; returns whether it did.
     */
    private boolean updateInPlace(List<XYChart.Series<String, Number>> series) {
        List<XYChart.Series<String, Number>> shown = chart.getData();
        if (shown.size() != series.size()) return false;
        for (int k = 0; k < series.size(); k++) {
            XYChart.Series<String, Number> a = shown.get(k), b = series.get(k);
            if (!java.util.Objects.equals(a.getName(), b.getName()) || a.getData().size() != b.getData().size()) return false;
            for (int i = 0; i < b.getData().size(); i++) {
                if (!a.getData().get(i).getXValue().equals(b.getData().get(i).getXValue())) return false;
            }
        }
        for (int k = 0; k < series.size(); k++) {
            List<XYChart.Data<String, Number>> a = shown.get(k).getData(), b = series.get(k).getData();
            for (int i = 0; i < b.size(); i++) {
                XYChart.Data<String, Number> d = a.get(i);
                d.setExtraValue(b.get(i).getExtraValue());
                if (d.getYValue().doubleValue() != b.get(i).getYValue().doubleValue()) d.setYValue(b.get(i).getYValue());
            }
        }
        return true;
    }

    private void updateLevelCaption() {
        boolean captioned = isShowValues() && !chart.levels.labels().isEmpty();
        levelCaption.setText(captioned ? String.join("     ", chart.levels.labels().stream().map(l -> "- - " + l).toList()) : "");
        levelCaption.setVisible(captioned);
        levelCaption.setManaged(captioned);
    }

    @Override protected void applyEmptyHint() { chart.emptyHint.setText(emptyHintText()); }

    @Override protected void applyLabels() {
        chart.emptyHint.setText(emptyHintText());
        xAxis.setLabel(t(fig.xLabelKey()));
        yAxis.setLabel(t(fig.yLabelKey()));
        redraw();
    }

    /**
     * Gives each group's bars and legend symbol the colour of the group's slot in the lesson
     * ({@link BarFigure#colorSlot}) instead of the chart's colour for its position: "WeightedSampler"
     * is not blue here because it is the first of two groups and green next door, where it is third.
     */
    private void applyGroupColors() {
        List<XYChart.Series<String, Number>> data = chart.getData();
        List<String> colors = new ArrayList<>();
        for (int k = 0; k < data.size() && k < shownGroups.size(); k++) {
            String color = "default-color" + fig.colorSlot(shownGroups.get(k)) % 8;
            colors.add(color);
            for (XYChart.Data<String, Number> d : data.get(k).getData()) recolor(d.getNode(), color);
        }
        for (Node symbol : chart.lookupAll(".bar-legend-symbol")) {
            // The chart names a legend symbol's series by its position: style class "series<k>".
            int k = symbol.getStyleClass().stream().filter(c -> c.matches("series\\d+"))
                    .mapToInt(c -> Integer.parseInt(c.substring("series".length()))).findFirst().orElse(-1);
            if (k >= 0 && k < colors.size()) recolor(symbol, colors.get(k));
        }
    }

    private static void recolor(Node node, String color) {
        if (node == null || node.getStyleClass().contains(color)) return;
        node.getStyleClass().removeIf(c -> c.startsWith("default-color"));
        node.getStyleClass().add(color);
    }

    private double plot(double v) {
        return logY ? AxisScale.toPlot(v, true) - logBase : v;
    }

    private void applyRange(double min, double max) {
        if (!Double.isFinite(min)) { min = logY ? 1 : 0; max = logY ? 10 : 1; }
        if (logY) {
            double hi = Math.max(1, Math.ceil(Math.log10(max) - logBase));
            yAxis.setLowerBound(0);
            yAxis.setUpperBound(hi);
            yAxis.setTickUnit(Math.max(1, Math.ceil(hi / 6)));
            yAxis.setMinorTickVisible(false);
            // Bars stand on the decade below the smallest value: tick v is the decade v + logBase.
            double base = logBase;
            yAxis.setTickLabelFormatter(TickLabels.formatter(v -> AxisScale.tickLabel(v + base, true)));
        } else {
            double[] fixed = fig.yRange();
            double lo = Math.min(0, min), hi = Math.max(0, max);
            if (hi <= lo) hi = lo + 1;
            // Headroom for value labels above the tallest bar, unless the figure fixes the axis.
            double step = NumberFormats.niceStep(fixed != null ? fixed[1] - fixed[0] : (hi - lo) * 1.05, 6);
            yAxis.setLowerBound(fixed != null ? fixed[0] : Math.floor(lo / step + 1e-9) * step);
            double upper = Math.ceil(hi * 1.05 / step - 1e-9) * step;
            // Values in [0, 1] (F1, AUC, accuracy) end at 1: an axis to 1.2 suggests they could pass it.
            if (lo >= 0 && hi <= 1) upper = Math.min(upper, 1);
            yAxis.setUpperBound(fixed != null ? fixed[1] : upper);
            yAxis.setTickUnit(step);
            yAxis.setMinorTickVisible(true);
            yAxis.setTickLabelFormatter(TickLabels.formatter(v -> AxisScale.tickLabel(v, false)));
        }
    }

    BarChart<String, Number> chart() { return chart; }

    /** The "press Run" hint in the plot area (shown while there is no bar). */
    Label emptyHint() { return chart.emptyHint.label(); }

    List<String> levelLabels() { return chart.levels.labels(); }

    /** The caption under the chart that names the level lines, "" when their labels are in the plot. */
    String levelCaption() { return levelCaption.getText(); }
}
