package classlab.ui.widget;

import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;

/**
 * A second y axis on the right of a line chart: a transparent chart stacked over the main one, with
 * an invisible copy of the main x axis so both plot areas get the same height, and paddings that
 * make the two plot areas coincide (each chart is padded by the other's y axis width). Mouse
 * transparent; series on the right axis are added to {@link #chart()}.
 */
final class DualAxisOverlay {
    private static final double CHART_PADDING = 5;

    private final MarkedLineChart main;
    private final NumberAxis mainY;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final MarkedLineChart chart;

    /** Creates the overlay and stacks it just above {@code main} in {@code plots}. */
    DualAxisOverlay(StackPane plots, MarkedLineChart main, NumberAxis mainY) {
        this.main = main;
        this.mainY = mainY;
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setSide(Side.RIGHT);
        xAxis.setOpacity(0);
        chart = new MarkedLineChart(xAxis, yAxis);
        chart.getStyleClass().add("overlay-chart");
        chart.setMouseTransparent(true);
        chart.setHorizontalGridLinesVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setHorizontalZeroLineVisible(false);
        chart.setVerticalZeroLineVisible(false);
        plots.getChildren().add(plots.getChildren().indexOf(main) + 1, chart);
        yAxis.widthProperty().addListener((o, a, b) -> plots.requestLayout());
    }

    MarkedLineChart chart() { return chart; }

    NumberAxis xAxis() { return xAxis; }

    NumberAxis yAxis() { return yAxis; }

    /** Copies the main x axis' bounds, ticks and label so both plot areas stay the same. */
    void followX(NumberAxis mainX) {
        xAxis.setLowerBound(mainX.getLowerBound());
        xAxis.setUpperBound(mainX.getUpperBound());
        xAxis.setTickUnit(mainX.getTickUnit());
        xAxis.setTickLabelFormatter(mainX.getTickLabelFormatter());
        xAxis.setLabel(mainX.getLabel());
    }

    /** Pads each chart by the other's y axis width so the two plot areas coincide; call before laying out the stack. */
    void alignPlotAreas() {
        double lw = Math.ceil(mainY.getWidth());
        double rw = Math.ceil(yAxis.getWidth());
        Insets mainPad = new Insets(CHART_PADDING, CHART_PADDING + rw, CHART_PADDING, CHART_PADDING);
        Insets rightPad = new Insets(CHART_PADDING, CHART_PADDING, CHART_PADDING, CHART_PADDING + lw);
        if (!mainPad.equals(main.getPadding())) main.setPadding(mainPad);
        if (!rightPad.equals(chart.getPadding())) chart.setPadding(rightPad);
    }
}
