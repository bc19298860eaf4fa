package classlab.ui.lesson;

import classlab.ui.classroom.ClassroomTools;
import classlab.ui.fx.Theme;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

/**
 * Where the lesson pane is too narrow for the parameter form, the charts and a classroom drawer
 * (the Runs list...) side by side (a 1280-pixel projector), the form and the drawer take turns:
 * opening the drawer folds the form away (its toolbar button goes off) and closing the drawer brings
 * it back; showing the form closes the drawer. The charts keep at least {@link #MIN_CHART_SHARE} of
 * the theme's minimum figure width instead of being squeezed to a strip.
 */
final class FormDrawerTurns {
    /** Below this share of {@link Theme#figureWidth()} left for the charts, form and drawer take turns. */
    static final double MIN_CHART_SHARE = 0.75;

    private final Region pane;
    private final ToggleButton formToggle;
    private final ClassroomTools classroom;
    private final Theme theme;
    /** The form was folded away by the drawer (not by the user): it returns when the drawer closes. */
    private boolean folded;

    private FormDrawerTurns(Region pane, ToggleButton formToggle, ClassroomTools classroom, Theme theme) {
        this.pane = pane;
        this.formToggle = formToggle;
        this.classroom = classroom;
        this.theme = theme;
    }

    /** Couples the form's toggle and the classroom drawer of a lesson pane of root {@code pane}. */
    static void install(Region pane, ToggleButton formToggle, ClassroomTools classroom, Theme theme) {
        FormDrawerTurns turns = new FormDrawerTurns(pane, formToggle, classroom, theme);
        classroom.drawer().visibleProperty().addListener((o, was, open) -> turns.drawerShown(open));
        formToggle.selectedProperty().addListener((o, was, on) -> turns.formShown(on));
    }

    private void drawerShown(boolean open) {
        if (open && pane.getWidth() <= 0) {
            // A pane just built with the drawer open (a language switch with Runs open) has no width yet:
            // at 0 px everything is cramped, and the form folded away on a 1920-px screen (trial 4, item 12).
            pane.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                    if (now.doubleValue() <= 0) return;
                    pane.widthProperty().removeListener(this);
                    drawerShown(classroom.drawer().isVisible());
                }
            });
            return;
        }
        if (open && formToggle.isSelected() && cramped()) {
            formToggle.setSelected(false);
            folded = true;
        } else if (!open && folded) {
            folded = false;
            formToggle.setSelected(true);
        }
    }

    private void formShown(boolean on) {
        if (!on) return;
        folded = false;
        if (classroom.drawer().isVisible() && cramped()) classroom.open(null);
    }

    /** Whether form (its preferred width), drawer and charts do not fit side by side. */
    private boolean cramped() {
        double width = pane.getWidth();
        double scene = pane.getScene() == null ? width : pane.getScene().getWidth();
        double form = theme.fontSize() * SectionView.FORM_EMS;
        double drawer = Math.min(theme.fontSize() * ClassroomTools.DRAWER_EMS, scene * ClassroomTools.DRAWER_SHARE);
        return width - form - drawer < MIN_CHART_SHARE * theme.figureWidth();
    }
}
