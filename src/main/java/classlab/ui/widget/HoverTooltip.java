package classlab.ui.widget;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;

/**
 * The hover read-out of a line chart: a dot on the drawn point nearest to the mouse (within
 * {@link #RADIUS} pixels) and a label with the series name, x, y and the point's note, kept inside
 * the layer. Lives in a mouse-transparent layer over the plots.
 */
final class HoverTooltip {
    /** How near (pixels) the mouse must be to a point. */
    static final double RADIUS = 12;

    /** One drawn curve: its points and the axes they are drawn on. */
    record Curve(String title, SeriesThinning.Points points, NumberAxis xAxis, NumberAxis yAxis, int colorIndex) { }

    private final Pane layer = new Pane();
    private final Label label = new Label();
    private final Circle dot = new Circle(5);

    HoverTooltip() {
        layer.setMouseTransparent(true);
        label.getStyleClass().add("figure-hover-label");
        label.setManaged(false);
        dot.getStyleClass().add("figure-hover-dot");
        dot.setManaged(false);
        layer.getChildren().addAll(dot, label);
        hide();
    }

    /** The layer to stack over the charts. */
    Pane layer() { return layer; }

    /**
     * Shows the read-out for the point nearest to a scene position among {@code curves} and returns
     * its text, or hides it and returns null when no point is within {@link #RADIUS}.
     */
    String showNearest(List<Curve> curves, double sceneX, double sceneY) {
        Curve best = null;
        int bestIndex = -1;
        double bestD2 = RADIUS * RADIUS;
        for (Curve c : curves) {
            double mx = c.xAxis().sceneToLocal(sceneX, sceneY).getX();
            double my = c.yAxis().sceneToLocal(sceneX, sceneY).getY();
            double[] xs = c.points().xs(), ys = c.points().plotYs();
            for (int i = 0; i < xs.length; i++) {
                double dx = c.xAxis().getDisplayPosition(xs[i]) - mx;
                double dy = c.yAxis().getDisplayPosition(ys[i]) - my;
                double d2 = dx * dx + dy * dy;
                if (d2 <= bestD2) {
                    bestD2 = d2;
                    best = c;
                    bestIndex = i;
                }
            }
        }
        if (best == null) { hide(); return null; }
        SeriesThinning.Points p = best.points();
        StringBuilder sb = new StringBuilder(best.title())
                .append("\nx = ").append(NumberFormats.compact(p.xs()[bestIndex]))
                .append("\ny = ").append(NumberFormats.compact(p.ys()[bestIndex]));
        if (p.notes() != null && p.notes()[bestIndex] != null) sb.append('\n').append(p.notes()[bestIndex]);
        Point2D scene = new Point2D(best.xAxis().localToScene(best.xAxis().getDisplayPosition(p.xs()[bestIndex]), 0).getX(),
                best.yAxis().localToScene(0, best.yAxis().getDisplayPosition(p.plotYs()[bestIndex])).getY());
        show(sb.toString(), layer.sceneToLocal(scene), best.colorIndex());
        return sb.toString();
    }

    void hide() {
        label.setVisible(false);
        dot.setVisible(false);
    }

    private void show(String text, Point2D at, int colorIndex) {
        label.setText(text);
        label.autosize();
        double lx = at.getX() + 10 + label.getWidth() > layer.getWidth() ? at.getX() - 10 - label.getWidth() : at.getX() + 10;
        double ly = Math.max(0, at.getY() - label.getHeight() - 6);
        label.relocate(lx, ly);
        dot.setCenterX(at.getX());
        dot.setCenterY(at.getY());
        dot.getStyleClass().removeIf(c -> c.startsWith("series-color-"));
        dot.getStyleClass().add("series-color-" + colorIndex);
        label.setVisible(true);
        dot.setVisible(true);
    }
}
