package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import classlab.ui.fx.Theme;
import classlab.ui.shell.StartOptions;
import classlab.ui.shell.WindowSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app} opens the window as it was left, unless its options say otherwise. */
class AppOptionsTest {
    @TempDir Path dir;

    @Test
    void theRememberedLanguageThemeAndLessonApplyWhereNoOptionIsGiven() throws Exception {
        WindowSettings remembered = WindowSettings.load(dir.resolve("settings.properties"));
        remembered.rememberLanguage("ko");
        remembered.rememberTheme(Theme.PRESENTATION);
        remembered.rememberLesson("imbalance");
        StartOptions plain = SnapshotCommand.appOptions(SnapshotCommand.appOptions(List.of()), remembered);
        assertEquals("ko", plain.language());
        assertEquals(Theme.PRESENTATION, plain.theme());
        assertEquals("imbalance", plain.lesson());

        StartOptions given = SnapshotCommand.appOptions(
                SnapshotCommand.appOptions(List.of("--lang", "en", "--theme", "dark", "--lesson", "pattern")), remembered);
        assertEquals("en", given.language());
        assertEquals(Theme.DARK, given.theme());
        assertEquals("pattern", given.lesson());
    }

    @Test
    void nothingRememberedMeansTheDefaults() throws Exception {
        StartOptions options = SnapshotCommand.appOptions(SnapshotCommand.appOptions(List.of()),
                WindowSettings.load(dir.resolve("none.properties")));
        assertEquals(Theme.LIGHT, options.theme());
        assertNull(options.lesson(), "the first lesson of the catalogue");
        assertEquals(classlab.core.lesson.LessonStrings.defaultLanguage(), options.language());
    }
}
