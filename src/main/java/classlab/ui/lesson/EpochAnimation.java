package classlab.ui.lesson;

import classlab.core.figure.LineFigure;
import classlab.ui.fx.Resources;
import classlab.ui.fx.Theme;
import classlab.ui.widget.FigureExport;
import classlab.ui.widget.FigureView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * Frames of a per-epoch line chart as the run went: frame k shows the points up to epoch k on
 * the axes of the whole run (so nothing rescales between frames). Frames are drawn off-screen on
 * the FX thread, one per pulse so the window stays responsive; encoding happens elsewhere.
 */
final class EpochAnimation {
    /** More epochs than this are sampled evenly (a 500-epoch run becomes a 60-frame GIF). */
    static final int MAX_FRAMES = 60;

    private EpochAnimation() { }

    /** Whether {@code f} is a curve over epochs (x axis "Epoch", drawn as lines). */
    static boolean animates(LineFigure f) {
        return "axis.epoch".equals(f.xLabelKey()) && f.style() == LineFigure.Style.LINE;
    }

    /** The epochs at which frames are taken: every epoch up to {@link #MAX_FRAMES}, else evenly spaced, always the last. */
    static List<Double> frameEpochs(LineFigure f) {
        double last = Double.NEGATIVE_INFINITY;
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (LineFigure.Series s : f.allSeries()) for (double x : s.snapshot()[0]) xs.add(x);
        if (xs.isEmpty()) return List.of();
        last = xs.last();
        List<Double> all = new ArrayList<>(xs);
        if (all.size() <= MAX_FRAMES) return all;
        List<Double> picked = new ArrayList<>();
        for (int i = 1; i <= MAX_FRAMES; i++) picked.add(all.get((int) Math.round((double) i * (all.size() - 1) / MAX_FRAMES)));
        if (picked.get(picked.size() - 1) != last) picked.add(last);
        return picked;
    }

    /**
     * A copy of {@code f} holding the points with x ≤ {@code upTo}, on the full run's x and y ranges, in
     * {@code f}'s colours and with its faded earlier runs whole (trial 4, item 6: the GIF coloured the
     * strategies by their order and left the earlier run out, unlike the screen and the PNG).
     */
    static LineFigure upTo(LineFigure f, double upTo) {
        LineFigure copy = new LineFigure(f.id(), f.titleKey(), f.xLabelKey(), f.yLabelKey())
                .style(f.style()).logY(f.logY()).diagonal(f.diagonal()).colorsAs(f);
        if (f.rightLabelKey() != null) copy.rightAxis(f.rightLabelKey(), f.logRightY());
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (LineFigure.Series s : f.allSeries()) {
            double[][] xy = s.snapshot();
            LineFigure.Series target = s.rightAxis() ? copy.rightSeries(s.name()) : copy.series(s.name());
            widen(box, xy[0], s.rightAxis() ? null : xy[1], f.logY());
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < xy[0].length; i++) if (xy[0][i] <= upTo) kept.add(new double[] {xy[0][i], xy[1][i]});
            double[] x = new double[kept.size()], y = new double[kept.size()];
            for (int i = 0; i < kept.size(); i++) { x[i] = kept.get(i)[0]; y[i] = kept.get(i)[1]; }
            target.set(x, y);
        }
        List<LineFigure.Previous> earlier = f.previousCurves();
        for (LineFigure.Previous p : earlier) widen(box, p.x(), p.rightAxis() ? null : p.y(), f.logY());
        copy.setPrevious(earlier);
        double xMin = box[0], xMax = box[1], yMin = box[2], yMax = box[3];
        copy.xRange(f.xMin() != null ? f.xMin() : (xMin > 0 ? 0.0 : xMin), f.xMax() != null ? f.xMax() : xMax);
        if (yMin <= yMax) {
            double[] nice = niceRange(yMin, yMax, f.logY());
            copy.yRange(f.yMin() != null ? f.yMin() : nice[0], f.yMax() != null ? f.yMax() : nice[1]);
        }
        for (LineFigure.Level l : f.levels()) copy.addLevel(l.labelKey(), l.y());
        for (LineFigure.Marker m : f.markers()) if (m.x() <= upTo) copy.addMarker(m.labelKey(), m.x());
        return copy;
    }

    /** Widens {@code box} (x min, x max, y min, y max) to the points; {@code y} null for a right-axis curve (x only). */
    private static void widen(double[] box, double[] x, double[] y, boolean logY) {
        for (int i = 0; i < x.length; i++) {
            box[0] = Math.min(box[0], x[i]);
            box[1] = Math.max(box[1], x[i]);
            if (y != null && Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                box[2] = Math.min(box[2], y[i]);
                box[3] = Math.max(box[3], y[i]);
            }
        }
    }

    /**
     * {@code [low, high]} widened to whole tick steps (about {@value #Y_TICKS} of them), whole decades on
     * a log axis: the frames' fixed y axis then has the ticks the live chart has (0, 0.5, 1, ...),
     * not ticks counted from the lowest loss (0.3008, 0.8008, ...).
     */
    static double[] niceRange(double low, double high, boolean log) {
        if (log) return new double[] {Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high)))};
        if (high <= low) return new double[] {low, high};
        double step = classlab.ui.widget.NumberFormats.niceStep(high - low, Y_TICKS);
        return new double[] {Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step};
    }

    /** Ticks the GIF's y axis aims for, as the live chart ({@code LineFigureView}). */
    private static final int Y_TICKS = 6;

    /**
     * Draws every frame at {@code width × height} (× {@code scale}) in the theme, one per FX pulse.
     * Call on the FX thread; the future completes on it.
     */
    static CompletableFuture<List<WritableImage>> render(LineFigure f, Function<String, String> text, Theme theme,
                                                        double width, double height, double scale) {
        List<Double> epochs = frameEpochs(f);
        CompletableFuture<List<WritableImage>> done = new CompletableFuture<>();
        List<WritableImage> frames = new ArrayList<>();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            try {
                if (frames.size() == epochs.size()) {
                    done.complete(frames);
                    return;
                }
                frames.add(frame(upTo(f, epochs.get(frames.size())), text, theme, width, height, scale));
                Platform.runLater(next[0]);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        Platform.runLater(next[0]);
        return done;
    }

    private static WritableImage frame(LineFigure f, Function<String, String> text, Theme theme,
                                       double width, double height, double scale) {
        FigureView view = FigureView.create(f, text);
        view.setTheme(theme.chartTheme());
        StackPane root = new StackPane(view);
        root.getStyleClass().addAll("root", theme.styleClass());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(Resources.url("/styles/app.css").toExternalForm(),
                Resources.url("/styles/charts.css").toExternalForm());
        for (int i = 0; i < 3; i++) {  // chart axes size themselves from the previous pass's ranges
            root.applyCss();
            root.layout();
        }
        return FigureExport.snapshot(view, scale);
    }
}
