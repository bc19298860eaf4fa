package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.Experiment;
import classlab.core.train.TrainingEngine;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What charts say and how they colour runs, in one app (its MNIST files are broken on purpose; the
 * batchnorm-gradients lesson trains on synthetic data): charts a failed run left empty say it failed,
 * in the pane's language; the live mini-batch loss colours each network as the lesson's other charts
 * colour its configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartWordsAndColoursUiTest extends FxRobot {
    private ClassLabApp app;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        // mnist-mini with a test-image file cut short: an MNIST run fails while loading, before any chart has data.
        try (var files = Files.list(ShellUiTest.mnistMini())) {
            for (Path f : files.toList()) Files.copy(f, data.resolve(f.getFileName()));
        }
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 100_000));
        app = AppUnderTest.start("ko", Theme.LIGHT, data, "pattern");
    }

    @AfterAll
    void stop() throws Exception {
        AppUnderTest.close(app);
    }

    @Test
    @Order(1)
    void chartsLeftEmptyByAFailedRunSayItFailed() throws Exception {
        LessonSession session = app.controller().currentPane().session();
        assertTrue(hints().stream().allMatch(t -> t.contains("실행(F5)을 누르면")), "before a run: press Run " + hints());
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ko = hints();
        assertFalse(ko.isEmpty());
        for (String t : ko) assertTrue(t.contains("실행이 실패했습니다") && t.contains("고친 뒤"), t);
        // trial 4, item 18: a run that failed before its first epoch is not an unsaved run to ask about on quitting
        assertEquals(1, session.history().runs().size(), "the failed run is listed");
        assertEquals(List.of(), session.unsavedRuns());

        // A language switch rebuilds the pane; its new charts still know the run failed.
        interact(() -> lookup("#languageChoice").queryAs(ChoiceBox.class).setValue("en"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> en = hints();
        assertEquals(ko.size(), en.size());
        for (String t : en) assertTrue(t.startsWith("The run failed") && t.contains("press Run (F5)"), t);
    }

    /**
     * 5-5 trains only the BatchNorm network: its live curve is orange like "With BatchNorm" in 5-2,
     * not blue as the run's first network; 5-4's eight networks alternate blue (no BN) and orange
     * (BN) as in the grid's panels, and are named as the panels name them.
     */
    @Test
    @Order(2)
    void liveLossCurvesTakeTheirConfigurationsColour() throws Exception {
        interact(() -> app.controller().open("batchnorm-gradients"));
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            assertNull(session.setParam("epochs", "1"));
            assertNull(session.setParam("bn_batch_sizes", "400, 800, 799, 798"));
        });
        LineFigure live = session.iterationLoss();
        LineFigure bnEffect = (LineFigure) figure(session, "bn_effect_loss");

        run(session, "modes");
        assertEquals(List.of("series.bn"), names(live));
        assertEquals(bnEffect.colorSlot("series.bn"), live.colorSlot("series.bn"), "as 'With BatchNorm' in 5-2");
        assertEquals(1, live.colorSlot("series.bn"));

        run(session, "bn_batch_sizes");
        LineFigure panel = (LineFigure) figure(session, "bn_batch_size_2");
        List<String> names = names(live);
        assertEquals(8, names.size(), names.toString());
        assertEquals("series.no_bn_at_batch|800", names.get(2));
        assertEquals("series.bn_at_batch|800", names.get(3));
        for (String n : names.subList(2, 4)) assertEquals(panel.colorSlot(n), live.colorSlot(n), n);
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1), names.stream().map(live::colorSlot).toList());
        String line = lookup("#progressLabel").queryAs(Label.class).getText();
        assertTrue(line.contains("BN, B=798") && !line.contains("bn_batch"), line);

        // Over another tab the line says whose run it reports (trial 3: it read as that tab's progress).
        javafx.scene.control.TabPane tabs = lookup("#sections").queryAs(javafx.scene.control.TabPane.class);
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "modes".equals(t.getUserData())).findFirst().orElseThrow()));
        String runTab = tabs.getTabs().stream().filter(t -> "bn_batch_sizes".equals(t.getUserData())).findFirst().orElseThrow().getText();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> progressLine().startsWith("tab “" + runTab + "”: "));
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "bn_batch_sizes".equals(t.getUserData())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> progressLine().startsWith("BN, B=798"));
    }

    private String progressLine() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> lookup("#progressLabel").queryAs(Label.class).getText()).get();
    }

    private void run(LessonSession session, String experiment) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment(experiment)));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.stateProperty().get() == TrainingEngine.State.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> names(LineFigure f) {
        return f.allSeries().stream().map(LineFigure.Series::name).toList();
    }

    private static Figure figure(LessonSession session, String id) {
        return session.model().allFigures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /** Texts of the empty-chart hints on screen. */
    private List<String> hints() {
        return lookup(".figure-empty-hint").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null).map(Label::getText).toList();
    }
}
