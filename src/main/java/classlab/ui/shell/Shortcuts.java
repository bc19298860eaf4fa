package classlab.ui.shell;

import classlab.ui.lesson.LessonPaneController;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

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
        keys.put(key(KeyCode.L, KeyCombination.SHORTCUT_DOWN), window::toggleLanguage);
        keys.put(key(KeyCode.T, KeyCombination.SHORTCUT_DOWN), window::nextTheme);
        keys.put(key(KeyCode.N, KeyCombination.SHORTCUT_DOWN), window::toggleNotes);
        keys.put(key(KeyCode.B, KeyCombination.SHORTCUT_DOWN), window::toggleNavigator);
        keys.put(key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), window::requestQuit);
        scene.getAccelerators().putAll(keys);
        // Ctrl+PgUp/PgDn change the lesson wherever the focus is: as accelerators they would never fire,
        // because a focused TabPane (experiment tabs) or the lesson tree handles the keys itself first.
        // The experiment tabs keep Ctrl+Tab / Ctrl+Shift+Tab.
        KeyCombination next = key(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
        KeyCombination previous = key(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int delta = next.match(e) ? 1 : previous.match(e) ? -1 : 0;
            if (delta == 0) return;
            e.consume();
            window.moveLesson(delta);
        });
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
