package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** After a run failed, the charts it left empty say so (not "press Run" as if nothing happened), in the pane's language. */
class FailedRunHintUiTest extends FxRobot {
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @Test
    void chartsLeftEmptyByAFailedRunSayItFailed(@TempDir Path data) throws Exception {
        // mnist-mini with a test-image file cut short: the run fails while loading, before any chart has data.
        try (var files = Files.list(ShellUiTest.mnistMini())) {
            for (Path f : files.toList()) Files.copy(f, data.resolve(f.getFileName()));
        }
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 100_000));

        app = AppUnderTest.start("ko", Theme.LIGHT, data, "pattern");
        LessonSession session = app.controller().currentPane().session();
        assertTrue(hints().stream().allMatch(t -> t.contains("실행(F5)을 누르면")), "before a run: press Run " + hints());
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ko = hints();
        assertFalse(ko.isEmpty());
        for (String t : ko) assertTrue(t.contains("실행이 실패했습니다") && t.contains("고친 뒤"), t);

        // A language switch rebuilds the pane; its new charts still know the run failed.
        interact(() -> lookup("#languageChoice").queryAs(ChoiceBox.class).setValue("en"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> en = hints();
        assertEquals(ko.size(), en.size());
        for (String t : en) assertTrue(t.startsWith("The run failed") && t.contains("press Run (F5)"), t);
    }

    /** Texts of the empty-chart hints on screen. */
    private List<String> hints() {
        return lookup(".figure-empty-hint").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null).map(Label::getText).toList();
    }
}
