package classlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void aPlainJavaJarRelaunchesWithABoundedHeap() {
        List<String> options = Launcher.relaunchCommand(List.of(), true, 8, false);
        List<String> expected = new java.util.ArrayList<>(List.of(Launcher.DEFAULT_HEAP));
        expected.addAll(Launcher.HEAP_SHAPE);
        expected.addAll(Launcher.COLLECTOR_OPTIONS);
        expected.add(Launcher.JIT);
        expected.add("-D" + Launcher.RELAUNCHED + "=true");
        assertEquals(expected, options);
    }

    @Test
    void theUsersOwnOptionsAreKept() {
        List<String> options = Launcher.relaunchCommand(List.of("-Dfoo=1"), true, 8, false);
        assertTrue(options.contains("-Dfoo=1"));
    }

    @Test
    void aChosenHeapIsRespectedAndOnlyThreadsCanStillCauseARelaunch() {
        assertEquals(List.of(), Launcher.relaunchCommand(List.of("-Xmx4g"), true, 2, false));
        assertEquals(List.of(), Launcher.relaunchCommand(List.of("-Xmx4g"), false, 16, false));
        List<String> options = Launcher.relaunchCommand(List.of("-Xmx4g"), false, 2, false);
        List<String> expected = new java.util.ArrayList<>(List.of("-Xmx4g"));
        expected.addAll(Launcher.COLLECTOR_OPTIONS);
        expected.add(Launcher.JIT);
        expected.add("-D" + Launcher.RELAUNCHED + "=true");
        assertEquals(expected, options);
    }

    /** The memory policy's collector settings are added, except where the user chose that flag. */
    @Test
    void theMemoryPolicysCollectorSettingsGiveWayToTheUsersOwn() {
        List<String> options = Launcher.relaunchCommand(List.of("-XX:MaxHeapFreeRatio=50", "-XX:-ExplicitGCInvokesConcurrent"), true, 8, false);
        assertTrue(options.contains("-XX:MaxHeapFreeRatio=50"));
        assertTrue(options.contains("-XX:-ExplicitGCInvokesConcurrent"));
        assertTrue(options.stream().noneMatch(o -> o.equals("-XX:MaxHeapFreeRatio=30") || o.equals("-XX:+ExplicitGCInvokesConcurrent")), options.toString());
        assertTrue(options.contains("-XX:MinHeapFreeRatio=10"), options.toString());
    }

    /** The default heap comes with its shape (a floor, a capped young generation); a user's heap or shape is kept as given. */
    @Test
    void theHeapShapeComesWithTheDefaultHeapOnly() {
        List<String> plain = Launcher.relaunchCommand(List.of(), true, 8, false);
        assertTrue(plain.containsAll(List.of("-Xmx1g", "-Xms256m", "-XX:MaxNewSize=64m")), plain.toString());
        List<String> ownHeap = Launcher.relaunchCommand(List.of("-Xmx200m"), false, 2, false);
        assertTrue(ownHeap.stream().noneMatch(Launcher.HEAP_SHAPE::contains), "a 200 MB heap gets no 256 MB floor: " + ownHeap);
        List<String> ownShape = Launcher.relaunchCommand(List.of("-Xms128m", "-Xmn32m"), true, 8, false);
        assertTrue(ownShape.stream().noneMatch(Launcher.HEAP_SHAPE::contains) && ownShape.contains("-Xmx1g"), ownShape.toString());
    }

    @Test
    void theRelaunchedJvmDoesNotRelaunchAgain() {
        assertEquals(List.of(), Launcher.relaunchCommand(List.of(), false, 2, true));
    }

    /** Every command's JVM (window, run, bench) compiles with C1 only; a user's tiered choice wins. */
    @Test
    void everyCommandsJvmCompilesWithC1Only() {
        assertTrue(Launcher.relaunchCommand(List.of(), true, 8, false).contains(Launcher.JIT));
        assertTrue(Launcher.relaunchCommand(List.of("-Dx=1"), false, 2, false).contains(Launcher.JIT));
        List<String> own = Launcher.relaunchCommand(List.of("-XX:TieredStopAtLevel=4"), true, 8, false);
        assertTrue(own.contains("-XX:TieredStopAtLevel=4") && !own.contains(Launcher.JIT), own.toString());
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
}
