package classlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.train.NativeBuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native settings are in force on every path a user takes (the window, {@code run},
 * {@code bench}), with and without the launcher's relaunch: each command runs in a fresh JVM
 * started as a user starts it, and prints at exit what JavaCPP and DL4J actually read
 * ({@code -Dclasslab.nativeReport=true}).
 */
class NativeSettingsProcessTest {
    @TempDir Path tmp;

    private static final Path MNIST_MINI = Path.of(System.getProperty("classlab.mnistMini", "../shared/data/mnist-mini"));

    /** Starts the launcher; {@code relaunch} leaves the heap and OpenMP threads unset so that it restarts itself. */
    private static String launch(boolean relaunch, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!relaunch) cmd.add("-Xmx1g");
        cmd.addAll(List.of("-D" + NativeSettings.REPORT + "=true", "-cp", System.getProperty("java.class.path"),
                "classlab.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        if (relaunch) pb.environment().remove("OMP_NUM_THREADS");
        else pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static void assertInForce(String output) {
        assertInForce(output, true);
    }

    /**
     * The native settings, and the memory policy: the guard runs wherever the launcher started the
     * JVM, and a relaunched JVM has the launcher's heap and collector settings.
     */
    private static void assertInForce(String output, boolean relaunched) {
        String report = output.lines().filter(l -> l.startsWith("native-settings: maxPhysicalBytes=")).findFirst()
                .orElseThrow(() -> new AssertionError("no native report in:\n" + output));
        assertTrue(report.contains("maxPhysicalBytes=0 "), report);
        NativeBuild build = NativeBuild.forThisMachine();
        assertTrue(report.contains("/linux-x86_64" + build.extension() + "/libjnind4jcpu.so"), build + ": " + report);
        if (build.usesOneDnn()) assertTrue(report.contains("helpers.disable=false "), report);
        assertTrue(report.contains(" memory-guard=on "), report);
        assertTrue(report.contains(" opexec=GuardedOpExecutioner "), report);
        if (relaunched) {
            assertTrue(report.contains(" ExplicitGCInvokesConcurrent=true "), report);
            assertTrue(report.contains(" MaxHeapSize=" + (1L << 30)), report);   // Launcher.DEFAULT_HEAP
        }
    }

    @Test
    void inRunAfterARelaunch() throws Exception {
        assertInForce(launch(true, "run", "pattern", "--experiment", "full_batch", "--epochs", "1", "--data-dir",
                MNIST_MINI.toString(), "--out", tmp.resolve("run").toString(), "--no-figures"));
    }

    @Test
    void inBenchWithoutRelaunch() throws Exception {
        assertInForce(launch(false, "bench", "--workloads", "full_batch_0v1", "--quick", "--data-dir", MNIST_MINI.toString()), false);
    }

    @Test
    void inTheWindow() throws Exception {
        assertInForce(launch(true, "snapshot", "pattern", "--epochs", "1", "--data-dir", MNIST_MINI.toString(),
                "--out", tmp.resolve("pattern.png").toString()));
    }
}
