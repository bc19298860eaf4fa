package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonCatalog;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trial 5, item 16: after Run was refused for a field, the run bar's problem line follows the form:
 * the field's new refusal, nothing once every field is valid (it kept "-5" after the field read
 * "abc", and "abc" after Defaults).
 */
class RefusedRunLineFollowsTheFormTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <V> V fx(Callable<V> c) throws Exception { return WaitForAsyncUtils.asyncFx(c).get(); }

    @Test
    void theRefusalFollowsTheFieldAndClearsWithDefaults() throws Exception {
        RunRedrawsDemosFirstTest.Recording lesson = new RunRedrawsDemosFirstTest.Recording();
        LessonSession session = new LessonSession(new LessonCatalog.Entry("recording", "test", Map.of(), Map.of(), e -> lesson), lesson);
        try {
            fx(() -> session.setParam("epochs", "-5"));
            fx(() -> { session.run(); return null; });
            String first = fx(() -> session.problemProperty().get());
            assertTrue(first.contains("-5"), first);
            fx(() -> session.setParam("epochs", "abc"));
            String second = fx(() -> session.problemProperty().get());
            assertTrue(second.contains("abc") && !second.contains("-5"), second);
            fx(() -> { session.resetParams(); return null; });
            assertEquals("", fx(() -> session.problemProperty().get()));
            // a typed fix clears it as well
            fx(() -> session.setParam("epochs", "abc"));
            fx(() -> { session.run(); return null; });
            assertTrue(fx(() -> session.problemProperty().get()).contains("abc"));
            fx(() -> session.setParam("epochs", "3"));
            assertEquals("", fx(() -> session.problemProperty().get()));
        } finally {
            session.dispose(5, TimeUnit.SECONDS);
        }
    }
}
