package classlab.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes whose content changes while it is on screen (live charts).
 *
 * <p>JavaFX's {@code ScrollPaneSkin} caches its viewport as a bitmap ({@code setCache(true)}), which
 * pays off when the content is static and only scrolls. Live content invalidates that bitmap on
 * every change, so each frame re-renders the whole viewport off-screen and then copies it to the
 * window; with Prism's software pipeline (no GPU, e.g. under Xvfb) that cost most of a frame while a
 * lesson trained (pulse logger: "CacheFilter rebuilding" in every frame). Without the cache only the
 * changed regions are painted.
 */
public final class Viewports {
    private Viewports() { }

    /** Turns the viewport cache of {@code scroll} off, now or as soon as its skin exists; returns {@code scroll}. */
    public static ScrollPane uncached(ScrollPane scroll) {
        uncache(scroll);
        scroll.skinProperty().addListener((o, a, skin) -> uncache(scroll));
        return scroll;
    }

    private static void uncache(ScrollPane scroll) {
        Node viewport = viewport(scroll);
        if (viewport != null) viewport.setCache(false);
    }

    /** The skin's viewport node of {@code scroll} (its own, not that of a scroll pane inside it), or null before the skin exists. */
    private static Node viewport(ScrollPane scroll) {
        for (Node n : scroll.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("viewport")) return n;
        }
        return null;
    }

    /**
     * Whether {@code node} (inside {@code scroll}'s content) is visible and overlaps the scroll pane's
     * viewport by at least part of a pixel, in scene coordinates; true before the skin exists.
     * Content scrolled out of sight is clipped: nothing of it reaches the screen. JavaFX repaints the
     * whole window when a frame's only changes lie outside every clip (Prism's ViewPainter finds no
     * dirty region and paints everything), so the live charts leave such content until it shows.
     */
    public static boolean shows(ScrollPane scroll, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        Node viewport = viewport(scroll);
        if (viewport == null) return true;
        javafx.geometry.Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMaxX() > view.getMinX() && b.getMinX() < view.getMaxX()
                && b.getMaxY() > view.getMinY() && b.getMinY() < view.getMaxY();
    }
}
