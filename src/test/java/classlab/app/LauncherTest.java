package classlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    private static final BooleanSupplier HAS_SHENANDOAH = () -> true;
    private static final BooleanSupplier NO_SHENANDOAH = () -> false;
    /** For commands where the user chose the collector or no relaunch happens: the JVM must not be asked. */
    private static final BooleanSupplier NOT_ASKED = () -> { throw new AssertionError("the collector probe ran"); };

    @Test
    void aPlainJavaJarRelaunchesWithABoundedHeapAndTheLowPauseCollector() {
        List<String> options = Launcher.relaunchCommand(List.of(), true, 8, false, true, HAS_SHENANDOAH);
        assertEquals(List.of(Launcher.DEFAULT_HEAP, Launcher.HEAP_FLOOR, Launcher.LOW_PAUSE_COLLECTOR,
                Launcher.CONCURRENT_EXPLICIT_GC, Launcher.JIT, "-D" + Launcher.RELAUNCHED + "=true"), options);
    }

    /** Where the JVM lacks Shenandoah (Oracle's JDK 17) G1 collects, with its young-generation cap and free-ratio bounds. */
    @Test
    void aJvmWithoutTheLowPauseCollectorKeepsG1WithItsSettings() {
        List<String> options = Launcher.relaunchCommand(List.of(), true, 8, false, true, NO_SHENANDOAH);
        List<String> expected = new ArrayList<>(List.of(Launcher.DEFAULT_HEAP, Launcher.HEAP_FLOOR));
        expected.addAll(Launcher.G1_OPTIONS);
        expected.addAll(List.of(Launcher.CONCURRENT_EXPLICIT_GC, Launcher.JIT, "-D" + Launcher.RELAUNCHED + "=true"));
        assertEquals(expected, options);
    }

    /** A collector the user chose is kept and the JVM is not probed; G1 chosen by hand gets G1's settings. */
    @Test
    void aCollectorTheUserChoseIsKept() {
        List<String> parallel = Launcher.relaunchCommand(List.of("-XX:+UseParallelGC"), true, 8, false, true, NOT_ASKED);
        assertTrue(parallel.contains("-XX:+UseParallelGC") && !parallel.contains(Launcher.LOW_PAUSE_COLLECTOR), parallel.toString());
        assertTrue(parallel.stream().noneMatch(Launcher.G1_OPTIONS::contains), parallel.toString());
        List<String> g1 = Launcher.relaunchCommand(List.of("-XX:+UseG1GC"), true, 8, false, true, NOT_ASKED);
        assertTrue(g1.containsAll(Launcher.G1_OPTIONS) && !g1.contains(Launcher.LOW_PAUSE_COLLECTOR), g1.toString());
    }

    /** Commands without a window (run, bench) keep G1, the throughput collector, and do not probe the JVM. */
    @Test
    void aCommandWithoutAWindowKeepsG1() {
        List<String> options = Launcher.relaunchCommand(List.of(), true, 8, false, false, NOT_ASKED);
        assertTrue(options.containsAll(Launcher.G1_OPTIONS) && !options.contains(Launcher.LOW_PAUSE_COLLECTOR), options.toString());
    }

    @Test
    void theUsersOwnOptionsAreKept() {
        List<String> options = Launcher.relaunchCommand(List.of("-Dfoo=1"), true, 8, false, true, HAS_SHENANDOAH);
        assertTrue(options.contains("-Dfoo=1"));
    }

    @Test
    void aChosenHeapIsRespectedAndOnlyThreadsCanStillCauseARelaunch() {
        assertEquals(List.of(), Launcher.relaunchCommand(List.of("-Xmx4g"), true, 2, false, true, NOT_ASKED));
        assertEquals(List.of(), Launcher.relaunchCommand(List.of("-Xmx4g"), false, 16, false, true, NOT_ASKED));
        List<String> options = Launcher.relaunchCommand(List.of("-Xmx4g"), false, 2, false, true, HAS_SHENANDOAH);
        assertEquals(List.of("-Xmx4g", Launcher.LOW_PAUSE_COLLECTOR, Launcher.CONCURRENT_EXPLICIT_GC, Launcher.JIT,
                "-D" + Launcher.RELAUNCHED + "=true"), options);
    }

    /** The memory policy's collector settings are added, except where the user chose that flag. */
    @Test
    void theMemoryPolicysCollectorSettingsGiveWayToTheUsersOwn() {
        List<String> options = Launcher.relaunchCommand(List.of("-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=50", "-XX:-ExplicitGCInvokesConcurrent"), true, 8, false, true, NOT_ASKED);
        assertTrue(options.contains("-XX:MaxHeapFreeRatio=50"));
        assertTrue(options.contains("-XX:-ExplicitGCInvokesConcurrent"));
        assertTrue(options.stream().noneMatch(o -> o.equals("-XX:MaxHeapFreeRatio=30") || o.equals(Launcher.CONCURRENT_EXPLICIT_GC)), options.toString());
        assertTrue(options.contains("-XX:MinHeapFreeRatio=10"), options.toString());
    }

    /** The default heap comes with its floor and (under G1) young cap; a user's heap or shape is kept as given. */
    @Test
    void theHeapShapeComesWithTheDefaultHeapOnly() {
        List<String> plain = Launcher.relaunchCommand(List.of(), true, 8, false, true, NO_SHENANDOAH);
        assertTrue(plain.containsAll(List.of("-Xmx1g", "-Xms256m", "-XX:MaxNewSize=64m")), plain.toString());
        List<String> ownHeap = Launcher.relaunchCommand(List.of("-Xmx200m"), false, 2, false, true, NO_SHENANDOAH);
        assertTrue(!ownHeap.contains(Launcher.HEAP_FLOOR) && !ownHeap.contains("-XX:MaxNewSize=64m"),
                "a 200 MB heap gets no 256 MB floor and no young cap: " + ownHeap);
        List<String> ownShape = Launcher.relaunchCommand(List.of("-Xms128m", "-Xmn32m"), true, 8, false, true, NO_SHENANDOAH);
        assertTrue(!ownShape.contains(Launcher.HEAP_FLOOR) && !ownShape.contains("-XX:MaxNewSize=64m") && ownShape.contains("-Xmx1g"), ownShape.toString());
    }

    @Test
    void theRelaunchedJvmDoesNotRelaunchAgain() {
        assertEquals(List.of(), Launcher.relaunchCommand(List.of(), false, 2, true, true, NOT_ASKED));
    }

    /** Every command's JVM (window, run, bench) compiles with C1 only; a user's tiered choice wins. */
    @Test
    void everyCommandsJvmCompilesWithC1Only() {
        assertTrue(Launcher.relaunchCommand(List.of(), true, 8, false, true, HAS_SHENANDOAH).contains(Launcher.JIT));
        assertTrue(Launcher.relaunchCommand(List.of("-Dx=1"), false, 2, false, true, HAS_SHENANDOAH).contains(Launcher.JIT));
        List<String> own = Launcher.relaunchCommand(List.of("-XX:TieredStopAtLevel=4"), true, 8, false, true, HAS_SHENANDOAH);
        assertTrue(own.contains("-XX:TieredStopAtLevel=4") && !own.contains(Launcher.JIT), own.toString());
    }

    /** The probe starts this JVM with the flag: the serial collector is in every HotSpot build, a made-up one in none. */
    @Test
    void theCollectorProbeAsksThisJvm() {
        assertTrue(Launcher.jvmSupports("-XX:+UseSerialGC"));
        assertFalse(Launcher.jvmSupports("-XX:+UseNoSuchCollectorGC"));
    }

    /** A child that ignores SIGTERM (as a JVM frozen in native start-up did) is killed after the grace period. */
    @Test
    void aChildThatIgnoresTerminationIsKilledAfterTheGrace() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/sh")), "POSIX shell");
        Process stubborn = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done").start();
        stubborn.getInputStream().read();  // the trap is in place
        Launcher.endChild(stubborn, java.time.Duration.ofMillis(300));
        assertTrue(stubborn.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "killed");
    }

    /** The collector probe (a JVM started with the flag) runs once per JVM: later starts read its answer. */
    @Test
    void theCollectorProbesAnswerIsRemembered(@TempDir Path dir) throws IOException {
        assertTrue(Launcher.jvmSupportsRemembered(dir, "-XX:+UseSerialGC"), "every HotSpot JVM has the serial collector");
        List<Path> answers;
        try (Stream<Path> files = Files.list(dir)) {
            answers = files.toList();
        }
        assertEquals(1, answers.size(), answers.toString());
        assertEquals("true", Files.readString(answers.get(0)));
        Files.writeString(answers.get(0), "false");
        assertFalse(Launcher.jvmSupportsRemembered(dir, "-XX:+UseSerialGC"), "the kept answer, not a new probe");
    }
}
