package classlab.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Element-wise comparison of numbers from two implementations, with a tolerance relative to values above 1. */
public final class Close {
    private Close() {
    }

    /** |expected − actual| ≤ tol · max(1, |expected|) for every element. */
    public static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    /** {@link #assertClose(double[], double[], double, String)} row by row. */
    public static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) assertClose(expected[i], actual[i], tol, what + "[" + i + "]");
    }
}
