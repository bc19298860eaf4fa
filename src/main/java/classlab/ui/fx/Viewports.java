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
        for (Node n : scroll.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("viewport")) n.setCache(false);
        }
    }
}
