package classlab.ui.widget;

/**
 * Axis range arithmetic shared by the chart views; pure, no JavaFX, so it is unit-tested directly.
 */
final class AxisScale {
    private AxisScale() { }

    /**
     * Widens the x or the y range around its centre so that one data unit spans as many pixels on
     * both axes (matplotlib's {@code ax.set_aspect('equal', adjustable='datalim')}): the axis whose
     * units are smaller on screen is widened, the other is kept.
     *
     * @param width  plot area width in pixels
     * @param height plot area height in pixels
     * @return {@code {xLow, xHigh, yLow, yHigh}}; the input unchanged if a size or a range is not positive
     */
    static double[] equalAspect(double xLow, double xHigh, double yLow, double yHigh, double width, double height) {
        double xSpan = xHigh - xLow, ySpan = yHigh - yLow;
        if (!(width > 0 && height > 0 && xSpan > 0 && ySpan > 0)) return new double[] {xLow, xHigh, yLow, yHigh};
        double unitsPerPixel = Math.max(xSpan / width, ySpan / height);
        double xc = (xLow + xHigh) / 2, yc = (yLow + yHigh) / 2;
        double halfX = unitsPerPixel * width / 2, halfY = unitsPerPixel * height / 2;
        return new double[] {xc - halfX, xc + halfX, yc - halfY, yc + halfY};
    }

    /**
     * {@link #equalAspect} whose lower bounds are whole multiples of nice tick steps, so both axes
     * start at a labelled tick (JavaFX's NumberAxis counts ticks from the lower bound): the centred
     * equal-aspect ranges are extended down to a tick, then the upper end of the axis with smaller
     * units is extended until the scales match again. Covers at least the input ranges.
     *
     * @return {@code {xLow, xHigh, yLow, yHigh, xStep, yStep}}; the input with steps for its spans
     *         if a size or a range is not positive
     */
    static double[] equalAspectOnTicks(double xLow, double xHigh, double yLow, double yHigh, double width, double height,
                                       int xTicks, int yTicks) {
        double[] r = equalAspect(xLow, xHigh, yLow, yHigh, width, height);
        double xStep = NumberFormats.niceStep(r[1] - r[0], xTicks), yStep = NumberFormats.niceStep(r[3] - r[2], yTicks);
        if (!(width > 0 && height > 0 && r[1] > r[0] && r[3] > r[2])) return new double[] {r[0], r[1], r[2], r[3], xStep, yStep};
        double x0 = Math.floor(r[0] / xStep + 1e-9) * xStep, y0 = Math.floor(r[2] / yStep + 1e-9) * yStep;
        double unitsPerPixel = Math.max((r[1] - x0) / width, (r[3] - y0) / height);
        return new double[] {x0, x0 + unitsPerPixel * width, y0, y0 + unitsPerPixel * height, xStep, yStep};
    }
}
