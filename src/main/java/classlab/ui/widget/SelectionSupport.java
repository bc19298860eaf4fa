package classlab.ui.widget;

import classlab.core.figure.FigureSelection;
import java.util.Objects;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;

/**
 * Hover, hand cursor and click-to-select for a Canvas view whose parts (grid cells, images) can be
 * selected: while the figure is selectable, the part under the mouse is reported by
 * {@link #hovered()} (the view outlines it), the cursor becomes a hand over a part, and a primary
 * click passes the part to {@link FigureView#fireSelect}. The view supplies the hit test, in canvas
 * coordinates, from the layout it last painted.
 */
final class SelectionSupport {
    /** The selectable part at canvas coordinates, or null. */
    interface HitTest { FigureSelection at(double x, double y); }

    private final FigureView view;
    private final CanvasPane pane;
    private final HitTest hitTest;
    private FigureSelection hovered;
    private FigureSelection selected;

    SelectionSupport(FigureView view, CanvasPane pane, HitTest hitTest) {
        this.view = view;
        this.pane = pane;
        this.hitTest = hitTest;
        Canvas c = pane.canvas();
        c.setOnMouseMoved(e -> hover(hit(e.getX(), e.getY())));
        c.setOnMouseExited(e -> hover(null));
        c.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            FigureSelection s = hit(e.getX(), e.getY());
            if (s != null && view.fireSelect(s)) {
                selected = s;
                pane.repaint();
            }
        });
    }

    /** The part under the mouse, or null (always null while the figure is not selectable). */
    FigureSelection hovered() { return hovered; }

    /** The part clicked last, or null. */
    FigureSelection selected() { return selected; }

    /** Forgets the last clicked part (the figure was cleared: its cells are not the ones clicked). */
    void clearSelected() { selected = null; }

    private FigureSelection hit(double x, double y) {
        return view.figure().isSelectable() ? hitTest.at(x, y) : null;
    }

    private void hover(FigureSelection s) {
        pane.setCursor(s != null ? Cursor.HAND : Cursor.DEFAULT);
        if (Objects.equals(s, hovered)) return;
        hovered = s;
        pane.repaint();
    }
}
