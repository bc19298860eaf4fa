package classlab.ui.widget;

import classlab.core.figure.FigureSelection;
import classlab.core.figure.ImageGridFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * View of an {@link ImageGridFigure}: each image written pixel by pixel into a {@link WritableImage}
 * (through its {@code PixelWriter}) and drawn scaled by a whole factor without smoothing when there is
 * room for at least 2×, so pixels stay crisp squares (32 × 32 CIFAR images, 3 × 3 filters), and
 * smoothly at the size that fits otherwise; captions centred under the images,
 * highlight frames in theme colours (selected: accent, correct: green, wrong: red). Without images
 * the figure's notice is shown. When the figure is selectable, the image under the mouse is
 * outlined, the cursor is a hand, and a click reports {@code FigureSelection.image(index, columns)}
 * to {@link #setOnSelect}.
 */
public final class ImageGridView extends FigureView {
    private static final double PAD = 8;
    private static final double GAP = 10;
    /** Frame width around highlighted images, in pixels. */
    static final double FRAME = 3;

    private final ImageGridFigure fig;
    private final CanvasPane canvas = new CanvasPane(this::paint, 480, 320);
    private final SelectionSupport selection;
    private List<ImageGridFigure.Image> images = List.of();
    private List<WritableImage> bitmaps = List.of();
    private String notice = "";
    private final List<Area> areas = new ArrayList<>();

    /** Where image {@code index} was drawn (canvas coordinates, without its frame). */
    record Area(int index, double x, double y, double w, double h) {
        boolean contains(double px, double py) { return px >= x && py >= y && px < x + w && py < y + h; }
    }

    ImageGridView(ImageGridFigure figure, Function<String, String> text) {
        super(figure, text);
        this.fig = figure;
        getStyleClass().add("image-grid-view");
        setCenter(canvas);
        selection = new SelectionSupport(this, canvas, this::imageAt);
        initialDraw();
    }

    @Override protected void redraw() {
        images = fig.images();
        notice = fig.notice();
        List<WritableImage> out = new ArrayList<>(images.size());
        for (ImageGridFigure.Image im : images) {
            WritableImage wi = new WritableImage(im.width(), im.height());
            wi.getPixelWriter().setPixels(0, 0, im.width(), im.height(), PixelFormat.getIntArgbInstance(), im.toArgb(), 0, im.width());
            out.add(wi);
        }
        bitmaps = out;
        canvas.repaint();
    }

    @Override protected void applyLabels() { canvas.repaint(); }

    /** This view paints no empty-chart hint. */
    @Override protected void applyEmptyHint() {}

    @Override protected void onThemeChanged() { canvas.repaint(); }

    /** The image at canvas coordinates, or null. */
    FigureSelection imageAt(double x, double y) {
        for (Area a : areas) if (a.contains(x, y)) return FigureSelection.image(a.index(), fig.columns());
        return null;
    }

    /** Where each image was last drawn, in index order. */
    List<Area> areas() { return List.copyOf(areas); }

    CanvasPane canvasPane() { return canvas; }

    /** Frame colour of a highlight under the theme, or null for none. */
    static Color frameColor(ChartTheme th, ImageGridFigure.Highlight h) {
        switch (h) {
            case SELECTED: return th.seriesColor(0);
            case WRONG: return th.seriesColor(1);
            case CORRECT: return th.seriesColor(2);
            case NONE:
            default: return null;
        }
    }

    private void paint(GraphicsContext g, double w, double h) {
        ChartTheme th = theme();
        g.setFill(th.background());
        g.fillRect(0, 0, w, h);
        areas.clear();
        if (images.isEmpty()) {
            String text = t(notice);
            if (!text.isEmpty()) CanvasPane.paintCentredLines(g, th, List.of(text.split("\n")), w, h);
            return;
        }
        Font font = Font.font(th.fontSize());
        double lineH = Math.ceil(th.fontSize() * 1.3);
        int cols = Math.min(fig.columns(), images.size());
        int rows = (images.size() + cols - 1) / cols;
        int maxW = 1, maxH = 1, captionLines = 0;
        List<String[]> captions = new ArrayList<>(images.size());
        for (ImageGridFigure.Image im : images) {
            maxW = Math.max(maxW, im.width());
            maxH = Math.max(maxH, im.height());
            String c = t(im.caption());
            String[] lines = c.isEmpty() ? new String[0] : c.split("\n");
            captions.add(lines);
            captionLines = Math.max(captionLines, lines.length);
        }
        double captionH = captionLines * lineH + (captionLines > 0 ? 2 : 0);
        double blockW = (w - 2 * PAD - GAP * (cols - 1)) / cols;
        double blockH = (h - 2 * PAD - GAP * (rows - 1)) / rows;
        double scale = Math.min((blockW - 2 * FRAME) / maxW, (blockH - captionH - 2 * FRAME) / maxH);
        if (!(scale > 0)) return;
        // From 2× up, whole screen pixels per image pixel keep the nearest-neighbour squares even; below,
        // flooring would waste up to half the room (1.99 -> 1), so the image is scaled smoothly instead.
        boolean crisp = scale >= 2;
        if (crisp) scale = Math.floor(scale);
        double cellW = maxW * scale + 2 * FRAME, cellH = maxH * scale + 2 * FRAME;
        double pitchX = Math.max(cellW, Math.min(blockW, cellW + 4 * th.fontSize())) + GAP;
        double pitchY = cellH + captionH + GAP;
        double ox = Math.floor((w - (cols * pitchX - GAP)) / 2), oy = Math.floor((h - (rows * pitchY - GAP)) / 2);
        g.setImageSmoothing(!crisp);
        for (int i = 0; i < images.size(); i++) {
            ImageGridFigure.Image im = images.get(i);
            double bx = ox + (i % cols) * pitchX, by = oy + (i / cols) * pitchY;
            double iw = im.width() * scale, ih = im.height() * scale;
            double x = Math.floor(bx + (pitchX - GAP - iw) / 2), y = Math.floor(by + FRAME + (maxH * scale - ih) / 2);
            g.drawImage(bitmaps.get(i), x, y, iw, ih);
            areas.add(new Area(i, x, y, iw, ih));
            Color frame = frameColor(th, im.highlight());
            if (frame != null) {
                g.setStroke(frame);
                g.setLineWidth(FRAME);
                g.strokeRect(x - FRAME / 2, y - FRAME / 2, iw + FRAME, ih + FRAME);
            }
            g.setFill(th.foreground());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            String[] lines = captions.get(i);
            for (int k = 0; k < lines.length; k++) {
                g.setFont(CanvasPane.fitted(lines[k], font, pitchX - 4));
                g.fillText(lines[k], x + iw / 2, by + cellH + 2 + k * lineH);
            }
        }
        FigureSelection hover = selection.hovered();
        if (hover != null && hover.index() < areas.size()) {
            Area a = areas.get(hover.index());
            g.setStroke(th.foreground());
            g.setLineWidth(1.5);
            g.strokeRect(a.x() - FRAME - 1.5, a.y() - FRAME - 1.5, a.w() + 2 * FRAME + 3, a.h() + 2 * FRAME + 3);
        }
    }
}
