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
    }
}
