package classlab.ui.classroom;

import classlab.core.lesson.Experiment;
import classlab.ui.fx.Theme;
import classlab.ui.lesson.LessonSession;
import classlab.ui.shell.ClassLabApp;
import classlab.ui.shell.StartOptions;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Scratch (not committed): screenshots of the classroom tools. */
class ScratchShots extends FxRobot {
    @Test
    void shots() throws Exception {
        String lang = System.getenv().getOrDefault("SHOT_LANG", "en");
        Theme theme = Theme.valueOf(System.getenv().getOrDefault("SHOT_THEME", "LIGHT"));
        String geometry = System.getenv().getOrDefault("SHOT_GEOMETRY", "1920x1080");
        String name = lang + "-" + theme + "-" + geometry;
        System.setProperty("headless.geometry", geometry + "-32");
        ClassLabApp.prepare(new StartOptions(lang, theme, classlab.testsupport.SharedData.mnistMini(), "regularization", null, null, false));
        FxToolkit.registerPrimaryStage();
        ClassLabApp app = (ClassLabApp) FxToolkit.setupApplication(ClassLabApp.class);
        LessonSession session = app.controller().currentPane().session();
        interact(() -> {
            javafx.stage.Window w = app.controller().currentPane().root().getScene().getWindow();
            var b = javafx.stage.Screen.getPrimary().getVisualBounds();
            w.setX(0); w.setY(0); w.setWidth(b.getWidth()); w.setHeight(b.getHeight());
        });
        interact(() -> { session.setParam("epochs", "4"); session.setParam("train_size", "600"); session.setParam("test_size", "200"); });
        interact(() -> app.controller().rebuildPane());
        clickOn("#tool-questions");
        clickOn("#question-best_test_accuracy-option-1");
        clickOn("#question-highest_train_loss-option-0");
        run(session, "all_four", 1);
        Thread.sleep(500);
        interact(() -> app.controller().currentPane().refreshFigures());
        shot(app.controller().currentPane().root().getScene(), "questions-" + name);
        clickOn("#tool-presenter");
        interact(() -> ((javafx.scene.control.ToggleButton) PresenterWindow.current().stage().getScene()
                .lookup("#presenter-question-best_test_accuracy-reveal")).fire());
        Thread.sleep(300);
        shot(PresenterWindow.current().stage().getScene(), "presenter-" + name);
        shot(app.controller().currentPane().root().getScene(), "revealed-" + name);
        interact(() -> PresenterWindow.current().stage().close());
        interact(() -> session.setParam("lr", "0.003"));
        interact(() -> app.controller().rebuildPane());
        run(session, "dropout", 2);
        clickOn("#tool-runs");
        Thread.sleep(500);
        interact(() -> app.controller().currentPane().classroom().saveRun(session.history().run(1),
                java.nio.file.Path.of("/tmp/presenter-shots/regularization.classlab-run.json")));
        interact(() -> app.controller().currentPane().refreshFigures());
        WaitForAsyncUtils.waitForFxEvents();
        shot(app.controller().currentPane().root().getScene(), "runs-" + name);
        clickOn("#tool-digits");
        DigitPadView pad = lookup("#digitPad").queryAs(DigitPadView.class);
        interact(() -> { pad.paint(150, 40); pad.paint(140, 120); pad.paint(135, 250); });
        Thread.sleep(1500);
        shot(app.controller().currentPane().root().getScene(), "digits-" + name);
        FxToolkit.cleanupApplication(app);
    }

    private void shot(javafx.scene.Scene scene, String file) {
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            var img = scene.snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File("/tmp/presenter-shots/" + file + ".png"));
            } catch (Exception e) { throw new RuntimeException(e); }
        });
    }

    private void run(LessonSession session, String experiment, int runs) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Experiment> choice = lookup("#experimentChoice").queryAs(ComboBox.class);
        interact(() -> choice.setValue(session.model().experiment(experiment)));
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> session.history().runs().size() >= runs && !session.isRunning());
    }
}
