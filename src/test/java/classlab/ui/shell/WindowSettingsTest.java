package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.ui.fx.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {
    @TempDir Path dir;

    @Test
    void whatTheWindowRemembersComesBackAtTheNextLoad() {
        Path file = dir.resolve("config").resolve("settings.properties");
        WindowSettings first = WindowSettings.load(file);
        assertNull(first.language());
        assertNull(first.theme());
        assertNull(first.lesson());
        first.rememberLanguage("ko");
        first.rememberTheme(Theme.PRESENTATION);
        first.rememberLesson("imbalance");
        WindowSettings next = WindowSettings.load(file);
        assertEquals("ko", next.language());
        assertEquals(Theme.PRESENTATION, next.theme());
        assertEquals("imbalance", next.lesson());
        assertTrue(Files.notExists(file.resolveSibling("settings.properties.tmp")), "written through a temporary file, moved over");
    }

    @Test
    void invalidValuesAndADamagedFileStartAsWithoutThem() throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "language=fr\ntheme=neon\n");
        WindowSettings settings = WindowSettings.load(file);
        assertNull(settings.language(), "a language ClassLab does not have");
        assertNull(settings.theme(), "a theme ClassLab does not have");
        Files.writeString(file, "language=\\u00zz\n");   // a malformed escape: Properties.load throws
        assertNull(WindowSettings.load(file).language());
    }

    @Test
    void aFileThatCannotBeWrittenLeavesTheWindowGoingOn() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "");
        WindowSettings settings = WindowSettings.load(blocker.resolve("settings.properties"));
        settings.rememberLanguage("en");   // its folder cannot be made: one line on stderr, no exception
        assertEquals("en", settings.language(), "this session still knows it");
    }

    @Test
    void theConfigurationFolderFollowsEachSystemsConvention() {
        Path home = Path.of("/home/t");
        assertEquals(Path.of("/x/cfg/classlab"), WindowSettings.configDir(Map.of("XDG_CONFIG_HOME", "/x/cfg"), home, "Linux"));
        assertEquals(home.resolve(".config/classlab"), WindowSettings.configDir(Map.of("XDG_CONFIG_HOME", "relative"), home, "Linux"));
        assertEquals(home.resolve("Library/Application Support/ClassLab"), WindowSettings.configDir(Map.of(), home, "Mac OS X"));
        assertEquals(home.resolve("AppData/Roaming/ClassLab"), WindowSettings.configDir(Map.of(), home, "Windows 11"));
    }
}
