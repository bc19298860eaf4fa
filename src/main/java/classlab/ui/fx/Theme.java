package classlab.ui.fx;

import classlab.ui.widget.ChartTheme;
import javafx.scene.paint.Color;

/**
 * The three looks of the app. Each is a style class on the scene root (colours and sizes live in
 * CSS); the few sizes that code needs (formula text, figure tiles) are here.
 */
public enum Theme {
    LIGHT("theme-light", 14, 520, 340, Color.web("#1f2328")),
    DARK("theme-dark", 14, 520, 340, Color.web("#e6edf3")),
    /** For a projector: large type, thick lines, charts at least 960 px wide (half a 1920 px screen, one column). */
    PRESENTATION("theme-presentation", 20, 960, 500, Color.web("#000000"));

    private final String styleClass;
    private final double fontSize;
    private final double figureWidth;
    private final double figureHeight;
    private final Color textColour;

    Theme(String styleClass, double fontSize, double figureWidth, double figureHeight, Color textColour) {
        this.styleClass = styleClass;
        this.fontSize = fontSize;
        this.figureWidth = figureWidth;
        this.figureHeight = figureHeight;
        this.textColour = textColour;
    }

    public String styleClass() { return styleClass; }
    public double fontSize() { return fontSize; }
    public double figureWidth() { return figureWidth; }
    public double figureHeight() { return figureHeight; }
    public Color textColour() { return textColour; }
    public ChartTheme chartTheme() { return ChartTheme.forStyleClass(styleClass); }

    /** Parses {@code light|dark|presentation}. */
    public static Theme parse(String name) {
        for (Theme t : values()) if (t.name().equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("theme must be light, dark or presentation, got '" + name + "'");
    }
}
