package classlab.ui.widget;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The legend under a Canvas-drawn view: items of a colour swatch and a text, wrapping as space requires. */
final class SwatchLegend extends FlowPane {
    SwatchLegend() {
        getStyleClass().add("figure-legend");
    }

    /** Removes every item; {@code shown} false also gives the legend's room back to the view. */
    void clear(boolean shown) {
        getChildren().clear();
        setVisible(shown);
        setManaged(shown);
    }

    /** Appends an item: a swatch of {@code colour} and {@code text}. */
    void add(String text, Color colour) {
        Region swatch = new Region();
        swatch.getStyleClass().add("figure-legend-swatch");
        swatch.setStyle("-fx-background-color: " + CanvasPane.web(colour) + ";");
        Label item = new Label(text, swatch);
        item.getStyleClass().add("figure-legend-item");
        getChildren().add(item);
    }

    /** The items' texts, in order. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Node n : getChildren()) out.add(((Label) n).getText());
        return out;
    }
}
