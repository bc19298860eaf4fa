package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An empty chart's hint follows the run (trial 4, item 17): while a run trains, a chart whose part has
 * not come yet says so, not "press Run"; after a failure it says the run failed.
 */
class EmptyHintWordsTest {
    @Test
    void eachRunStateHasItsHintInBothLanguages() {
        Map<State, String> start = Map.of(State.IDLE, "Nothing here yet: press Run", State.RUNNING, "Training:",
                State.PAUSED, "Nothing here yet: press Resume", State.FAILED, "The run failed", State.FINISHED, "Nothing here yet: press Run");
        for (Map.Entry<State, String> e : start.entrySet()) {
            String key = LessonPaneController.emptyHintKey(e.getKey());
            assertTrue(LessonStrings.load(null, "en").apply(key).startsWith(e.getValue()), e.getKey() + ": " + key);
            assertTrue(LessonStrings.load(null, "ko").has(key), key);
        }
        assertEquals(LessonPaneController.emptyHintKey(State.RUNNING), LessonPaneController.emptyHintKey(State.STOPPING));
    }
}
