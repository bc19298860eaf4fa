package classlab.ui.widget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Number formatting and tick arithmetic shared by the views (locale-independent: '.' decimals). */
public final class NumberFormats {
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private NumberFormats() { }

    /**
     * Table cell text: integer types without decimals, other numbers with 4 decimals, or with
     * 4 significant digits in scientific form when that would hide a small or huge value; NaN (undefined)
     * as a dash, infinities as ∞.
     */
    static String tableCell(Object value) { return tableCell(value, false); }

    /**
     * {@link #tableCell(Object)}, or with {@code scientific} every finite non-integer number in
     * scientific form ("1.170e-02"): for a column in which some value needs it, so the column does not
     * read "2.116e-04" beside "0.0117" (trial report 3, item 19).
     */
    static String tableCell(Object value, boolean scientific) {
        if (value == null) return "";
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            // counts of five digits or more get thousands separators ("203,530" parameters; trial 5, item 33),
            // shorter ones (a seed, 2000 images) stay as typed
            BigInteger n = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
            return n.abs().compareTo(BigInteger.valueOf(10_000)) >= 0 ? String.format(Locale.ROOT, "%,d", n) : n.toString();
        }
        if (value instanceof Number) {
            double v = ((Number) value).doubleValue();
            // An undefined value (an AUC of a class absent from the test split) is a dash, in every language;
            // the row's label or the run's notes say why.
            if (Double.isNaN(v)) return "—";
            if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
            // A decimal keeps the decimals it was rounded to (the optimizer race's positions: 0.0007, not
            // 7.000e-04); only one too large for them reads in scientific form.
            if (value instanceof BigDecimal d) return Math.abs(v) >= 1e7 ? String.format(Locale.ROOT, "%.3e", v) : d.toPlainString();
            if (scientific || needsExponent(v)) return String.format(Locale.ROOT, "%.3e", v);
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return value.toString();
    }

    /** Whether {@link #tableCell(Object)} writes this value in scientific form (too small or too large for 4 decimals). */
    static boolean needsExponent(double v) {
        double a = Math.abs(v);
        return Double.isFinite(v) && a != 0 && (a < 1e-3 || a >= 1e7);
    }

    /** Short text for a value on a tick or in a tooltip: at most 4 significant digits, no trailing zeros. */
    static String compact(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) return String.format(Locale.ROOT, "%.3g", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        String s = new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * {@link #compact} texts of values shown side by side (the value labels of one bar chart), all with
     * the same number of decimals: "1.0000" beside "0.9918", not "1" (trial report 3, item 19); values
     * ten times apart or more (gradients per layer) each with 4 significant digits instead. Values
     * that compact writes with an exponent keep their own text.
     */
    static java.util.List<String> alike(double[] values) {
        double smallest = Double.POSITIVE_INFINITY, largest = 0;
        boolean whole = true;
        for (double v : values) {
            if (!Double.isFinite(v) || v == 0) continue;
            smallest = Math.min(smallest, Math.abs(v));
            largest = Math.max(largest, Math.abs(v));
            whole &= v == Math.rint(v);
        }
        if (!whole && largest >= 10 * smallest) return sameDigits(values);
        int decimals = 0;
        for (double v : values) {
            String c = compact(v);
            int dot = c.indexOf('.');
            if (dot >= 0 && c.indexOf('e') < 0) decimals = Math.max(decimals, c.length() - dot - 1);
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (double v : values) {
            String c = compact(v);
            texts.add(!Double.isFinite(v) || c.indexOf('e') >= 0 ? c : String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        return texts;
    }

    /**
     * Values an order of magnitude or more apart, each with 4 significant digits (trailing zeros kept):
     * "0.0002116" beside "0.007146", not "0.0071461" padded to the decimals of the smallest (trial 4,
     * item 14). Values that {@link #compact} writes with an exponent keep that text.
     */
    private static java.util.List<String> sameDigits(double[] values) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (double v : values) {
            String c = compact(v);
            if (!Double.isFinite(v) || v == 0 || c.indexOf('e') >= 0) {
                texts.add(c);
                continue;
            }
            BigDecimal rounded = new BigDecimal(v).round(new java.math.MathContext(4));
            int scale = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(rounded.doubleValue()))));
            texts.add(rounded.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        return texts;
    }

    /** "10⁻³" for exponent -3. */
    static String powerOfTen(int exponent) {
        StringBuilder sb = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(exponent));
        if (exponent < 0) sb.append('⁻');
        for (char c : digits.toCharArray()) sb.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        return sb.toString();
    }

    /** A 1-2-5 step giving about {@code targetTicks} intervals over {@code span}. */
    public static double niceStep(double span, int targetTicks) {
        if (!(span > 0) || !Double.isFinite(span)) return 1;
        double raw = span / Math.max(1, targetTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}
