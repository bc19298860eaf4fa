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
            if (fixedMin != null || fixedMax != null) step = stepOnFixedBounds(fixedMin != null ? lo : null, fixedMax != null ? hi : null, step, hi - lo, ticks);
            if (fixedMin == null) lo = Math.floor(lo / step + 1e-9) * step;
            if (fixedMax == null) hi = Math.ceil(hi / step - 1e-9) * step;
        }
        return new Range(lo, hi, step, log);
    }

    /**
     * A tick step on which the fixed bounds lie: an axis counts its ticks from its lower bound, so a
     * fixed 0.3 … 1 with step 0.2 read 0.3, 0.5, 0.7, 0.9, 1 (trial report 3, item 19). Tries
     * {@code step} and the next finer 1-2-5 steps (at most {@code 2 × ticks} intervals); keeps
     * {@code step} if none fits.
     */
    private static double stepOnFixedBounds(Double low, Double high, double step, double span, int ticks) {
        for (double s = step; span / s <= 2 * ticks + 1e-9; s = finer(s)) {
            if ((low == null || onStep(low, s)) && (high == null || onStep(high, s))) return s;
        }
        return step;
    }

    /** The next finer 1-2-5 step: 0.5 → 0.2 → 0.1 → 0.05. */
    private static double finer(double step) {
        double mag = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        long m = Math.round(step / mag);
        return m >= 5 ? 2 * mag : m >= 2 ? mag : mag / 2;
    }

    private static boolean onStep(double v, double step) {
        double k = v / step;
        return Math.abs(k - Math.rint(k)) < 1e-6;
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
     * Equal-aspect ranges whose both ends are labelled ticks (matplotlib's {@code set_aspect('equal')}
     * with whole-tick limits): each axis takes the smallest range of whole tick steps that covers its
     * data, at the scale the tighter of the two needs in the plot area; then the other axis is given
     * as many more whole steps as the area holds at that scale, evenly on both sides ({@link #grow}).
     * What is left of the area in that direction is not plotted: the plot box shrinks by less than
     * two tick steps instead of ending between ticks. Steps come from the
     * centred {@link #equalAspect} window (about {@code xTicks}/{@code yTicks} ticks).
     *
     * @param width  plot area width in pixels
     * @param height plot area height in pixels
     * @param grow   whether the looser axis gets more steps to fill the area; without, both keep the steps
     *               covering their ranges and the plot box shrinks to them (a figure clipped to its ranges)
     * @return {@code {xLow, xHigh, yLow, yHigh, xStep, yStep, plotWidth, plotHeight}} with
     *         plotWidth &le; width and plotHeight &le; height; the input ranges, nice steps and the
     *         given size if a size or a range is not positive
     */
    static double[] equalAspectOnTicks(double xLow, double xHigh, double yLow, double yHigh, double width, double height,
                                       int xTicks, int yTicks, boolean grow) {
        double[] r = equalAspect(xLow, xHigh, yLow, yHigh, width, height);
        double xStep = NumberFormats.niceStep(r[1] - r[0], xTicks), yStep = NumberFormats.niceStep(r[3] - r[2], yTicks);
        if (!(width > 0 && height > 0 && xHigh > xLow && yHigh > yLow)) {
            return new double[] {xLow, xHigh, yLow, yHigh, xStep, yStep, width, height};
        }
        double[] x = covering(xLow, xHigh, xStep), y = covering(yLow, yHigh, yStep);
        double unitsPerPixel = Math.max((x[1] - x[0]) / width, (y[1] - y[0]) / height);
        if (grow) {
            grow(x, xStep, unitsPerPixel * width, xLow, xHigh);
            grow(y, yStep, unitsPerPixel * height, yLow, yHigh);
        }
        return new double[] {x[0], x[1], y[0], y[1], xStep, yStep,
                Math.min(width, (x[1] - x[0]) / unitsPerPixel), Math.min(height, (y[1] - y[0]) / unitsPerPixel)};
    }

    /** The smallest {@code {low, high}} on multiples of {@code step} that covers {@code [low, high]}. */
    private static double[] covering(double low, double high, double step) {
        return new double[] {Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step};
    }

    /**
     * Adds whole steps to {@code range} while its span stays within {@code span}: the same number on
     * both sides, and an odd one on the side nearer the data only if that centres the data better.
     */
    private static void grow(double[] range, double step, double span, double low, double high) {
        int n = (int) Math.floor((span - (range[1] - range[0])) / step + 1e-9);
        if (n <= 0) return;
        range[0] -= (n / 2) * step;
        range[1] += (n / 2) * step;
        if (n % 2 == 1) {
            double below = low - range[0], above = range[1] - high;
            if (below < above - 1e-9 * step) range[0] -= step;
            else if (above < below - 1e-9 * step) range[1] += step;
        }
    }
}
