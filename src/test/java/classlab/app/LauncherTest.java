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
        expected.addAll(Launcher.COLLECTOR_OPTIONS);
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

    @Test
    void theRelaunchedJvmDoesNotRelaunchAgain() {
        assertEquals(List.of(), Launcher.relaunchCommand(List.of(), false, 2, true));
    }

    /** The window's code is kept from C2 in a JVM that parses the directives (a malformed file would stop the JVM at start). */
    @Test
    void theJitDirectivesParseAndKeepTheWindowsCodeFromC2() throws Exception {
        List<String> jit = Launcher.jitOptions(List.of());
        assertEquals(2, jit.size(), jit.toString());
        List<String> cmd = new java.util.ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jit);
        cmd.addAll(List.of("-XX:+CompilerDirectivesPrint", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("com/sun/marlin/*.*") && out.contains("javafx/*.*"), out);
        String c2 = out.substring(out.indexOf("c2 directives:"));
        assertTrue(c2.contains("Exclude:true"), out);
        assertEquals(List.of(), Launcher.jitOptions(List.of("-XX:CompilerDirectivesFile=mine.json")));
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
