package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's bounds are its size whatever its labels do: content reaching below it (a label a
 * pixel taller than the bar) changed the window's bounds, and JavaFX repainted the whole window.
 */
class StatusBarClipTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void contentPastTheBarDoesNotChangeItsBounds() throws Exception {
        double height = WaitForAsyncUtils.asyncFx(() -> {
            Pane bar = new Pane();
            bar.resize(300, 30);
            Rectangle label = new Rectangle(0, 0, 120, 30);
            bar.getChildren().add(label);
            StatusLine.clipToBounds(bar);
            label.setHeight(31);   // the run state's text, a pixel taller than the bar
            label.setWidth(200);
            return bar.getBoundsInParent().getHeight();
        }).get();
        assertEquals(30, height, 1e-9);
    }
}
