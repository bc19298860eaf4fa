package classlab.ui.widget;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * Labelled vertical markers and horizontal levels living in a chart's plot children, so they are
 * clipped to the plot area and share its coordinates. Charts call {@link #layout} from their
 * {@code layoutPlotChildren()}.
 *
 * <p>{@link #set} keeps the line and label nodes it has and only moves and relabels them: a new
 * Label gets its skin in the next CSS pass, and JavaFX asks for a further pulse for the CSS its
 * skin's text then needs; that pulse, with nothing else to draw, repaints the whole window (a
 * frame with an empty dirty region is painted whole). The AUC bars' average lines, new every
 * epoch, did that on roc-smoothing.
 */
final class PlotDecorations {
    private static final double LABEL_GAP = 4;

    private final ObservableList<Node> plotChildren;
    private final List<Decoration> decorations = new ArrayList<>();

    private boolean levelLabelsBelow;
    private record Decoration(boolean vertical, double value, Line line, Label label) { }

    /**
     * A decoration to draw: a dashed vertical line at plot x {@code value} (style classes
     * {@code figure-marker-*}) or a horizontal one at plot y {@code value} ({@code figure-level-*}),
     * labelled {@code text}.
     */
    record Spec(boolean vertical, double value, String text) {
        static Spec marker(double x, String text) { return new Spec(true, x, text); }

        static Spec level(double y, String text) { return new Spec(false, y, text); }
    }

    PlotDecorations(ObservableList<Node> plotChildren) { this.plotChildren = plotChildren; }

    /**
     * Draws {@code specs} instead of what was drawn, in their order, reusing the lines and labels of
     * the same kind at the same position (see the class comment); only a surplus is removed and
     * only what is missing is created.
     */
    void set(List<Spec> specs) {
        List<Decoration> kept = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Decoration old = i < decorations.size() ? decorations.get(i) : null;
            if (old != null && old.vertical() == s.vertical()) {
                if (!old.label().getText().equals(s.text())) old.label().setText(s.text());
                kept.add(new Decoration(s.vertical(), s.value(), old.line(), old.label()));
            } else {
                if (old != null) plotChildren.removeAll(old.line(), old.label());
                kept.add(create(s));
            }
        }
        for (int i = specs.size(); i < decorations.size(); i++) plotChildren.removeAll(decorations.get(i).line(), decorations.get(i).label());
        decorations.clear();
        decorations.addAll(kept);
    }

    private Decoration create(Spec s) {
        String styleBase = s.vertical() ? "figure-marker" : "figure-level";
        Line line = new Line();
        line.getStyleClass().add(styleBase + "-line");
        line.setMouseTransparent(true);
        Label label = new Label(s.text());
        label.getStyleClass().addAll("figure-decoration-label", styleBase + "-label");
        label.setMouseTransparent(true);
        label.setManaged(false);
        plotChildren.addAll(line, label);
        return new Decoration(s.vertical(), s.value(), line, label);
    }

    /** The decorations' lines and labels in order (tests: a redraw keeps them). */
    List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (Decoration d : decorations) out.addAll(List.of(d.line(), d.label()));
        return out;
    }

    /** Label texts in order of addition. */
    List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Decoration d : decorations) out.add(d.label().getText());
        return out;
    }

    /**
     * Positions lines and labels. Marker labels are stacked so adjacent markers stay readable;
     * a level label that would cover another label moves left of it.
     * @param xAxis numeric x axis, or null when there are no markers (category axis)
     */
    /** Level labels go under their line (bar charts print values above the bars, where they would collide). */
    void setLevelLabelsBelow(boolean below) { levelLabelsBelow = below; }

    /** Whether level labels are drawn in the plot (false: lines only, the owner says them elsewhere). */
    void setLevelLabelsShown(boolean shown) { levelLabelsShown = shown; }

    private boolean levelLabelsShown = true;

    void layout(NumberAxis xAxis, NumberAxis yAxis, double width, double height) {
        layout(xAxis, yAxis, width, height, List.of());
    }

    /** {@link #layout(NumberAxis, NumberAxis, double, double)} keeping level labels off {@code obstacles} (bar values). */
    void layout(NumberAxis xAxis, NumberAxis yAxis, double width, double height, List<Bounds> obstacles) {
        List<Bounds> placed = new ArrayList<>(obstacles);
        int markerIndex = 0;
        for (Decoration d : decorations) {
            Label label = d.label();
            label.autosize();
            double lw = label.getWidth();
            double lh = label.getHeight();
            Line line = d.line();
            if (d.vertical()) {
                double x = xAxis.getDisplayPosition(d.value());
                boolean inside = d.value() >= xAxis.getLowerBound() && d.value() <= xAxis.getUpperBound();
                line.setVisible(inside);
                label.setVisible(inside);
                line.setStartX(x); line.setEndX(x);
                line.setStartY(0); line.setEndY(height);
                double lx = x + LABEL_GAP + lw > width ? x - LABEL_GAP - lw : x + LABEL_GAP;
                double ly = LABEL_GAP + markerIndex++ * (lh + 2);
                label.relocate(lx, ly);
                placed.add(new BoundingBox(lx, ly, lw, lh));
            } else {
                double y = yAxis.getDisplayPosition(d.value());
                boolean inside = d.value() >= yAxis.getLowerBound() && d.value() <= yAxis.getUpperBound();
                line.setVisible(inside);
                label.setVisible(inside && levelLabelsShown);
                line.setStartX(0); line.setEndX(width);
                line.setStartY(y); line.setEndY(y);
                if (!levelLabelsShown) continue;
                double ly = levelLabelsBelow && y + 1 + lh <= height ? y + 1 : y - lh - 1 < 0 ? y + 1 : y - lh - 1;
                double lx = width - lw - LABEL_GAP;
                boolean moved = true;
                while (moved && lx > 0) {
                    moved = false;
                    for (Bounds b : placed) {
                        if (!b.intersects(lx, ly, lw, lh)) continue;
                        // Below the obstacle if that stays in the plot (close averages stack), else left of it.
                        if (b.getMaxY() + 1 + lh <= height && Math.abs(b.getMinY() - ly) < lh) ly = b.getMaxY() + 1;
                        else lx = b.getMinX() - lw - 2 * LABEL_GAP;
                        moved = true;
                    }
                }
                lx = Math.max(0, lx);
                label.relocate(lx, ly);
                placed.add(new BoundingBox(lx, ly, lw, lh));
            }
        }
    }
}
