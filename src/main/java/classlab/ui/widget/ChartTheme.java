package classlab.ui.widget;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Colours and sizes for the Canvas-drawn views (histograms, grids), which CSS cannot reach.
 * The values mirror the looked-up colours of {@code /styles/charts.css}; keep the two in sync.
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

    public static final ChartTheme LIGHT = new ChartTheme(
            Color.web("#ffffff"), Color.web("#222222"), Color.web("#e3e3e3"),
            colors("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#B8A800"),
            2, 12);

    public static final ChartTheme DARK = new ChartTheme(
            Color.web("#1e1f22"), Color.web("#dcdcdc"), Color.web("#3a3d42"),
            colors("#56B4E9", "#E69F00", "#2DC08D", "#F0E442", "#FF7A3D", "#E08BBE", "#6FA8FF", "#E0E0E0"),
            2, 12);

    /** Projector: light background, black text, thick lines, large type. */
    public static final ChartTheme PRESENTATION = new ChartTheme(
            Color.web("#ffffff"), Color.web("#000000"), Color.web("#c8c8c8"),
            colors("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#B8A800"),
            4, 20);

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

    private static List<Color> colors(String... web) {
        return java.util.Arrays.stream(web).map(Color::web).toList();
    }
}
