package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.ui.fx.Theme;
import org.junit.jupiter.api.Test;

/** The presentation theme on a narrow projector folds the lesson list; elsewhere the list shows. */
class LessonListFoldTest {

    @Test
    void foldedOnlyForThePresentationThemeOnANarrowScreen() {
        assertTrue(MainWindowController.lessonListFolded(Theme.PRESENTATION, 1280));
        assertTrue(MainWindowController.lessonListFolded(Theme.PRESENTATION, 1599));
        assertFalse(MainWindowController.lessonListFolded(Theme.PRESENTATION, 1920), "a 1920 px projector has room for it");
        assertFalse(MainWindowController.lessonListFolded(Theme.LIGHT, 1280), "a student's laptop keeps the list");
        assertFalse(MainWindowController.lessonListFolded(Theme.DARK, 1280));
    }
}
