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

    /**
     * Decimation keeps, per column, the lowest and the highest point: every spike of a noisy loss
     * survives (a stride of 25 would have dropped 24 of 25), the first and the last point stay, and
     * at most about two points per column are drawn.
     */
    @Test
    void decimationKeepsEachColumnsLowestAndHighestPoint() {
        int n = 50_000, columns = 500;
        double[][] xy = new double[2][n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < n; i++) { xy[0][i] = i + 1; xy[1][i] = 1.0 / Math.sqrt(i + 1) + 0.01 * r.nextDouble(); }
        for (int spike = 777; spike < n; spike += 4_999) xy[1][spike] = 5;   // one-iteration spikes
        SeriesThinning.Points p = SeriesThinning.decimate(xy, null, false, columns, 2000);
        assertTrue(p.size() <= 2 * columns + 4, "drawn " + p.size());
        assertEquals(1, p.xs()[0], 0);
        assertEquals(n, p.xs()[p.size() - 1], 0);
        for (int spike = 777; spike < n; spike += 4_999) {
            final double x = spike + 1;
            assertTrue(java.util.Arrays.stream(p.xs()).anyMatch(v -> v == x), "spike at " + x + " kept");
        }
        // Per column of width 128 (the power of two >= 50,000 / 500): kept min and max = the data's.
        double width = 128;
        for (int c = 0; c * width < n; c++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, keptLo = lo, keptHi = hi;
            for (int i = 0; i < n; i++) if (Math.floor((xy[0][i] - 1) / width) == c) { lo = Math.min(lo, xy[1][i]); hi = Math.max(hi, xy[1][i]); }
            for (int k = 0; k < p.size(); k++) if (Math.floor((p.xs()[k] - 1) / width) == c) { keptLo = Math.min(keptLo, p.ys()[k]); keptHi = Math.max(keptHi, p.ys()[k]); }
            assertEquals(lo, keptLo, 0, "column " + c);
            assertEquals(hi, keptHi, 0, "column " + c);
        }
    }

    /** A growing live curve keeps what it drew: only the last column's points change until the span doubles. */
    @Test
    void decimationOfAGrowingCurveKeepsItsDrawnPart() {
        double[][] all = new double[2][12_000];
        for (int i = 0; i < all[0].length; i++) { all[0][i] = i; all[1][i] = Math.sin(i / 37.0) + i % 7; }
        SeriesThinning.Points before = SeriesThinning.decimate(prefix(all, 10_000), null, false, 300, 2000);
        SeriesThinning.Points after = SeriesThinning.decimate(prefix(all, 12_000), null, false, 300, 2000);
        int same = 0;
        while (same < before.size() && before.xs()[same] == after.xs()[same]) same++;
        assertTrue(same >= before.size() - 3, "kept " + same + " of " + before.size());
    }

    @Test
    void decimationFallsBackToAStrideWhereXGoesBack() {
        int n = 5_000;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) { xy[0][i] = Math.cos(i / 100.0); xy[1][i] = Math.sin(i / 100.0); }
        SeriesThinning.Points p = SeriesThinning.decimate(xy, null, false, 100, 2000);
        assertEquals(SeriesThinning.thin(xy, null, false, 2000).size(), p.size());
        assertEquals(30, SeriesThinning.decimate(prefix(xy, 30), null, false, 100, 2000).size(), "short series whole");
    }

    private static double[][] prefix(double[][] xy, int n) {
        return new double[][] {java.util.Arrays.copyOf(xy[0], n), java.util.Arrays.copyOf(xy[1], n)};
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
