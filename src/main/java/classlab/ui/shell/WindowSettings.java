package classlab.ui.shell;

import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Theme;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the window remembers between starts: its language, its theme and the lesson open last, in
 * {@code settings.properties} in the user's configuration folder ({@link #defaultFile()}). The {@code app}
 * command starts with them where its options ({@code --lang}, {@code --theme}, {@code --lesson}) say
 * nothing; {@code snapshot} and the tests do not read them (a slide figure does not depend on the last
 * session). A trial: a teacher who quit in Korean on lesson 000 came back to English on lesson 001.
 *
 * <p>Never throws: a missing, unreadable or invalid file, or a value that is no longer valid (a lesson
 * removed, an unknown theme), starts as without it; a file that cannot be written is named once on
 * stderr and the window goes on.
 */
public final class WindowSettings {
    static final String LANGUAGE = "language";
    static final String THEME = "theme";
    static final String LESSON = "lesson";

    private final Path file;
    private final Properties values = new Properties();
    private boolean writeFailureShown;

    private WindowSettings(Path file) {
        this.file = file;
    }

    /**
     * {@code settings.properties} in ClassLab's configuration folder: {@code %APPDATA%\ClassLab} on
     * Windows, {@code ~/Library/Application Support/ClassLab} on macOS, else {@code $XDG_CONFIG_HOME/classlab}
     * or {@code ~/.config/classlab} (XDG Base Directory specification; a relative XDG_CONFIG_HOME is ignored).
     */
    public static Path defaultFile() {
        return configDir(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"))
                .resolve("settings.properties");
    }

    static Path configDir(Map<String, String> env, Path home, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("ClassLab");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("ClassLab");
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg).resolve("classlab");
        return home.resolve(".config").resolve("classlab");
    }

    /** The settings in {@code file}; none when it does not exist or cannot be read. */
    public static WindowSettings load(Path file) {
        WindowSettings settings = new WindowSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                settings.values.clear();   // a damaged file: the defaults, and the next change rewrites it
            }
        }
        return settings;
    }

    /** The language chosen last ({@link LessonStrings#LANGUAGES}), or null. */
    public String language() {
        String lang = values.getProperty(LANGUAGE);
        return java.util.Arrays.asList(LessonStrings.LANGUAGES).contains(lang) ? lang : null;
    }

    /** The theme chosen last, or null. */
    public Theme theme() {
        String name = values.getProperty(THEME);
        if (name == null) return null;
        try {
            return Theme.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The id of the lesson open last (it may no longer be in the catalogue), or null. */
    public String lesson() {
        return values.getProperty(LESSON);
    }

    /** Remembers the window's language ({@code ko}, {@code en}). */
    public void rememberLanguage(String language) { put(LANGUAGE, language); }

    /** Remembers the window's theme. */
    public void rememberTheme(Theme theme) { put(THEME, theme.name().toLowerCase(Locale.ROOT)); }

    /** Remembers the lesson open now. */
    public void rememberLesson(String lessonId) { put(LESSON, lessonId); }

    /** Sets one value and writes the file (a temporary file moved over it: a crash mid-write leaves the old one). */
    private void put(String key, String value) {
        if (value == null || value.equals(values.getProperty(key))) return;
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "ClassLab: the window's language, theme and last lesson");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (writeFailureShown) return;
            writeFailureShown = true;
            System.err.println("classlab: could not remember the window's settings in " + file + ": " + e.getMessage()
                    + " (the next start opens with the defaults)");
        }
    }
}
