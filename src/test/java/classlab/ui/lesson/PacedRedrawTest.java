package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.ui.fx.Viewports;
import classlab.ui.widget.FigureView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** How the pane paces chart redraws while training, and its live scroll pane without a bitmap cache. */
class PacedRedrawTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <V> V fx(Callable<V> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void whileTrainingAChartIsRedrawnAtMostEvery250MsAndAtMostTwoPerTick() throws Exception {
        List<LineFigure> figures = new ArrayList<>();
        List<FigureView> views = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LineFigure f = new LineFigure("f" + i, "t", "x", "y");
            f.series("s").add(0, 1);
            figures.add(f);
            views.add(fx(() -> FigureView.create(f, k -> k)));
        }
        long drawn = views.stream().mapToLong(FigureView::drawnAt).max().orElseThrow();
        assertEquals(List.of(), LessonPaneController.paced(views, drawn + LessonPaneController.RUNNING_REDRAW_NANOS, v -> true),
                "nothing changed: nothing to redraw");
        for (LineFigure f : figures) f.series("s").add(1, 2);
        assertEquals(List.of(), LessonPaneController.paced(views, drawn + LessonPaneController.RUNNING_REDRAW_NANOS / 2, v -> true),
                "changed, but drawn less than 250 ms ago");
        // Redrawn one by one, the longest-waiting first: view 2 was drawn last, so it waits.
        fx(() -> views.get(0).refreshIfChanged() && views.get(1).refreshIfChanged());
        figures.get(0).series("s").add(2, 3);
        figures.get(1).series("s").add(2, 3);
        long later = views.get(1).drawnAt() + LessonPaneController.RUNNING_REDRAW_NANOS;
        List<FigureView> due = LessonPaneController.paced(views, later, v -> true);
        assertEquals(LessonPaneController.RUNNING_REDRAWS_PER_TICK, due.size());
        assertEquals(views.get(2), due.get(0), "the view that waited longest comes first");
        assertFalse(due.contains(views.get(1)), "at most two per tick");
    }

    /** A changed chart scrolled out of sight waits while training; scrolled into sight, it is due at the next tick. */
    @Test
    void whileTrainingAChartOutOfSightWaitsUntilItIsScrolledIntoSight() throws Exception {
        List<LineFigure> figures = new ArrayList<>();
        List<FigureView> views = new ArrayList<>();
        javafx.scene.layout.VBox content = fx(javafx.scene.layout.VBox::new);
        for (int i = 0; i < 2; i++) {
            LineFigure f = new LineFigure("f" + i, "t", "x", "y");
            f.series("s").add(0, 1);
            figures.add(f);
            FigureView v = fx(() -> FigureView.create(f, k -> k));
            fx(() -> { v.setPrefSize(280, 300); return content.getChildren().add(v); });
            views.add(v);
        }
        ScrollPane scroll = fx(() -> Viewports.uncached(new ScrollPane(content)));
        // A 300 x 200 viewport whatever size earlier tests left the shared stage in (maximised, full screen).
        fx(() -> { scroll.setMaxSize(300, 200); return null; });
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(scroll), 300, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> Viewports.shows(scroll, views.get(0))));
        assertFalse(fx(() -> Viewports.shows(scroll, views.get(1))), "300 px below the top of a 200 px viewport");
        for (LineFigure f : figures) f.series("s").add(1, 2);
        long later = views.stream().mapToLong(FigureView::drawnAt).max().orElseThrow() + LessonPaneController.RUNNING_REDRAW_NANOS;
        assertEquals(List.of(views.get(0)), fx(() -> LessonPaneController.paced(views, later, v -> Viewports.shows(scroll, v))));
        fx(() -> { scroll.setVvalue(1); scroll.layout(); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(views.get(1)), fx(() -> LessonPaneController.paced(views, later, v -> Viewports.shows(scroll, v))),
                "scrolled to the end: the second chart in sight, the first out of it");
        fx(() -> { views.get(1).setVisible(false); return null; });
        assertFalse(fx(() -> Viewports.shows(scroll, views.get(1))), "a hidden chart is not on screen");
    }

    @Test
    void theLiveChartsScrollPaneDrawsItsViewportWithoutABitmapCache() throws Exception {
        ScrollPane scroll = fx(() -> Viewports.uncached(new ScrollPane(new StackPane())));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(scroll), 300, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node viewport = fx(() -> scroll.lookup(".viewport"));
        assertTrue(viewport != null, "the skin made a viewport");
        assertFalse(fx(viewport::isCache), "not cached: a changed chart repaints only its region");
        // JavaFX's own ScrollPane caches it (what this undoes).
        ScrollPane plain = fx(() -> new ScrollPane(new StackPane()));
        FxToolkit.setupStage(stage -> stage.setScene(new Scene(new StackPane(plain), 300, 200)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> plain.lookup(".viewport").isCache()));
    }
}
