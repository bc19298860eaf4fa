package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot} on a real X server (GTK), as on a teacher's Linux desktop: its terminal output is
 * the one line it promises. Needs {@code xvfb-run} and GTK 3; skipped where they are missing (the
 * headless CI runs the window on Monocle, where GDK never speaks).
 */
class SnapshotOnXServerProcessTest {
    @TempDir Path tmp;

    /**
     * AWT draws the PNG's footer; with its own X connection it called XSetErrorHandler inside GDK's
     * error trap, and GDK printed "Gdk-WARNING **: XSetErrorHandler() called with a GDK error trap
     * pushed. Don't do that." on stderr (polish brief, item 4).
     */
    @Test
    void snapshotPrintsNoGdkWarning() throws Exception {
        Assumptions.assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed");
        Path png = tmp.resolve("pattern.png");
        ProcessBuilder pb = new ProcessBuilder(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "classlab.app.Launcher", "snapshot", "pattern", "--epochs", "1", "--lang", "en",
                "--data-dir", classlab.testsupport.SharedData.mnistMini().toString(), "--out", png.toString()));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectError(tmp.resolve("stderr.txt").toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished in time");
        String err = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
        String out = Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(err.contains("cannot open display") || err.contains("Unable to open DISPLAY"), "no X server: " + err);
        Assumptions.assumeFalse(err.contains("Unable to load glass GTK library"), "GTK 3 is not installed: " + err);
        assertEquals(0, p.exitValue(), out + err);
        assertTrue(Files.size(png) > 0, "the picture is written");
        assertFalse(err.contains("Gdk-WARNING") || err.contains("XSetErrorHandler"), err);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
