package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trial 7 item 9: a pressed toggle of the run bar (Quick demo, Hyperparameters) reads in every theme:
 * its text's colour against the colour painted behind it has a contrast of at least 4.5:1 (WCAG AA),
 * also while the pointer is over it. In the dark theme pale text on a pale accent read about 1.3:1.
 */
class SelectedToggleContrastTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aPressedRunBarToggleReadsInEveryTheme() throws Exception {
        for (Theme theme : Theme.values()) {
            for (boolean hover : new boolean[] {false, true}) {
                double contrast = WaitForAsyncUtils.asyncFx(() -> contrast(theme, hover)).get();
                assertTrue(contrast >= 4.5, theme + (hover ? " under the pointer" : "") + ": contrast " + contrast);
            }
        }
    }

    /** Text against background of a selected toggle in a run bar of {@code theme}, laid out off screen. */
    private static double contrast(Theme theme, boolean hover) {
        ToggleButton toggle = new ToggleButton("Quick demo");
        toggle.setSelected(true);
        HBox bar = new HBox(toggle);
        bar.getStyleClass().add("run-bar");
        StackPane root = new StackPane(bar);
        root.getStyleClass().add(theme.styleClass());
        Scene scene = new Scene(root, 400, 100);
        scene.getStylesheets().add(Resources.url("/styles/app.css").toExternalForm());
        if (hover) toggle.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("hover"), true);
        root.applyCss();
        root.layout();
        PixelReader pixels = toggle.snapshot(null, null).getPixelReader();
        Color text = (Color) ((Text) toggle.lookup(".text")).getFill();
        // the painted background, inside the border and left of the text, from top to bottom (a gradient
        // varies down the button): the worst contrast counts
        double worst = Double.MAX_VALUE;
        for (int y = 3; y < toggle.getHeight() - 3; y++) worst = Math.min(worst, contrast(text, pixels.getColor(4, y)));
        return worst;
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance. */
    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
