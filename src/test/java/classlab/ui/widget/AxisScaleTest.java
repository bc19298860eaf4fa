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
    void equalAspectOnTicksStartsBothAxesAtATick() {
        // x -10…10 over 400 px, y -5…5 over 100 px: centred x is -20…20 (step 5), y -5…5 (step 2 -> starts at -6).
        double[] r = AxisScale.equalAspectOnTicks(-10, 10, -5, 5, 400, 100, 8, 6);
        assertArrayEquals(new double[] {-20, 5, -6, 2}, new double[] {r[0], r[4], r[2], r[5]}, 1e-12);
        assertEquals((r[1] - r[0]) / 400, (r[3] - r[2]) / 100, 1e-12);
        assertTrue(r[1] >= 10 && r[3] >= 5, "input ranges still covered");
    }
}
