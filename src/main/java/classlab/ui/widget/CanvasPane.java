package classlab.ui.widget;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** A Canvas that follows its container's size and repaints through a callback when resized. */
final class CanvasPane extends Pane {
    /** Paints the whole canvas; called with the current width and height. */
    interface Painter { void paint(GraphicsContext g, double width, double height); }

    private final Canvas canvas = new Canvas();
    private final Painter painter;

    CanvasPane(Painter painter, double prefWidth, double prefHeight) {
        this.painter = painter;
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(0, 0);
    }

    Canvas canvas() { return canvas; }

    @Override protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            // Clear the old size first: a canvas that shrinks keeps its drawing outside the new size, and
            // a 2x snapshot (PNG export) showed it as a second, clipped copy of the x-axis title below the
            // real one (trial report 3, item 8).
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) painter.paint(g, canvas.getWidth(), canvas.getHeight());
    }

    /** Width of a text in a font, for layout on the canvas. */
    static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** {@code font}, or a smaller one (down to 60 %) if the text is wider than {@code width}. */
    static Font fitted(String text, Font font, double width) {
        double w = textWidth(text, font);
        if (w <= width) return font;
        return Font.font(font.getFamily(), Math.max(font.getSize() * 0.6, Math.floor(font.getSize() * width / w)));
    }

    /**
     * {@code text} broken at spaces into lines no wider than {@code width} in {@code font} (greedy, as
     * matplotlib's {@code wrap=True}); a single word wider than that stays on its own line.
     */
    static List<String> wrap(String text, Font font, double width) {
        return StampedImages.wrap(text, s -> textWidth(s, font), width);
    }

    /**
     * Centred lines of text in the theme's foreground, each shrunk to fit {@code w} less a margin: what
     * a figure shows instead of data when it only has a message (why there is nothing to show).
     */
    static void paintCentredLines(GraphicsContext g, ChartTheme th, List<String> lines, double w, double h) {
        Font font = Font.font(th.fontSize());
        double lineH = Math.ceil(th.fontSize() * 1.35);
        g.setFill(th.foreground());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double y = Math.floor((h - lines.size() * lineH) / 2);
        for (String line : lines) {
            g.setFont(fitted(line, font, w - 16));
            g.fillText(line, w / 2, y);
            y += lineH;
        }
    }

    /**
     * The "press Run" hint of an empty Canvas chart ({@link EmptyHint} for the others): wrapped to
     * 90 % of the rectangle {@code (x, y, w, h)} (the plot area) and centred in it, in the theme's
     * type size, muted.
     */
    static void paintEmptyHint(GraphicsContext g, ChartTheme th, String text, double x, double y, double w, double h) {
        Font font = Font.font(th.fontSize() * 1.1);
        List<String> lines = wrap(text, font, w * 0.9);
        double lineH = Math.ceil(font.getSize() * 1.35);
        g.setFill(th.foreground().deriveColor(0, 1, 1, 0.7));
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double top = y + Math.max(0, Math.floor((h - lines.size() * lineH) / 2));
        for (String line : lines) {
            g.fillText(line, x + w / 2, top, w);
            top += lineH;
        }
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color contrastingText(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return lum > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** CSS colour text for inline styles. */
    static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
