package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.MnistData;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.GridFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.RunControl;
import classlab.ui.lesson.LessonSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A click on a confusion-matrix cell reaches {@link LessonModel#select} off the FX thread through
 * {@link LessonSession#select} (wired as the lesson pane does), and the model's answer fills an
 * image grid.
 */
class SelectionWiringTest extends FxRobot {
    /** A lesson whose confusion matrix opens one image per count of the clicked cell. */
    static final class DrillDownLesson extends LessonModel {
        final GridFigure confusion = figure("errors", new GridFigure("confusion", "figure.confusion", GridFigure.Palette.HEAT, 1).selectable(true));
        final ImageGridFigure cellImages = figure("errors", new ImageGridFigure("cell_images", "figure.cell_images", 4));
        final CompletableFuture<String> selectThread = new CompletableFuture<>();
        final List<FigureSelection> selections = new ArrayList<>();

        DrillDownLesson(LessonEnvironment env) {
            super(env);
            String[] names = {"a", "b", "c"};
            confusion.setPanels(List.of(new GridFigure.Panel("test", new double[][] {{5, 1, 0}, {2, 6, 3}, {0, 1, 7}}, names, names, true)));
        }

        @Override public String id() { return "drilldown"; }
        @Override public List<ParamSpec> params() { return List.of(); }
        @Override public List<Experiment> experiments() { return List.of(new Experiment("run", "errors", true)); }
        @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) { throw new UnsupportedOperationException(); }

        @Override public void select(String figureId, FigureSelection sel) {
            synchronized (selections) { selections.add(sel); }
            int count = (int) confusion.panels().get(sel.panel()).values()[sel.row()][sel.col()];
            List<ImageGridFigure.Image> images = new ArrayList<>();
            for (int i = 0; i < count; i++) images.add(ImageGridFigure.Image.grey(new float[] {0, i}, 1, 2).withCaption(figureId));
            cellImages.setImages(images);
            selectThread.complete(Thread.currentThread().getName() + (Platform.isFxApplicationThread() ? " (FX)" : ""));
        }
    }

    private LessonSession session;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void dispose() {
        if (session != null) session.dispose(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void clickOnAConfusionCellFillsTheImageGridFromTheWorkerThread() throws Exception {
        LessonEnvironment env = new LessonEnvironment() {
            @Override public Path dataDir() { return Path.of("."); }
            @Override public MnistData mnist() { throw new UnsupportedOperationException(); }
        };
        DrillDownLesson lesson = new DrillDownLesson(env);
        session = new LessonSession(new LessonCatalog.Entry("drilldown", "test", Map.of(), Map.of(), e -> lesson), lesson);
        AtomicReference<GridFigureView> view = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            GridFigureView v = (GridFigureView) FigureView.create(lesson.confusion, k -> k);
            v.setOnSelect(sel -> session.select(lesson.confusion.id(), sel));   // as LessonPaneController.tile does
            stage.setScene(new Scene(new StackPane(v), 500, 400));
            stage.show();
            view.set(v);
        });
        WaitForAsyncUtils.waitForFxEvents();
        GridFigureView v = view.get();
        // Row 1 (true b), column 2 (predicted c) counts 3.
        Point2D cell = WaitForAsyncUtils.asyncFx(() -> {
            double[] c = v.cellCenter(0, 1, 2);
            return v.canvasPane().canvas().localToScreen(c[0], c[1]);
        }).get();
        moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Cursor.HAND, WaitForAsyncUtils.asyncFx(() -> v.canvasPane().getCursor()).get(), "hand cursor over a selectable cell");
        clickOn(cell);
        String thread = lesson.selectThread.get(20, TimeUnit.SECONDS);
        assertFalse(thread.contains("(FX)"), "select ran on " + thread);
        assertEquals("classlab-demo", thread, "the session's worker thread");
        assertEquals(List.of(FigureSelection.cell(0, 1, 2)), lesson.selections);
        assertEquals(3, lesson.cellImages.images().size());
        assertTrue(lesson.cellImages.hasData());
    }
}
