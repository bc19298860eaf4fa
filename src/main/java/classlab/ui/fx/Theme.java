package classlab.ui.fx;

import classlab.ui.widget.ChartTheme;
import classlab.ui.widget.StyleSheetValues;
import javafx.scene.paint.Color;

/**
 * The three looks of the app. Each is a style class on the scene root; colours live only in CSS
 * ({@code /styles/app.css}, {@code /styles/charts.css}) and code reads them from there. The few
 * sizes that layout code needs (formula text, minimum figure tile) are here.
 */
public enum Theme {
    LIGHT("theme-light", 14, 520, 340),
    DARK("theme-dark", 14, 520, 340),
    /** For a projector: large type, thick lines, charts at least 960 px wide (half a 1920 px screen, one column). */
    PRESENTATION("theme-presentation", 20, 960, 500);

    private final String styleClass;
    private final double fontSize;
    private final double figureWidth;
    private final double figureHeight;

    Theme(String styleClass, double fontSize, double figureWidth, double figureHeight) {
        this.styleClass = styleClass;
        this.fontSize = fontSize;
        this.figureWidth = figureWidth;
        this.figureHeight = figureHeight;
    }

    public String styleClass() { return styleClass; }
    public double fontSize() { return fontSize; }
    public double figureWidth() { return figureWidth; }
    public double figureHeight() { return figureHeight; }
    /** The text colour ({@code -cl-fg} in {@code /styles/app.css}), for text drawn outside CSS (formula images). */
    public Color textColour() { return AppCss.VALUES.color(styleClass, "-cl-fg"); }

    /** {@code /styles/app.css}, parsed on first use. */
    private static final class AppCss {
        static final StyleSheetValues VALUES = StyleSheetValues.load("/styles/app.css");
    }
    public ChartTheme chartTheme() { return ChartTheme.forStyleClass(styleClass); }

    /** Parses {@code light|dark|presentation}. */
    public static Theme parse(String name) {
        for (Theme t : values()) if (t.name().equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("theme must be light, dark or presentation, got '" + name + "'");
    }
}
