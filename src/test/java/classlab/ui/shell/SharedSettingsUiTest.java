package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The settings are shared by a lesson's tabs: every tab's form shows the values the next run uses (trial 3, items 1, 11). */
class SharedSettingsUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    /**
     * regularization: batch size 64 typed on one tab shows on the other tab's form, which used to keep
     * 256; Defaults shows on every tab; quick demo on and off, once the demos reported the settings in
     * use, leaves no "In use: N" note under the epochs (the next run trains what the field shows).
     */
    @Test
    void everyTabShowsTheSettingsOfTheNextRun() throws Exception {
        app = AppUnderTest.start("ko", Theme.LIGHT, ShellUiTest.mnistMini(), "regularization");
        LessonSession session = app.controller().currentPane().session();
        TabPane tabs = lookup("#sections").queryAs(TabPane.class);
        interact(() -> List.copyOf(tabs.getTabs()).forEach(t -> tabs.getSelectionModel().select(t)));   // a tab's content joins when chosen
        List<Tab> withBatch = tabs.getTabs().stream().filter(t -> batchField(t) != null).toList();
        assertTrue(withBatch.size() >= 2, "two tabs have a batch size field");
        interact(() -> tabs.getSelectionModel().select(withBatch.get(0)));
        TextField first = batchField(withBatch.get(0));
        assertEquals("256", first.getText());
        doubleClickOn(first).eraseText(3).write("64");
        push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(64, session.values().getInt("batch_size"));

        interact(() -> tabs.getSelectionModel().select(withBatch.get(1)));
        assertEquals("64", batchField(withBatch.get(1)).getText(), "the other tab's form shows what the next run uses");

        // a refused value: the run bar names the field as the form does, in Korean without "이(가)" (trial 3, items 7, 10)
        doubleClickOn(first).eraseText(2).write("abc");
        push(javafx.scene.input.KeyCode.ENTER);
        clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();
        String refused = lookup("#problemLabel").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(refused.startsWith("배치 크기: 정수가 필요합니다. 입력한 값: \"abc\"."), refused);
        // ... in the error colour, which the '.text' rule of app.css used to override with the text colour (item 17)
        javafx.scene.text.Text shown = (javafx.scene.text.Text) lookup("#problemLabel").query().lookup(".text");
        assertEquals(javafx.scene.paint.Color.web("#cf222e"), shown.getFill(), "a refused run is told in the error colour");
        interact(() -> session.resetParams());
        assertEquals("256", first.getText(), "Defaults shows on every tab");

        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> session.inEffectProperty().get() != null);
        javafx.scene.control.ToggleButton quick = lookup("#quickDemoToggle").queryAs(javafx.scene.control.ToggleButton.class);
        for (boolean on : new boolean[] {true, false}) {
            interact(() -> quick.setSelected(on));
            String epochs = session.values().text("epochs");
            Node note = tabs.getSelectionModel().getSelectedItem().getContent().lookup("#param-note-epochs");
            assertTrue(!note.isVisible(), "quick demo " + on + ", " + epochs + " epochs: "
                    + ((javafx.scene.control.Label) note).getText());
        }
    }

    private TextField batchField(Tab tab) {
        Node found = tab.getContent() == null ? null : tab.getContent().lookup("#param-batch_size");
        return found instanceof TextField f ? f : null;
    }
}
