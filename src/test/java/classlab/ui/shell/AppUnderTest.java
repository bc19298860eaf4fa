package classlab.ui.shell;

import classlab.ui.fx.Theme;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application window for headless UI tests (TestFX on Monocle): started on one lesson, closed after each test. */
public final class AppUnderTest {
    private AppUnderTest() {}

    /** Starts ClassLab as {@code app --lang LANG --theme THEME --data-dir DIR --lesson ID} would, on the primary stage. */
    public static ClassLabApp start(String lang, Theme theme, Path dataDir, String lesson) throws Exception {
        ClassLabApp.prepare(new StartOptions(lang, theme, dataDir, lesson, null, null, false));
        FxToolkit.registerPrimaryStage();
        ClassLabApp app = (ClassLabApp) FxToolkit.setupApplication(ClassLabApp.class);
        // the window draws its shell first and opens the lesson at the frame after (ClassLabApp.start)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.controller().currentPane() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Closes the window (stopping its runs) and every stage a test opened. */
    public static void close(ClassLabApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
