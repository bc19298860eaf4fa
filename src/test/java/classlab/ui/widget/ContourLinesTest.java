package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.ScalarField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContourLinesTest {
    @Test
    void aLinearFieldGivesAStraightLineAtTheInterpolatedPosition() {
        // f(x, y) = x on a 5 × 3 grid over [0, 1] × [0, 1]; level 0.3 lies between x = 0.25 and 0.5.
        ScalarField f = ScalarField.sample((x, y) -> x, 0, 1, 5, 0, 1, 3, new double[] {0.3}, ScalarField.Rendering.CONTOURS);
        List<double[]> segs = ContourLines.segments(f, 0.3);
        assertEquals(2, segs.size(), "one segment per cell row");
        for (double[] s : segs) {
            assertEquals(0.3, s[0], 1e-12);
            assertEquals(0.3, s[2], 1e-12);
        }
    }

    @Test
    void circlesOfTheBowlHaveTheLevelRadius() {
        // f = x² + y², level 1: every end point lies on the unit circle up to the chord error of a 0.05 grid.
        ScalarField f = ScalarField.sample((x, y) -> x * x + y * y, -2, 2, 81, -2, 2, 81, new double[] {1}, ScalarField.Rendering.CONTOURS);
        List<double[]> segs = ContourLines.segments(f, 1);
        assertTrue(segs.size() > 60, "closed curve in many pieces: " + segs.size());
        double length = 0;
        for (double[] s : segs) {
            assertEquals(1, Math.hypot(s[0], s[1]), 2e-3);
            assertEquals(1, Math.hypot(s[2], s[3]), 2e-3);
            length += Math.hypot(s[2] - s[0], s[3] - s[1]);
        }
        assertEquals(2 * Math.PI, length, 0.01, "total length is the circumference");
    }

    @Test
    void saddleCellsAreSplitByTheCentreValueAndHolesAreSkipped() {
        // One cell with corners 1, 0 / 0, 1 (diagonal saddle): level 0.5 crosses all four edges.
        double[][] v = {{1, 0}, {0, 1}};
        ScalarField f = new ScalarField(new double[] {0, 1}, new double[] {0, 1}, v, new double[] {0.5}, ScalarField.Rendering.CONTOURS);
        List<double[]> segs = ContourLines.segments(f, 0.5);
        assertEquals(2, segs.size());
        double[][] holed = {{1, Double.NaN}, {0, 1}};
        assertEquals(0, ContourLines.segments(new ScalarField(new double[] {0, 1}, new double[] {0, 1}, holed,
                new double[] {0.5}, ScalarField.Rendering.CONTOURS), 0.5).size());
    }
}
