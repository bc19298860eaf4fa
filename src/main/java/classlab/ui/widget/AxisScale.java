package classlab.ui.widget;

/**
 * Axis range, tick and log-scale arithmetic shared by the line and bar chart views; pure, no
 * JavaFX, so it is unit-tested directly. Log axes plot log10 of the data on a linear axis and label
 * its ticks 10^k.
 */
final class AxisScale {
    /**
     * Bounds and tick unit of an axis, in plotted units (log10 of the data on a log axis).
     * @param low  lower bound
     * @param high upper bound (> low)
     * @param step tick unit
     * @param log  whether values are log10 of the data
     */
    record Range(double low, double high, double step, boolean log) { }

    private AxisScale() { }

    /** The value plotted for {@code y}: y itself, or log10 y on a log axis (NaN for y &le; 0). */
    static double toPlot(double y, boolean log) {
        if (!log) return y;
        return y > 0 ? Math.log10(y) : Double.NaN;
    }

    /**
     * Bounds and ticks for data spanning {@code dataLow … dataHigh} (plotted units; infinite when there
     * is no data): fixed bounds from the figure where given (data units) and not exceeded by the
     * data, since a fixed range (the notebook's ylim) must not hide data; otherwise the data range
     * widened to whole ticks, whole decades on a log axis (quarter decades when it spans one decade
     * or less). An empty range gets a small pad.
     */
    static Range fit(double dataLow, double dataHigh, Double fixedMin, Double fixedMax, boolean log, int ticks) {
        if (fixedMin != null && Double.isFinite(dataLow) && dataLow < toPlot(fixedMin, log)) fixedMin = null;
        if (fixedMax != null && Double.isFinite(dataHigh) && dataHigh > toPlot(fixedMax, log)) fixedMax = null;
        double lo = fixedMin != null ? toPlot(fixedMin, log) : dataLow;
        double hi = fixedMax != null ? toPlot(fixedMax, log) : dataHigh;
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
            step = hi - lo <= 1 ? 0.25 : Math.max(1, Math.ceil((hi - lo) / ticks));
        } else {
            step = NumberFormats.niceStep(hi - lo, ticks);
            if (fixedMin == null) lo = Math.floor(lo / step + 1e-9) * step;
            if (fixedMax == null) hi = Math.ceil(hi / step - 1e-9) * step;
        }
        return new Range(lo, hi, step, log);
    }

    /**
     * Label of a tick at plotted value {@code v}: compact decimal on a linear axis; on a log axis
     * 10^k for whole k and two significant digits between (quarter decades: 0.0018, 0.0032, 0.0056).
     */
    static String tickLabel(double v, boolean log) {
        if (!log) return NumberFormats.compact(v);
        long k = Math.round(v);
        if (Math.abs(v - k) < 1e-9) return NumberFormats.powerOfTen((int) k);
        return new java.math.BigDecimal(Math.pow(10, v)).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /**
     * Labels of one axis in one notation: an axis with ticks between decades (step below 1) writes
     * every tick as a decimal (1, 0.56, 0.32, 0.18, 0.1), an axis of whole decades every tick as 10^k.
     */
    static String tickLabel(double v, Range r) {
        if (r.log() && r.step() < 1) {
            return new java.math.BigDecimal(Math.pow(10, v)).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        }
        return tickLabel(v, r.log());
    }

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
     * start at a labelled tick (JavaFX's NumberAxis counts ticks from the lower bound). Each centred
     * equal-aspect window is moved to the tick nearest its lower end when it then still covers the
     * input range; otherwise both windows start at the tick below and the axis with smaller units is
     * extended at its upper end until the scales match again.
     *
     * @return {@code {xLow, xHigh, yLow, yHigh, xStep, yStep}}; the input with steps for its spans
     *         if a size or a range is not positive
     */
    static double[] equalAspectOnTicks(double xLow, double xHigh, double yLow, double yHigh, double width, double height,
                                       int xTicks, int yTicks) {
        double[] r = equalAspect(xLow, xHigh, yLow, yHigh, width, height);
        double xStep = NumberFormats.niceStep(r[1] - r[0], xTicks), yStep = NumberFormats.niceStep(r[3] - r[2], yTicks);
        if (!(width > 0 && height > 0 && r[1] > r[0] && r[3] > r[2])) return new double[] {r[0], r[1], r[2], r[3], xStep, yStep};
        double xw = r[1] - r[0], yw = r[3] - r[2];
        double x0 = nearestCoveringTick(r[0], xw, xLow, xHigh, xStep), y0 = nearestCoveringTick(r[2], yw, yLow, yHigh, yStep);
        if (Double.isFinite(x0) && Double.isFinite(y0)) return new double[] {x0, x0 + xw, y0, y0 + yw, xStep, yStep};
        x0 = Math.floor(r[0] / xStep + 1e-9) * xStep;
        y0 = Math.floor(r[2] / yStep + 1e-9) * yStep;
        double unitsPerPixel = Math.max((r[1] - x0) / width, (r[3] - y0) / height);
        return new double[] {x0, x0 + unitsPerPixel * width, y0, y0 + unitsPerPixel * height, xStep, yStep};
    }

    /** The multiple of {@code step} nearest to {@code start} from which a window of {@code span} covers {@code [low, high]}, or NaN. */
    private static double nearestCoveringTick(double start, double span, double low, double high, double step) {
        double below = Math.floor(start / step + 1e-9) * step, above = below + step;
        double best = Double.NaN;
        for (double t : new double[] {below, above}) {
            boolean covers = t <= low + 1e-9 * span && t + span >= high - 1e-9 * span;
            if (covers && (Double.isNaN(best) || Math.abs(t - start) < Math.abs(best - start))) best = t;
        }
        return best;
    }
}
