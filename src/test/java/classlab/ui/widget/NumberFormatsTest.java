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
        assertEquals("42", NumberFormats.tableCell(42));
        assertEquals("1.000e-04", NumberFormats.tableCell(1e-4));
        assertEquals("1.170e-02", NumberFormats.tableCell(0.0117, true), "in a column that needs exponents");
        assertEquals("42", NumberFormats.tableCell(42, true));
        assertEquals("—", NumberFormats.tableCell(Double.NaN, true));
    }

    /** Trial report 3, item 19: AUC bar labels read "1" beside "0.9918". */
    @Test
    void valuesSideBySideGetTheSameDecimals() {
        assertEquals(java.util.List.of("1.0000", "0.9918", "0.9500"), NumberFormats.alike(new double[] {1, 0.9918, 0.95}));
        assertEquals(java.util.List.of("12", "3"), NumberFormats.alike(new double[] {12, 3}), "whole numbers stay whole");
        assertEquals(java.util.List.of("2.12e-5", "0.0117"), NumberFormats.alike(new double[] {2.12e-5, 0.0117}),
                "a value written with an exponent keeps it");
    }
}
