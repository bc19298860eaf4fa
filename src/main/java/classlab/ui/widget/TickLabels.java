package classlab.ui.widget;

import java.util.function.DoubleFunction;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/** Applies {@link AxisScale} ranges and tick labels to JavaFX number axes. */
final class TickLabels {
    private TickLabels() { }

    /** A tick label formatter from a function of the tick value (display only: never parsed back). */
    static StringConverter<Number> formatter(DoubleFunction<String> label) {
        return new StringConverter<>() {
            @Override public String toString(Number n) { return label.apply(n.doubleValue()); }
            @Override public Number fromString(String s) { return Double.valueOf(s); }
        };
    }

    /** Sets bounds, tick unit, minor ticks (linear only) and labels ({@link AxisScale#tickLabel}). */
    static void apply(NumberAxis axis, AxisScale.Range r) {
        axis.setLowerBound(r.low());
        axis.setUpperBound(r.high());
        axis.setTickUnit(r.step());
        axis.setMinorTickVisible(!r.log());
        axis.setTickLabelFormatter(r.log() ? formatter(v -> AxisScale.tickLabel(v, r)) : LINEAR);
    }

    private static final StringConverter<Number> LINEAR = formatter(v -> AxisScale.tickLabel(v, false));
}
