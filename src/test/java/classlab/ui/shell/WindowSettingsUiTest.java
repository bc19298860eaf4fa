package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.ui.fx.Theme;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window remembers its language, theme and lesson for the next start (trial: a Korean class came back in English on lesson 001). */
class WindowSettingsUiTest extends FxRobot {
    @TempDir Path dir;
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        ClassLabApp.rememberIn(null);
        AppUnderTest.close(app);
    }

    @Test
    void theLanguageTheThemeAndTheLessonChosenAreRemembered() throws Exception {
        Path file = dir.resolve("settings.properties");
        ClassLabApp.rememberIn(WindowSettings.load(file));
        app = AppUnderTest.start("en", Theme.LIGHT, ShellUiTest.mnistMini(), "pattern");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> language = lookup("#languageChoice").queryAs(ChoiceBox.class);
        // the box names each language in its own words, not by its code
        assertEquals("English", language.getConverter().toString("en"));
        assertEquals("한국어", language.getConverter().toString("ko"));

        push(KeyCode.CONTROL, KeyCode.L);
        push(KeyCode.CONTROL, KeyCode.T);
        interact(() -> app.controller().open("imbalance"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "imbalance".equals(WindowSettings.load(file).lesson()));
        WindowSettings next = WindowSettings.load(file);
        assertEquals("ko", next.language());
        assertEquals(Theme.DARK, next.theme());
    }
}
