package classlab.core.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives a start-up freeze a cause. ND4J's native start-up takes 1-4 s (10 s on a loaded machine);
 * once in 25 app starts it never ended, with nothing in the log after "Number of threads used for
 * OpenMP BLAS". When start-up has not finished after a time limit, the watchdog writes every thread's
 * full stack (native frames included as the JVM sees them) to a file, so that the user can be told
 * what is happening and the file can be sent to whoever fixes it.
 */
public final class StartupWatchdog {
    /** Six times the slowest start-up seen on the 2-core machine under a load of 20. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private StartupWatchdog() {}

    /**
     * @param ready   the start-up to watch (e.g. {@link Backend#whenReady()})
     * @param limit   how long start-up may take
     * @param dumpDir folder for the dump (created if needed; the system temp folder if it cannot be)
     * @return completes with the dump file if {@code ready} is still not done after {@code limit};
     *         never completes otherwise
     */
    public static CompletableFuture<Path> watch(CompletableFuture<?> ready, Duration limit, Path dumpDir) {
        CompletableFuture<Path> dumped = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (ready.isDone()) return;
            try {
                dumped.complete(writeThreadDump(dumpDir, "startup-" + limit.toSeconds() + "s"));
            } catch (IOException e) {
                dumped.completeExceptionally(e);
            }
        });
        return dumped;
    }

    /** Writes the stacks of all live threads to {@code dir/threads-<label>-<time>.txt}; returns the file. */
    public static Path writeThreadDump(Path dir, String label) throws IOException {
        String name = "threads-" + label + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt";
        StringBuilder text = new StringBuilder("ClassLab thread dump (" + label + "), JVM "
                + ManagementFactory.getRuntimeMXBean().getName() + ", Java " + System.getProperty("java.version") + "\n\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            text.append('"').append(t.getName()).append("\" ").append(t.isDaemon() ? "daemon " : "")
                .append(t.getState()).append('\n');
            for (StackTraceElement frame : e.getValue()) text.append("    at ").append(frame).append('\n');
            text.append('\n');
        }
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Files.writeString(Path.of(System.getProperty("java.io.tmpdir")).resolve(name), text, StandardCharsets.UTF_8);
        }
    }
}
