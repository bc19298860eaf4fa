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
        assertEquals(List.of(), LessonPaneController.paced(views, drawn + LessonPaneController.RUNNING_REDRAW_NANOS),
                "nothing changed: nothing to redraw");
        for (LineFigure f : figures) f.series("s").add(1, 2);
        assertEquals(List.of(), LessonPaneController.paced(views, drawn + LessonPaneController.RUNNING_REDRAW_NANOS / 2),
                "changed, but drawn less than 250 ms ago");
        // Redrawn one by one, the longest-waiting first: view 2 was drawn last, so it waits.
        fx(() -> views.get(0).refreshIfChanged() && views.get(1).refreshIfChanged());
        figures.get(0).series("s").add(2, 3);
        figures.get(1).series("s").add(2, 3);
        long later = views.get(1).drawnAt() + LessonPaneController.RUNNING_REDRAW_NANOS;
        List<FigureView> due = LessonPaneController.paced(views, later);
        assertEquals(LessonPaneController.RUNNING_REDRAWS_PER_TICK, due.size());
        assertEquals(views.get(2), due.get(0), "the view that waited longest comes first");
        assertFalse(due.contains(views.get(1)), "at most two per tick");
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
