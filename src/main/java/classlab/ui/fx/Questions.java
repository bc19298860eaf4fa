package classlab.ui.fx;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * A question the window asks before something that loses work (quitting, resetting a lesson): a dialog in
 * the window's theme whose text wraps within the screen.
 */
public final class Questions {
    private Questions() { }

    /**
     * An unshown confirmation dialog over {@code owner} with the given buttons (ids are the caller's to set).
     * {@code body} wraps at 40 em, at most nine tenths of the window's width: a wrapping label still asks
     * for its one-line width, and at 1280 px on a projector the dialog ran off both sides of the screen
     * (its last button unreachable). FX thread.
     */
    public static Alert ask(Stage owner, Theme theme, String title, String header, Label body, ButtonType... buttons) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, null, buttons);
        ask.initOwner(owner);
        ask.setTitle(title);
        ask.setHeaderText(header);
        body.setWrapText(true);
        body.prefWidthProperty().bind(Bindings.min(theme.fontSize() * 40, owner.widthProperty().multiply(0.9)));
        body.maxWidthProperty().bind(body.prefWidthProperty());
        ask.getDialogPane().setContent(body);
        // In the window's theme (a light dialog over the dark theme; its colours did not resolve without it)
        ask.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        ask.getDialogPane().getStyleClass().add(theme.styleClass());
        return ask;
    }
}
