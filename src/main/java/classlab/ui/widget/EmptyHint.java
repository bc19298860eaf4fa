package classlab.ui.widget;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The "press Run" line of a chart that has nothing to show yet (its bare axes would read as data),
 * living in the chart's plot children: it is laid out inside the plot area, wrapped to its width, and
 * never covers tick labels or axis titles. With a chance diagonal (ROC) it sits in the lower-right
 * half, below the diagonal.
 */
final class EmptyHint {
    /** Share of the plot's width the hint may use, so it keeps a margin from the axes. */
    private static final double WIDTH_SHARE = 0.9;
    private final Label label = new Label();
    /** The chart's {@code requestChartLayout}, which lays out its plot children (and so this hint) again. */
    private final Runnable relayoutChart;

    EmptyHint(ObservableList<Node> plotChildren, Runnable relayoutChart) {
        this.relayoutChart = relayoutChart;
        label.getStyleClass().add("figure-empty-hint");
        label.setWrapText(true);
        label.setMouseTransparent(true);
        label.setManaged(false);
        label.setVisible(false);
        plotChildren.add(label);
    }

    /**
     * Changes the hint's words. The label, like the chart's content above it, is unmanaged, so its own
     * request for layout stops at it and the chart would keep the previous text's size (trial 7,
     * item 10: the longer "run failed" hint cut at the width of "press Run"): the chart is asked instead.
     */
    void setText(String text) {
        if (text.equals(label.getText())) return;
        label.setText(text);
        relayoutChart.run();
    }

    void setShown(boolean shown) {
        if (shown == label.isVisible()) return;
        if (shown) label.toFront();   // over decorations added after it
        label.setVisible(shown);
        // layout() skips a hidden hint: one shown again is sized for its current words.
        if (shown) relayoutChart.run();
    }

    Label label() { return label; }

    /**
     * Centres the hint in the plot area ({@code width × height}, plot-children coordinates), or in
     * its lower-right quarter when {@code belowDiagonal}: that quarter lies under the line from the
     * bottom-left to the top-right corner.
     */
    void layout(double width, double height, boolean belowDiagonal) {
        if (!label.isVisible() || width <= 0 || height <= 0) return;
        double x0 = belowDiagonal ? width / 2 : 0;
        double y0 = belowDiagonal ? height / 2 : 0;
        double w = (width - x0) * WIDTH_SHARE, h = height - y0;
        double pw = Math.min(w, label.prefWidth(-1));
        double ph = Math.min(h, label.prefHeight(pw));
        label.resizeRelocate(x0 + (width - x0 - pw) / 2, y0 + (h - ph) / 2, pw, ph);
    }
}
