package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberFormatsTest {
    @Test
    void tableCellsShowUndefinedValuesAsADashAndNumbersWithFourDecimals() {
        assertEquals("—", NumberFormats.tableCell(Double.NaN));
        assertEquals("∞", NumberFormats.tableCell(Double.POSITIVE_INFINITY));
        assertEquals("−∞", NumberFormats.tableCell(Double.NEGATIVE_INFINITY));
        assertEquals("0.9120", NumberFormats.tableCell(0.912));
        // trial 5, item 33: parameter counts read "203,530", not "203530"; a seed or 2000 images stay as typed
        assertEquals("203,530", NumberFormats.tableCell(203530L));
        assertEquals("93,962", NumberFormats.tableCell(93962));
        assertEquals("4321", NumberFormats.tableCell(4321));
        assertEquals("-12,000", NumberFormats.tableCell(-12000));
        assertEquals("42", NumberFormats.tableCell(42));
        assertEquals("1.000e-04", NumberFormats.tableCell(1e-4));
        assertEquals("1.170e-02", NumberFormats.tableCell(0.0117, true), "in a column that needs exponents");
        assertEquals("42", NumberFormats.tableCell(42, true));
        assertEquals("—", NumberFormats.tableCell(Double.NaN, true));
        // a decimal rounded by the lesson keeps its decimals (the race's -0.0007 read "-7.000e-04", trial 8);
        // one too large for them (a diverged SGD's f) reads in scientific form
        assertEquals("-0.0007", NumberFormats.tableCell(new java.math.BigDecimal("-0.0007")));
        assertEquals("0.0000", NumberFormats.tableCell(java.math.BigDecimal.valueOf(1e-17).setScale(4, java.math.RoundingMode.HALF_EVEN)));
        assertEquals("3906250.0000", NumberFormats.tableCell(new java.math.BigDecimal("3906250.0000")));
        assertEquals("1.526e+13", NumberFormats.tableCell(new java.math.BigDecimal("15258789062500.0040")));
    }

    /** Trial report 3, item 19: AUC bar labels read "1" beside "0.9918". */
    @Test
    void valuesSideBySideGetTheSameDecimals() {
        assertEquals(java.util.List.of("1.0000", "0.9918", "0.9500"), NumberFormats.alike(new double[] {1, 0.9918, 0.95}));
        assertEquals(java.util.List.of("12", "3"), NumberFormats.alike(new double[] {12, 3}), "whole numbers stay whole");
        assertEquals(java.util.List.of("2.12e-5", "0.01170"), NumberFormats.alike(new double[] {2.12e-5, 0.0117}),
                "a value written with an exponent keeps it");
        // trial 4, item 14: 5-3's gradient bars read "0.0002116" beside "0.0071461" (padded to 7 decimals)
        assertEquals(java.util.List.of("0.0002116", "0.0001842", "0.007146"), NumberFormats.alike(new double[] {2.1158e-4, 1.8421e-4, 7.14613e-3}));
        assertEquals(java.util.List.of("0.011693", "0.007299", "0.063882"), NumberFormats.alike(new double[] {0.011693, 0.0072991, 0.063882}),
                "less than ten times apart: the same decimals, as before");
        assertEquals(java.util.List.of("1.000", "0.05000"), NumberFormats.alike(new double[] {1, 0.05}), "4 digits each, zeros kept");
        assertEquals(java.util.List.of("120", "3"), NumberFormats.alike(new double[] {120, 3}), "counts stay whole");
    }
}
