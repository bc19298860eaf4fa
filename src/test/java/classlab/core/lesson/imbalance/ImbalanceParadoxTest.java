package classlab.core.lesson.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accuracy-paradox table says "but" only where there is a paradox (trial 3, item 6: one
 * "although" template for every row). The rows are the trial's (3 epochs on mnist-mini) and the
 * notebook's kind of plain model.
 */
class ImbalanceParadoxTest {
    @ParameterizedTest(name = "accuracy {0}, minority recall {1}: {2}")
    @CsvSource({
        "0.914, 0.868, message.paradox_none",   // WeightedSampler: recall close to accuracy
        "0.507, 0.000, message.paradox_low",    // plain after 3 epochs: accuracy itself low
        "0.930, 0.450, message.paradox",        // high accuracy, minority classes missed
        "0.850, 0.900, message.paradox_none",   // minority recall above accuracy
    })
    void sentenceFitsTheNumbers(double accuracy, double minorityRecall, String key) {
        assertEquals(key, ImbalanceLesson.paradoxKey(accuracy, minorityRecall));
    }
}
