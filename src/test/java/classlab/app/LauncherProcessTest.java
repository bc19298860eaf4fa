package classlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.BlackholeServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher in a fresh JVM relaunches itself; when the launcher is terminated, its child must end
 * too. The child is kept busy cheaply: it waits for MNIST through a proxy that never answers.
 */
class LauncherProcessTest {
    @TempDir Path tmp;

    private Process startLauncher(BlackholeServer proxy) throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("empty"));  // an existing data folder without MNIST
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.port(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "run", "pattern", "--experiment", "full_batch", "--no-figures",
                "--data-dir", tmp.resolve("empty").toString(), "--out", tmp.resolve("out").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().remove("OMP_NUM_THREADS");  // the launcher relaunches on small machines or without -Xmx
        return pb.start();
    }

    private static ProcessHandle childWaitingOn(Process launcher, BlackholeServer proxy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = launcher.toHandle().children().findFirst();
            if (child.isPresent() && proxy.connections() > 0) return child.get();
            assertTrue(launcher.isAlive(), "launcher alive while its child starts");
            Thread.sleep(50);
        }
        throw new AssertionError("the relaunched child did not reach the download in 60 s");
    }

    @Test
    void terminatingTheLauncherEndsItsChild() throws Exception {
        try (BlackholeServer proxy = new BlackholeServer()) {
            Process launcher = startLauncher(proxy);
            ProcessHandle child = childWaitingOn(launcher, proxy);
            launcher.destroy();  // SIGTERM
            assertTrue(launcher.waitFor(Launcher.CHILD_GRACE.toSeconds() + 10, TimeUnit.SECONDS), "launcher ended");
            assertTrue(child.onExit().thenApply(h -> true).completeOnTimeout(false, 10, TimeUnit.SECONDS).get(),
                    "child " + child.pid() + " ended with the launcher");
        }
    }

    @Test
    void aKilledLauncherStillTakesItsChildAlong() throws Exception {
        try (BlackholeServer proxy = new BlackholeServer()) {
            Process launcher = startLauncher(proxy);
            ProcessHandle child = childWaitingOn(launcher, proxy);
            launcher.destroyForcibly();  // SIGKILL: no shutdown hook runs in the launcher
            assertTrue(child.onExit().thenApply(h -> true).completeOnTimeout(false, 10, TimeUnit.SECONDS).get(),
                    "child " + child.pid() + " ended after its launcher was killed");
        }
    }

    /**
     * {@code app --exit-after-show} (bench's first-window figure, and .ci/run's start check) reports the
     * shown window, then, later, the first lesson drawn in it, and exits by itself.
     */
    @Test
    void exitAfterShowReportsTheWindowThenTheDrawnLesson() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "app", "--exit-after-show",
                "--lesson", "imbalance", "--data-dir", classlab.testsupport.SharedData.mnistMini().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().remove("DISPLAY");  // Monocle, as in CI
        pb.environment().put("XDG_CONFIG_HOME", tmp.toString());   // the window remembers its lesson: not in the user's settings
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "exits by itself");
        String log = java.nio.file.Files.readString(tmp.resolve("log.txt"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)first-window-ms=(\\d+).*first-lesson-ms=(\\d+)").matcher(log);
        assertTrue(m.find(), log);
        assertTrue(Long.parseLong(m.group(2)) >= Long.parseLong(m.group(1)), log);
        org.junit.jupiter.api.Assertions.assertEquals(0, p.exitValue(), log);
    }
}
