package classlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A renderer's RejectedExecutionException while the JVM shuts down is dropped; other failures are still reported. */
class QuietShutdownTest {
    /** Run in a fresh JVM: a thread dies like JavaFX's FX thread during shutdown, then another failure follows. */
    public static void main(String[] args) throws Exception {
        QuietShutdown.install();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dieWith(new RejectedExecutionException("renderer is gone"));
            dieWith(new IllegalStateException("a real bug"));
        }));
        System.exit(0);
    }

    private static void dieWith(RuntimeException e) {
        Thread t = new Thread(() -> { throw e; }, "fx-like");
        t.start();
        try {
            t.join();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void onlyTheShutdownRejectionIsDropped() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuietShutdownTest.class.getName())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!output.contains("RejectedExecutionException"), output);
        assertTrue(output.contains("IllegalStateException: a real bug"), output);
    }

    @Test
    void notShuttingDownWhileRunning() {
        assertEquals(false, QuietShutdown.shuttingDown());
    }
}
