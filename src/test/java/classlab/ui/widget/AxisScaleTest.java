package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisScaleTest {
    @Test
    void equalAspectWidensTheAxisWithSmallerUnits() {
        // x -10…10 over 400 px = 0.05/px; y -5…5 over 100 px = 0.1/px: x widens to 0.1/px = 40 units.
        assertArrayEquals(new double[] {-20, 20, -5, 5}, AxisScale.equalAspect(-10, 10, -5, 5, 400, 100), 1e-12);
        // y widens around its centre 1: 0.05/px × 300 px = 15 units.
        assertArrayEquals(new double[] {-10, 10, -6.5, 8.5}, AxisScale.equalAspect(-10, 10, -1, 3, 400, 300), 1e-12);
        // Already equal: unchanged.
        assertArrayEquals(new double[] {0, 4, 0, 2}, AxisScale.equalAspect(0, 4, 0, 2, 200, 100), 1e-12);
        // No layout yet: unchanged.
        assertArrayEquals(new double[] {0, 4, 0, 1}, AxisScale.equalAspect(0, 4, 0, 1, 0, 0), 0);
    }

    @Test
    void equalAspectOnTicksStartsAndEndsBothAxesAtALabelledTick() {
        // x -10…10 over 400 px, y -4…4 over 100 px: steps 5 and 2 (from the centred -16…16 and -4…4).
        // y needs 0.08 units/px; at that scale x holds 32 units: two more steps of 5 around -10…10, -15…15,
        // so the plot box is 30 / 0.08 = 375 px wide instead of ending at 17 between ticks (the scratch lesson's contour).
        double[] r = AxisScale.equalAspectOnTicks(-10, 10, -4, 4, 400, 100, 8, 6, true);
        assertArrayEquals(new double[] {-15, 15, -4, 4, 5, 2, 375, 100}, r, 1e-9);
        // y -5…5: covered by -6…6 (step 2), which sets the scale (0.12/px); x holds 48 units: -20…20 at 333 px.
        double[] f = AxisScale.equalAspectOnTicks(-10, 10, -5, 5, 400, 100, 8, 6, true);
        assertArrayEquals(new double[] {-20, 20, -6, 6, 5, 2}, java.util.Arrays.copyOf(f, 6), 1e-9);
        for (double[] q : new double[][] {r, f}) {
            assertEquals((q[1] - q[0]) / q[6], (q[3] - q[2]) / q[7], 1e-12, "one unit spans as many pixels on both axes");
            for (int i = 0; i < 4; i++) {
                double step = q[4 + i / 2], k = q[i] / step;
                assertEquals(Math.rint(k), k, 1e-9, "every end is a whole tick");
            }
        }
        // Data off the ticks (0.3…9.7 × 0…2.5, 300×300 px): ends still on ticks, the data covered.
        double[] o = AxisScale.equalAspectOnTicks(0.3, 9.7, 0, 2.5, 300, 300, 8, 6, true);
        assertTrue(o[0] <= 0.3 && o[1] >= 9.7 && o[2] <= 0 && o[3] >= 2.5, java.util.Arrays.toString(o));
        assertTrue(o[6] <= 300 && o[7] <= 300 && (o[6] == 300 || o[7] == 300), "one axis fills its side: " + java.util.Arrays.toString(o));
        // Without growing (a figure clipped to its ranges: the optimizer race), x keeps -10…10 and the box
        // narrows to 20 / 0.08 = 250 px instead of showing -15…15 beside a contour plot that ends at ±10.
        double[] kept = AxisScale.equalAspectOnTicks(-10, 10, -4, 4, 400, 100, 8, 6, false);
        assertArrayEquals(new double[] {-10, 10, -4, 4, 5, 2, 250, 100}, kept, 1e-9);
    }

    @Test
    void linearRangeWidensToWholeTicks() {
        // 0.13 … 0.87 over ~6 ticks: step 0.2 (1-2-5), bounds 0 … 1.
        AxisScale.Range r = AxisScale.fit(0.13, 0.87, null, null, false, 6);
        assertArrayEquals(new double[] {0, 1, 0.2}, new double[] {r.low(), r.high(), r.step()}, 1e-12);
        // No data: 0 … 1. One value: padded by 10 % of it.
        AxisScale.Range none = AxisScale.fit(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null, null, false, 6);
        assertArrayEquals(new double[] {0, 1}, new double[] {none.low(), none.high()}, 0);
        AxisScale.Range one = AxisScale.fit(5, 5, null, null, false, 6);
        assertTrue(one.low() <= 4.5 && one.high() >= 5.5, one.toString());
    }

    @Test
    void aFixedRangeIsKeptUnlessDataLeaveIt() {
        AxisScale.Range kept = AxisScale.fit(0.2, 0.9, 0.0, 1.0, false, 6);
        assertArrayEquals(new double[] {0, 1}, new double[] {kept.low(), kept.high()}, 0);
        // The notebook's ylim(0, 1) must not hide a loss of 1.2: the upper bound follows the data.
        AxisScale.Range widened = AxisScale.fit(0.2, 1.2, 0.0, 1.0, false, 6);
        assertEquals(0, widened.low(), 0);
        assertTrue(widened.high() >= 1.2, widened.toString());
    }

    /** Trial report 3, item 19: imbalance's Macro F1 (ylim 0.3 … 1) had ticks 0.3, 0.5, 0.7, 0.9, 1. */
    @Test
    void aFixedBoundIsATickAndTheTicksAreEven() {
        AxisScale.Range f1 = AxisScale.fit(0.45, 0.92, 0.3, 1.0, false, 6);
        assertArrayEquals(new double[] {0.3, 1, 0.1}, new double[] {f1.low(), f1.high(), f1.step()}, 1e-12);
        AxisScale.Range accuracy = AxisScale.fit(0.5, 0.9, 0.5, 1.0, false, 6);
        assertEquals(0.1, accuracy.step(), 1e-12, "0.5 … 1 keeps its 1-2-5 step: " + accuracy);
        AxisScale.Range lowOnly = AxisScale.fit(0.35, 0.93, 0.3, null, false, 6);
        assertArrayEquals(new double[] {0.3, 1, 0.1}, new double[] {lowOnly.low(), lowOnly.high(), lowOnly.step()}, 1e-12);
    }

    @Test
    void logRangesAreWholeDecadesOrQuarterDecades() {
        // log10 of 0.02 … 2.7: decades 10^-2 … 10^1, one tick per decade.
        AxisScale.Range r = AxisScale.fit(Math.log10(0.02), Math.log10(2.7), null, null, true, 6);
        assertArrayEquals(new double[] {-2, 1, 1}, new double[] {r.low(), r.high(), r.step()}, 1e-12);
        assertTrue(r.log());
        // Within one decade only its two ends would be labelled: quarter decades.
        AxisScale.Range q = AxisScale.fit(Math.log10(0.0015), Math.log10(0.009), null, null, true, 6);
        assertArrayEquals(new double[] {-3, -2, 0.25}, new double[] {q.low(), q.high(), q.step()}, 1e-12);
        assertEquals("10⁻²", AxisScale.tickLabel(-2, true));
        assertEquals("0.0032", AxisScale.tickLabel(-2.5, true));
        // One notation per axis: quarter-decade axes write their decades as decimals too.
        AxisScale.Range quarters = AxisScale.fit(-0.9, -0.1, null, null, true, 6);
        assertEquals("1", AxisScale.tickLabel(0, quarters));
        assertEquals("0.56", AxisScale.tickLabel(-0.25, quarters));
        assertEquals("0.1", AxisScale.tickLabel(-1, quarters));
        assertEquals("0.25", AxisScale.tickLabel(0.25, false));
        assertTrue(Double.isNaN(AxisScale.toPlot(0, true)), "log of 0 is not drawn");
        assertEquals(-1, AxisScale.toPlot(0.1, true), 1e-12);
    }
}
