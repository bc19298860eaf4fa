package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import classlab.core.UserException;
import classlab.core.data.Destinations;
import classlab.core.data.FileAccessException;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.TestEnvironments;
import classlab.core.lesson.imbalance.ImbalanceLesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command-line messages a new user met in trial 3 (item 20): each says what the user typed, in plain words. */
class CliMessagesTest {
    @Test
    void aFolderThatTakesNoFilesIsNamedNotTheProbeFile() {
        // /proc exists but no file can be created in it: the probe file fails, the message names /proc
        assumeTrue(Files.isDirectory(Path.of("/proc")), "Linux /proc");
        FileAccessException e = assertThrows(FileAccessException.class,
                () -> Destinations.requireWritableFolder(Path.of("/proc"), FileAccessException.Attempt.RESULTS));
        assertTrue(e.getMessage().contains("/proc:"), e.getMessage());
        assertFalse(e.getMessage().contains("classlab-write-check"), e.getMessage());
    }

    @Test
    void oneEpochIsSingular() {
        LessonStrings en = LessonStrings.load(null, "en");
        assertEquals("pattern/full_batch: 1 epoch in 0.9 s {}", en.format("note.run.experiment_done", "pattern/full_batch", 1, "0.9", Map.of(), "1"));
        assertEquals("pattern/full_batch: 1000 epochs in 0.9 s {}", en.format("note.run.experiment_done", "pattern/full_batch", 1000, "0.9", Map.of(), "1000"));
        assertEquals("pattern/full_batch: 1 에폭, 0.9초 {}",
                LessonStrings.load(null, "ko").format("note.run.experiment_done", "pattern/full_batch", 1, "0.9", Map.of(), "1"));
    }

    @Test
    void aMinorityClassListedTwiceIsRefused() throws Exception {
        ImbalanceLesson lesson = new ImbalanceLesson(TestEnvironments.mnistMini());
        UserException e = assertThrows(UserException.class,
                () -> lesson.updateDemos(lesson.defaults().with("minority_classes", "5, 5")));
        assertEquals("minority_classes", e.param());
        assertTrue(e.getMessage().contains("5, 5") && e.getMessage().contains("more than once"), e.getMessage());
    }

    @Test
    void aBusyMachineIsNamedUnderTheBenchmark() {
        assertNull(BenchCommand.busyNote(1.9, 2));
        String note = BenchCommand.busyNote(14.2, 2);
        assertTrue(note.startsWith("# note: the machine was busy (load average up to 14.20 on 2 cores)"), note);
    }
}
