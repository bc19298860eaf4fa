package classlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;

/**
 * Lesson list | lesson | instructor notes in one split pane, each side panel present only while its
 * toggle is on, so the lesson (and its charts) takes the width the panels give up. The notes start
 * off: they hold the answers, which must not reach a projector by accident.
 */
final class SidePanels {
    /** Side panel widths in pixels, at most these shares of the window. */
    private static final double NAVIGATOR_PX = 300, NAVIGATOR_SHARE = 0.2, NOTES_PX = 420, NOTES_SHARE = 0.25;

    private final SplitPane split;
    private final Node navigator, lesson, notes;
    private final ToggleButton navigatorToggle, notesToggle;

    SidePanels(SplitPane split, Node navigator, Node lesson, Node notes, ToggleButton navigatorToggle, ToggleButton notesToggle) {
        this.split = split;
        this.navigator = navigator;
        this.lesson = lesson;
        this.notes = notes;
        this.navigatorToggle = navigatorToggle;
        this.notesToggle = notesToggle;
        SplitPane.setResizableWithParent(navigator, false);
        SplitPane.setResizableWithParent(notes, false);
        notesToggle.setSelected(false);
        notesToggle.selectedProperty().addListener((o, a, show) -> layout());
        navigatorToggle.selectedProperty().addListener((o, a, show) -> layout());
        // Divider positions are fractions: apply them again once the split knows its width.
        split.widthProperty().addListener((o, was, now) -> {
            if (was.doubleValue() == 0 && now.doubleValue() > 0) layout();
        });
        layout();
    }

    boolean notesShown() { return split.getItems().contains(notes); }

    void toggleNotes() { notesToggle.setSelected(!notesToggle.isSelected()); }

    void toggleNavigator() { navigatorToggle.setSelected(!navigatorToggle.isSelected()); }

    private void layout() {
        boolean nav = navigatorToggle.isSelected(), notesOn = notesToggle.isSelected();
        split.getItems().setAll(lesson);
        if (nav) split.getItems().add(0, navigator);
        if (notesOn) split.getItems().add(notes);
        double width = Math.max(1, split.getWidth());
        double navShare = Math.min(NAVIGATOR_SHARE, NAVIGATOR_PX / width);
        double notesShare = Math.min(NOTES_SHARE, NOTES_PX / width);
        if (nav && notesOn) split.setDividerPositions(navShare, 1 - notesShare);
        else if (nav) split.setDividerPositions(navShare);
        else if (notesOn) split.setDividerPositions(1 - notesShare);
    }
}
