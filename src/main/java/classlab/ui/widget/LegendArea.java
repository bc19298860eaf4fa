package classlab.ui.widget;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The legend under a chart, bounded so the chart keeps its plot area however many items it gets
 * (earlier runs overlaid with their changed settings add a long item per curve): the items wrap into
 * rows, and the legend takes at most {@link #MAX_SHARE} of the owning view's height (never less than
 * one row); further rows scroll. An item wider than the legend ends in "…"; every item's tooltip gives
 * its whole text.
 */
final class LegendArea extends Region {
    /** Largest share of the owning view's height the legend takes (0 to 1). */
    static final double MAX_SHARE = 0.3;

    private final Region owner;
    private final FlowPane items = new FlowPane() {
        // FlowPane's own minimum is its widest item's unbounded preferred width, which the scroll pane
        // would keep the rows at, however narrow the viewport: the rows may be as narrow as any item can be.
        @Override protected double computeMinWidth(double height) {
            double widest = 0;
            for (Node n : getManagedChildren()) widest = Math.max(widest, n.minWidth(-1));
            return snappedLeftInset() + widest + snappedRightInset();
        }
    };
    private final ScrollPane scroll = new ScrollPane(items);
    /** The widest an item may be: the rows' width (in {@link #layoutChildren}), or unbounded before the first layout. */
    private double itemMax = Double.MAX_VALUE;

    /** @param owner the view the legend belongs to; its height bounds the legend's */
    LegendArea(Region owner) {
        this.owner = owner;
        getStyleClass().add("figure-legend-area");
        items.getStyleClass().add("figure-legend");
        scroll.getStyleClass().add("figure-legend-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        getChildren().add(scroll);
        items.getChildren().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) for (Node n : c.getAddedSubList()) fit(n);
        });
        owner.heightProperty().addListener((o, a, b) -> requestLayout());
    }

    /** The items (labels with a swatch graphic), in the order shown. */
    FlowPane items() { return items; }

    /** Whether some rows are scrolled out of sight. */
    boolean scrolls() {
        return items.prefHeight(items.getWidth()) > scroll.getViewportBounds().getHeight() + 0.5;
    }

    /** Makes an item at most one row wide (longer text ends in "…") and gives it a tooltip with its whole text. */
    private void fit(Node n) {
        if (!(n instanceof Label item)) return;
        item.setMaxWidth(itemMax);
        if (item.getTooltip() == null) {
            Tooltip full = new Tooltip();
            full.textProperty().bind(item.textProperty());
            item.setTooltip(full);
        }
    }

    @Override protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        double all = items.prefHeight(inner);
        return snappedTopInset() + Math.min(all, cap()) + snappedBottomInset();
    }

    @Override protected double computeMinHeight(double width) {
        return snappedTopInset() + Math.min(items.prefHeight(-1), firstRow()) + snappedBottomInset();
    }

    @Override protected double computePrefWidth(double height) {
        return snappedLeftInset() + items.prefWidth(-1) + snappedRightInset();
    }

    @Override protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        // The rows' width is the viewport's: the area's less the scroll bar when the rows scroll. Bounding
        // the items by it keeps the rows from growing wider than the viewport (a row as wide as its
        // widest item, cut off at the right).
        double rows = width - (items.prefHeight(width) > height + 0.5 ? verticalBarWidth() : 0);
        double max = Math.max(0, rows - items.snappedLeftInset() - items.snappedRightInset());
        if (max != itemMax) {
            itemMax = max;
            items.getChildren().forEach(this::fit);
        }
        scroll.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, height);
    }

    /** The width of the scroll pane's vertical bar (0 before its skin exists). */
    private double verticalBarWidth() {
        for (Node n : scroll.getChildrenUnmodifiable()) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) return bar.prefWidth(-1);
        }
        return 0;
    }

    /** The most height the rows get: {@link #MAX_SHARE} of the owner's height, at least the first row. */
    private double cap() {
        return Math.max(firstRow(), Math.floor(owner.getHeight() * MAX_SHARE));
    }

    /** The height of the first row of items with the legend's top and bottom padding. */
    private double firstRow() {
        double row = 0;
        for (Node n : items.getChildren()) {
            if (n.isManaged()) {
                row = n.prefHeight(-1);
                break;
            }
        }
        return items.snappedTopInset() + row + items.snappedBottomInset();
    }
}
