package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWatchdogTest {
    @TempDir Path tmp;

    @Test
    void aStartUpThatNeverEndsLeavesAThreadDump() throws Exception {
        CompletableFuture<Void> never = new CompletableFuture<>();
        Path dump = StartupWatchdog.watch(never, Duration.ofMillis(50), tmp.resolve("logs")).get(10, TimeUnit.SECONDS);
        String text = Files.readString(dump);
        assertTrue(dump.startsWith(tmp.resolve("logs")), dump.toString());
        assertTrue(text.contains("\"main\"") && text.contains("at "), text);
    }

    @Test
    void aStartUpInTimeLeavesNothing() throws Exception {
        CompletableFuture<Path> dumped = StartupWatchdog.watch(CompletableFuture.completedFuture(null), Duration.ofMillis(10), tmp);
        Thread.sleep(200);
        assertFalse(dumped.isDone());
        try (var files = Files.list(tmp)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
