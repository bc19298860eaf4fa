package classlab.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open recording…" opens where the runs saved on quitting are (trial report 3, item 13). */
class RecordingFolderTest {
    @TempDir Path dir;

    @Test
    void theChooserStartsInTheLastFolderElseTheRunsFolderElseHome() throws Exception {
        Path last = Files.createDirectory(dir.resolve("last")), runs = Files.createDirectory(dir.resolve("runs"));
        Path home = Files.createDirectory(dir.resolve("home"));
        assertEquals(last, ClassroomTools.firstFolder(last, runs, home));
        assertEquals(runs, ClassroomTools.firstFolder(null, runs, home), "nothing saved or opened yet: the runs saved on quitting");
        assertEquals(home, ClassroomTools.firstFolder(null, dir.resolve("no-runs-yet"), home));
        assertNull(ClassroomTools.firstFolder(null, null, dir.resolve("gone")));
    }
}
