package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.CifarFixtures;
import classlab.core.figure.GridFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonPaneController;
import classlab.ui.lesson.LessonSession;
import classlab.ui.shell.AppUnderTest;
import classlab.ui.shell.ClassLabApp;
import classlab.ui.shell.StartOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The cifar pane on a generated CIFAR-10-format archive: two epochs, then a click on a confusion cell opens its images. */
class CifarPaneUiTest extends FxRobot {
    @TempDir
    Path dir;
    private ClassLabApp app;

    @AfterEach
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @Test
    void trainTwoEpochsThenClickAConfusionCellAndSeeItsImages() throws Exception {
        CifarFixtures.writeArchive(dir.resolve("cifar-10"), 20, 30);
        app = AppUnderTest.start("en", Theme.LIGHT, dir, "cifar");
        LessonPaneController pane = app.controller().currentPane();
        LessonSession session = pane.session();
        interact(() -> assertEquals(null, session.setParam("epochs", "2")));
        interact(() -> assertEquals(null, session.setParam("mlp_epochs", "2")));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> {
            TrainingEngine.State s = session.stateProperty().get();
            return s == TrainingEngine.State.FINISHED || s == TrainingEngine.State.FAILED;
        });
        assertEquals(TrainingEngine.State.FINISHED, session.stateProperty().get(), session.engine().failureMessage());

        TabPane tabs = lookup("#sections").queryAs(TabPane.class);
        interact(() -> {
            for (Tab t : tabs.getTabs()) if ("errors".equals(t.getUserData())) tabs.getSelectionModel().select(t);
        });
        interact(pane::refreshFigures);
        WaitForAsyncUtils.waitForFxEvents();
        GridFigureView confusion = (GridFigureView) view(pane, "confusion");
        GridFigure cm = (GridFigure) confusion.figure();
        double[][] counts = cm.panels().get(0).values();
        int row = 0, col = 0;
        for (int i = 0; i < counts.length; i++) for (int j = 0; j < counts.length; j++) if (counts[i][j] > counts[row][col]) { row = i; col = j; }
        int r = row, c = col;
        Point2D cell = WaitForAsyncUtils.asyncFx(() -> {
            double[] p = confusion.cellCenter(0, r, c);
            return confusion.canvasPane().canvas().localToScreen(p[0], p[1]);
        }).get();
        clickOn(cell);
        ImageGridFigure images = (ImageGridFigure) view(pane, "cell_images").figure();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, images::hasData);
        assertEquals((int) Math.min(counts[row][col], 40), images.images().size(), "the clicked cell's images");
        assertEquals(3, images.images().get(0).channels(), "colour images");
        interact(pane::refreshFigures);
        assertTrue(view(pane, "cell_images").isVisible());
    }

    private static FigureView view(LessonPaneController pane, String id) {
        for (FigureView v : pane.figureViews()) if (v.figure().id().equals(id)) return v;
        throw new AssertionError("no view of " + id);
    }

}
