package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.classroom.RunRecord;
import classlab.core.lesson.LessonStrings;
import classlab.core.train.TrainingEngine.Progress;
import classlab.ui.fx.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run that early stopping ended (schedules, epoch 24 of 149) says so, with the epoch it keeps, and
 * fills the bar; it read "Finished" over a bar 16 % full (trial 3, item 14). A run stopped by the
 * user still shows where it stopped.
 */
class EarlyStopBarTest {
    private static final Progress AT_24 = new Progress("", 1, 1, 24, 149, 456, Double.NaN, 0);

    private static RunRecord ended(String outcome, Map<String, Double> results) {
        return new RunRecord(1, "schedules", "early_stopping", "early_stopping", Map.of(), Map.of(), List.of(), 42L,
                Instant.EPOCH, outcome, results, List.of(), List.of(), List.of(), List.of(), List.of(), null, AT_24);
    }

    @Test
    void earlyStoppingFillsTheBarAndSaysWhy() {
        RunBarModel bar = new RunBarModel(new Messages("ko"), LessonStrings.load("schedules", "ko"));
        bar.showProgress(AT_24, "early_stopping", "epoch", ended("FINISHED", Map.of("stopped_early", 1.0, "best_epoch", 12.0)), true);
        assertEquals(1.0, bar.progressProperty().get());
        String text = bar.progressTextProperty().get();
        assertTrue(text.startsWith("조기 종료: ") && text.contains("24/149") && text.contains("에폭 12"), text);

        bar.showProgress(AT_24, "early_stopping", "epoch", ended("FINISHED", Map.of("stopped_early", 0.0, "best_epoch", 149.0)), true);
        assertTrue(!bar.progressTextProperty().get().contains("조기"), bar.progressTextProperty().get());
        bar.showProgress(AT_24, "early_stopping", "epoch", ended("STOPPED", Map.of()), true);
        assertEquals(AT_24.fraction(), bar.progressProperty().get(), "a run stopped by the user shows where it stopped");
    }
}
