package classlab.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.DigitClassifier;
import classlab.ui.fx.Messages;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Trial report 2, item 9: the draw-a-digit prompt follows the network, not the moment the pane was built. */
class DigitPadPromptTest {
    @Test
    void thePromptNoLongerAsksForARunOnceTheNetworkIsTrained() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicBoolean trained = new AtomicBoolean();
        DigitClassifier classifier = new DigitClassifier() {
            @Override public boolean isTrained() { return trained.get(); }
            @Override public List<String> classes() { return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"); }
            @Override public double[] probabilities(double[] image) { throw new IllegalStateException("not used"); }
        };
        Messages text = new Messages("en", "classroom");
        StackPane drawer = new StackPane();
        WaitForAsyncUtils.asyncFx(() -> new Scene(drawer)).get();
        DigitPadView pad = WaitForAsyncUtils.asyncFx(() -> new DigitPadView(classifier, text)).get();
        Label status = (Label) pad.lookup("#digitStatus");
        assertEquals(text.get("digits.untrained"), status.getText(), "built before the first run");
        trained.set(true);   // a run ends
        WaitForAsyncUtils.asyncFx(() -> drawer.getChildren().setAll(pad)).get();   // the teacher opens "Draw a digit"
        assertEquals(text.get("digits.draw"), status.getText());
    }

    /** Trial report 3, item 19: the "input the network sees" caption stood one word per line in a 90 px column. */
    @Test
    void theInputCaptionSpansTheDrawer() throws Exception {
        FxToolkit.registerPrimaryStage();
        DigitClassifier classifier = new DigitClassifier() {
            @Override public boolean isTrained() { return false; }
            @Override public List<String> classes() { return List.of("0", "1"); }
            @Override public double[] probabilities(double[] image) { throw new IllegalStateException("not used"); }
        };
        Messages text = new Messages("ko", "classroom");
        double caption = WaitForAsyncUtils.asyncFx(() -> {
            DigitPadView pad = new DigitPadView(classifier, text);
            StackPane drawer = new StackPane(pad);
            new Scene(drawer, 400, 1000);
            drawer.applyCss();
            drawer.layout();
            return ((Label) pad.lookup("#digitInputCaption")).getWidth();
        }).get();
        assertTrue(caption > 300, "caption width in a 400 px drawer: " + caption);
    }
}
