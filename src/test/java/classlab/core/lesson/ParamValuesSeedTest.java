package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import classlab.core.lesson.multiclass.MulticlassLesson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which setting is a tab's seed: the Runs list, the export stamp and summary.json name it (trial 9:
 * the Runs list said tab C's "seed 43052" for every run of multiclass tab A, whose seed is 0).
 */
class ParamValuesSeedTest {
    @Test
    void eachTabOfMulticlassHasItsOwnSeed() {
        ParamValues values = new MulticlassLesson(TestEnvironments.mnistMini()).defaults();
        assertEquals("binary_seed", values.shownIn(MulticlassLesson.BINARY_LOGITS).seedKey());
        assertEquals(0, values.shownIn(MulticlassLesson.BINARY_LOGITS).getInt("binary_seed"));
        assertEquals("seed", values.shownIn(MulticlassLesson.THREE_CLASS).seedKey());
    }

    @Test
    void settingsWithoutASeedHaveNone() {
        assertNull(ParamValues.defaults(List.of(ParamSpec.integer("epochs", 3, 1, 100))).seedKey());
    }
}
