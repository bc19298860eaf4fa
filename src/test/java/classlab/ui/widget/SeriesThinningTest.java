package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesThinningTest {
    @Test
    void longSeriesAreStridedKeepingTheLastPoint() {
        int n = 10_001;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) { xy[0][i] = i; xy[1][i] = 1.0 / (i + 1); }
        SeriesThinning.Points p = SeriesThinning.thin(xy, null, false, 2000);
        // Stride ceil(10001 / 2000) = 6: indices 0, 6, …, 9996 (1,667 points) and the last, 10000.
        assertEquals(1668, p.size());
        assertEquals(6, p.xs()[1], 0);
        assertEquals(10_000, p.xs()[p.size() - 1], 0);
        assertTrue(p.notes() == null);
    }

    @Test
    void nonFiniteAndNonPositiveOnLogAreDroppedWithTheirNotes() {
        double[][] xy = {{0, 1, 2, 3, Double.NaN}, {10, 0, -1, 0.01, 5}};
        String[] notes = {"a", "b", "c", "d", "e"};
        SeriesThinning.Points log = SeriesThinning.thin(xy, notes, true, 100);
        assertArrayEquals(new double[] {0, 3}, log.xs(), 0);
        assertArrayEquals(new double[] {10, 0.01}, log.ys(), 0);
        assertArrayEquals(new double[] {1, -2}, log.plotYs(), 1e-12);
        assertArrayEquals(new String[] {"a", "d"}, log.notes());
        assertEquals(4, SeriesThinning.thin(xy, notes, false, 100).size(), "linear keeps 0 and -1");
    }

    @Test
    void coincidentCurvesAgreeWithinAThousandthOfTheirSpan() {
        double[][] a = {{1, 2, 3}, {0.0, 0.5, 1.0}};
        double[][] same = {{1, 2, 3}, {0.0, 0.5 + 1e-7, 1.0}};
        double[][] apart = {{1, 2, 3}, {0.0, 0.51, 1.0}};
        double[][] shifted = {{1, 2, 4}, {0.0, 0.5, 1.0}};
        SeriesThinning.Points pa = SeriesThinning.thin(a, null, false, 10);
        assertTrue(SeriesThinning.coincident(pa, SeriesThinning.thin(same, null, false, 10)));
        assertFalse(SeriesThinning.coincident(pa, SeriesThinning.thin(apart, null, false, 10)));
        assertFalse(SeriesThinning.coincident(pa, SeriesThinning.thin(shifted, null, false, 10)));
    }
}
