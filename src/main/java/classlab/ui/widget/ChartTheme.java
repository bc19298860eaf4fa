package classlab.ui.widget;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Colours and sizes for the Canvas-drawn views (histograms, grids), which CSS cannot reach. They
 * are read from {@code /styles/charts.css} (one palette, one set of names for the whole app), not
 * copied here.
 *
 * @param background  figure background
 * @param foreground  text, axes and tick labels
 * @param grid        grid lines and neutral cell colour
 * @param palette     series colours (8, Okabe-Ito based, distinguishable with colour-vision deficiency)
 * @param lineWidth   stroke width of data lines in pixels
 * @param fontSize    base font size in pixels
 */
public record ChartTheme(Color background, Color foreground, Color grid, List<Color> palette,
                         double lineWidth, double fontSize) {

    /** Style class the shell puts on the scene root for each theme. */
    public static final String LIGHT_CLASS = "theme-light";
    public static final String DARK_CLASS = "theme-dark";
    public static final String PRESENTATION_CLASS = "theme-presentation";

    /** Light theme (also the default); colours and sizes as {@code /styles/charts.css} gives them. */
    public static final ChartTheme LIGHT;
    public static final ChartTheme DARK;
    /** Projector: light background, black text, thick lines, large type. */
    public static final ChartTheme PRESENTATION;

    static {
        StyleSheetValues css = StyleSheetValues.load("/styles/charts.css");
        LIGHT = fromCss(css, LIGHT_CLASS);
        DARK = fromCss(css, DARK_CLASS);
        PRESENTATION = fromCss(css, PRESENTATION_CLASS);
    }

    /**
     * The theme as the stylesheet declares it for a root with {@code themeClass}: {@code -chart-bg},
     * {@code -chart-fg}, {@code -chart-grid}, {@code CHART_COLOR_1..8}, the series stroke width of
     * {@code .figure-view .chart-series-line} and the font size of {@code .figure-view}.
     */
    static ChartTheme fromCss(StyleSheetValues css, String themeClass) {
        List<Color> palette = new java.util.ArrayList<>();
        for (int i = 1; i <= PALETTE_SIZE; i++) palette.add(css.color(themeClass, "CHART_COLOR_" + i));
        return new ChartTheme(css.color(themeClass, "-chart-bg"), css.color(themeClass, "-chart-fg"),
                css.color(themeClass, "-chart-grid"), palette,
                css.size(themeClass, ".figure-view .chart-series-line", "-fx-stroke-width"),
                css.size(themeClass, ".figure-view", "-fx-font-size"));
    }

    private static final int PALETTE_SIZE = 8;

    public ChartTheme {
        if (palette == null || palette.isEmpty()) throw new IllegalArgumentException("chart theme palette must not be empty");
        palette = List.copyOf(palette);
    }

    /** The theme for one of the shell's root style classes; unknown or null gives {@link #LIGHT}. */
    public static ChartTheme forStyleClass(String styleClass) {
        if (DARK_CLASS.equals(styleClass)) return DARK;
        if (PRESENTATION_CLASS.equals(styleClass)) return PRESENTATION;
        return LIGHT;
    }

    /** Series colour {@code index}, cycling through the palette. */
    public Color seriesColor(int index) {
        return palette.get(Math.floorMod(index, palette.size()));
    }
}
