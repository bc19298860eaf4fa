package classlab.ui.shell;

import classlab.ui.lesson.LessonPaneController;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's keys: F5 run, F6 pause, F7 step, F8 stop, F9 spotlight, F11 full screen, Ctrl+E
 * export, Ctrl+Shift+R reset, Ctrl+PgUp/PgDn lessons, Ctrl+L language, Ctrl+T theme, Ctrl+N
 * notes, Ctrl+B lesson list, Ctrl+Q quit (asks first while a run trains or runs are unsaved).
 */
final class Shortcuts {
    private final MainWindowController window;

    Shortcuts(MainWindowController window) { this.window = window; }

    void install(Scene scene) {
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>();
        keys.put(key(KeyCode.F5), () -> window.withPane(LessonPaneController::onRun));
        keys.put(key(KeyCode.F6), () -> window.withPane(LessonPaneController::onPause));
        keys.put(key(KeyCode.F7), () -> window.withPane(LessonPaneController::onStep));
        keys.put(key(KeyCode.F8), () -> window.withPane(LessonPaneController::onStop));
        keys.put(key(KeyCode.F9), window::toggleSpotlight);
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> window.withPane(LessonPaneController::onReset));
        keys.put(key(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> window.withPane(LessonPaneController::onExportAll));
        keys.put(key(KeyCode.F11), window::toggleFullScreen);
        keys.put(key(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> window.moveLesson(1));
        keys.put(key(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> window.moveLesson(-1));
        keys.put(key(KeyCode.L, KeyCombination.SHORTCUT_DOWN), window::toggleLanguage);
        keys.put(key(KeyCode.T, KeyCombination.SHORTCUT_DOWN), window::nextTheme);
        keys.put(key(KeyCode.N, KeyCombination.SHORTCUT_DOWN), window::toggleNotes);
        keys.put(key(KeyCode.B, KeyCombination.SHORTCUT_DOWN), window::toggleNavigator);
        keys.put(key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), window::requestQuit);
        scene.getAccelerators().putAll(keys);
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
