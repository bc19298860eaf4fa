package classlab.app;

import classlab.cli.ClassLabCli;
import classlab.core.train.NativeMemoryGuard;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The main class. Not an {@code Application} subclass: with JavaFX on the class path (as in
 * {@code java -jar}), launching a subclass directly fails with "JavaFX runtime components are
 * missing". No arguments start the app; anything else is a command-line command.
 *
 * <p>A plain {@code java -jar classlab.jar} cannot carry JVM options or environment variables, so
 * the launcher starts itself once more with the settings small networks need when the user has not
 * chosen them: a bounded heap, a low-pause collector for the window where the JVM has one, a compiler setting, on
 * machines with few cores, one OpenMP thread, and for the window its {@link ClassDataArchive}. Signals that end
 * the launcher end the child too (SIGTERM, then a kill after {@link #CHILD_GRACE}), and the child ends
 * itself when the launcher disappears without a word (SIGKILL).
 */
public final class Launcher {
    /** Set on the child JVM so that it does not relaunch again. */
    static final String RELAUNCHED = "classlab.relaunched";
    /**
     * ND4J's native buffers are freed only when the garbage collector finds their Java handles
     * unreachable. With the default heap (a quarter of RAM) collections are rare and the resident
     * memory of a batch-8 run climbed past 3 GB in 20 epochs (4.7 GB in 50). The heap the lessons
     * really use is 120-250 MB (class histogram after a full collection during the regularization
     * comparison); 1 GB leaves room for CIFAR-10 kept as bytes (180 MB) and bounds what a heap that
     * grows under allocation can add to the resident size.
     */
    static final String DEFAULT_HEAP = "-Xmx1g";

    /**
     * The default heap's floor (only with {@link #DEFAULT_HEAP}, unless the user gave one): 256 MB, the
     * size a collector gives memory back down to.
     */
    static final String HEAP_FLOOR = "-Xms256m";

    /**
     * The window's collector when the user chose none and this JVM has it (Debian's and most OpenJDK builds
     * do; Oracle's JDK 17 does not, and keeps G1 with {@link #G1_OPTIONS}). Shenandoah collects concurrently
     * with the application, so the young collections that set the window's longest frame gaps under G1
     * are gone: each copied 13-17 MB of ND4J's and JavaCPP's deallocation references and paused every
     * thread for 20-47 ms about every 0.2 s of a batch-8 run ({@code -Xlog:gc,gc+phases=debug} on
     * {@code snapshot batchnorm-gradients}). bench/app-vs-run --variant g1=-XX:+UseG1GC --variant shen=
     * (README, Benchmark; quiet, 2026-12-02): frame gap p99 while training pattern 64.0 -> 45.6,
     * multiclass 56.1 -> 31.8, schedules 63.7 -> 43.9, batchnorm-gradients 64.8 -> 41.1 ms, with the
     * long runs' training as fast (regularization and cifar, 2 rounds: 27.2 -> 27.6 s and 51.7 -> 46.1 s),
     * at 2-26 % more peak resident memory. The price: on the short lessons the training thread pays
     * Shenandoah's barriers, 13-25 % more CPU than {@code run}'s under G1 (pattern, multiclass, imbalance,
     * schedules: app / run throughput 0.75-0.85; README, Benchmark, "Against the issue"). Only for the window: without frames to keep, Shenandoah's
     * barriers and concurrent cycles cost the headless commands throughput (bench/compare
     * --baseline-java-opt=-XX:+UseG1GC, 7 rounds, quiet: batch 8 at 0.51 of G1's samples per CPU-second
     * of the training thread, the MLP 0.90), so {@code run} and {@code bench} keep G1.
     * The Z collector halved the gaps too but took up to 2.5 GB.
     */
    static final String LOW_PAUSE_COLLECTOR = "-XX:+UseShenandoahGC";

    /**
     * G1's shape and settings (only when G1 collects: the user chose it, a command without a window, or
     * a JVM that lacks {@link #LOW_PAUSE_COLLECTOR}; each unless the user gave that flag): a young generation of at most
     * 64 MB (only with {@link #DEFAULT_HEAP}) and free-ratio bounds. With the free-ratio bounds alone G1 shrank
     * the window's heap to about 1.4 times what was live at every remark, so the old generation stayed
     * above the occupancy that starts a concurrent cycle and one followed almost every young collection
     * (GC log of {@code snapshot multiclass}: 6 young and 4 remark pauses in 1.5 s of training; with
     * this shape 2 young, 0 remark). bench/app-vs-run --variant, load 15-23: collector threads' CPU
     * while training multiclass 0.31-0.37 s -> 0.19 s in the window, 0.10-0.12 -> 0.07-0.08 s in
     * {@code run}; batchnorm-gradients (young collections from batch-8 allocation) unchanged, 4.8-5.7
     * against 4.6-5.1 s. The cap keeps the young generation's pages, which count as resident, small.
     * The free-ratio bounds let G1 give unused heap back to the system after each cycle instead of
     * keeping up to 70 % free. Not a shorter pause goal: {@code MaxGCPauseMillis=20}
     * made young collections several times as frequent, and the one run with it crashed in libnd4j
     * ({@code DataBuffer::primary()} during a training step, with ND4J used by one thread only), the
     * kind of crash a buffer freed by ND4J's deallocator after a collection during an op gives.
     * Measured with bench/app-vs-run (README, Benchmark).
     */
    static final List<String> G1_OPTIONS = List.of("-XX:MaxNewSize=64m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

    /**
     * The memory policy's setting for every collector (unless the user gave that flag): the
     * {@link NativeMemoryGuard}'s requests start concurrent cycles (G1, Shenandoah) instead of full
     * stop-the-world collections, so the window does not stutter when native memory is reclaimed.
     */
    static final String CONCURRENT_EXPLICIT_GC = "-XX:+ExplicitGCInvokesConcurrent";

    /**
     * Every command's JVM (window, {@code run}, {@code bench}) compiles with C1 only (no C2), unless the
     * user chose a tiered setting. On two cores the one C2 compiler thread worked through the whole first
     * run of a fresh window: JFR's jdk.Compilation events during {@code snapshot pattern} showed 8.2 s of
     * C2 compile time, most of it on JavaFX (Marlin's Renderer._endRendering about 2 s, CSS matching,
     * bounds), while ND4J's dispatch code waited in the same queue at the slower profiled tier. Training
     * runs last seconds to minutes, and ND4J's per-op Java work at C1 was faster over such spans than
     * tiered compilation with its profiled tier and C2's compile time on the same cores, also without a
     * window: {@code bench} per CPU-second of the training thread, C1 against tiered (5 and 4 alternated
     * runs, load 21-25), MLP 1.03 (wall 1.11), batch 8 1.33 (wall 1.63); README, Benchmark.
     */
    static final String JIT = "-XX:TieredStopAtLevel=1";

    /** How long a child asked to end (SIGTERM) may take before it is killed. */
    static final Duration CHILD_GRACE = Duration.ofSeconds(5);

    private Launcher() {}

    public static void main(String[] args) {
        NativeSettings.apply();
        String[] command = args.length == 0 ? new String[] {"app"} : args;
        if (Boolean.getBoolean(RELAUNCHED)) endWithParent();
        QuietShutdown.install();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean window = ClassLabCli.showsWindow(command);
        Path jvmCache = ClassDataArchive.directory();
        List<String> relaunch = relaunchCommand(jvmArgs, System.getenv("OMP_NUM_THREADS") != null,
                Runtime.getRuntime().availableProcessors(), Boolean.getBoolean(RELAUNCHED), window,
                () -> jvmSupportsRemembered(jvmCache, LOW_PAUSE_COLLECTOR));
        if (relaunch.isEmpty()) NativeMemoryGuard.start();   // in the JVM that trains, not in a launcher that waits
        ClassDataArchive archive = window && !relaunch.isEmpty() && noClassSharingOptionGiven(jvmArgs)
                ? ClassDataArchive.of(jvmCache, System.getProperty("java.class.path"), jvmIdentity(), ProcessHandle.current().pid())
                : null;
        // Exit explicitly: ND4J keeps non-daemon threads that would otherwise hold the JVM open.
        if (!relaunch.isEmpty()) System.exit(run(relaunch, archive, command));
        int code = ClassLabCli.execute(command, System.out, System.err);
        if (window && ClassDataArchive.writingAtExit(jvmArgs)) {
            // the window has closed; the JVM now writes its classes for a faster next start (a build's first start only)
            System.err.println("classlab: preparing faster starts (once for this version, a few seconds)...");
        }
        System.exit(code);
    }

    /** Whether the user gave no class-data sharing option of their own ({@code -Xshare:...}, an archive file). */
    private static boolean noClassSharingOptionGiven(List<String> jvmArgs) {
        return jvmArgs.stream().noneMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile") || a.contains("ArchiveClassesAtExit"));
    }

    /** What identifies this JVM for the files kept per JVM: its folder and exact version. */
    private static String jvmIdentity() {
        return System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
    }

    /**
     * The JVM options of the relaunch, or an empty list when this JVM can run as it is (the user
     * set the heap and the threads, or this is already the relaunched JVM): {@link #DEFAULT_HEAP} with
     * {@link #HEAP_FLOOR}, {@link #LOW_PAUSE_COLLECTOR} when the user chose no collector, the command
     * shows a {@code window} and {@code lowPauseCollectorAvailable} says this JVM has it (asked only then), else G1 with
     * {@link #G1_OPTIONS}; {@link #CONCURRENT_EXPLICIT_GC}; {@link #JIT} unless the user gave a tiered
     * setting. A flag the user gave is never added again or overridden.
     */
    static List<String> relaunchCommand(List<String> jvmArgs, boolean ompSet, int cores, boolean relaunched, boolean window,
                                        BooleanSupplier lowPauseCollectorAvailable) {
        boolean heapSet = jvmArgs.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"));
        boolean wantOmp = !ompSet && cores <= 4;
        if (relaunched || (heapSet && !wantOmp)) return List.of();
        List<String> options = new ArrayList<>(jvmArgs);
        if (!heapSet) {
            options.add(0, DEFAULT_HEAP);
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Xms") || a.startsWith("-XX:InitialHeapSize"))) options.add(1, HEAP_FLOOR);
        }
        List<String> chosenCollectors = jvmArgs.stream().filter(a -> a.matches("-XX:\\+Use\\w+GC")).toList();
        boolean g1 = chosenCollectors.contains("-XX:+UseG1GC");
        if (chosenCollectors.isEmpty()) {
            if (window && lowPauseCollectorAvailable.getAsBoolean()) options.add(LOW_PAUSE_COLLECTOR);
            else g1 = true;
        }
        if (g1) {
            for (String option : G1_OPTIONS) {
                boolean youngCap = flagName(option).endsWith("NewSize");
                if (youngCap && heapSet) continue;  // a user's heap gets no young-generation cap of ours
                if (jvmArgs.stream().noneMatch(a -> youngCap ? a.startsWith("-Xmn") || flagName(a).endsWith("NewSize")
                                                             : flagName(a).equals(flagName(option)))) options.add(option);
            }
        }
        if (jvmArgs.stream().noneMatch(a -> flagName(a).equals(flagName(CONCURRENT_EXPLICIT_GC)))) options.add(CONCURRENT_EXPLICIT_GC);
        if (jvmArgs.stream().noneMatch(a -> flagName(a).startsWith("Tiered"))) options.add(JIT);
        options.add("-D" + RELAUNCHED + "=true");
        return options;
    }

    /**
     * {@link #jvmSupports} asked once per JVM ({@link #jvmIdentity()}) and flag: the answer is kept in a
     * file in {@code dir}, which saves each later start the probe's 0.1 s. An undecided probe is not kept.
     */
    static boolean jvmSupportsRemembered(Path dir, String collectorFlag) {
        Path answer = dir.resolve("supports-" + ClassDataArchive.digest(jvmIdentity() + "\n" + collectorFlag));
        try {
            String kept = Files.readString(answer, StandardCharsets.UTF_8).trim();
            if (kept.equals("true") || kept.equals("false")) return Boolean.parseBoolean(kept);
        } catch (IOException e) {
            // not asked yet on this JVM
        }
        Boolean supported = jvmSupports(collectorFlag);
        if (supported == null) return false;
        try {
            Files.createDirectories(dir);
            Files.writeString(answer, supported.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // asked again next time
        }
        return supported;
    }

    /**
     * Whether this JVM starts with {@code collectorFlag} (e.g. {@code -XX:+UseShenandoahGC}): a JVM
     * built without that collector refuses the flag ("Option ... not supported") and exits 1. Asked by
     * starting {@code java <flag> -version} (about 0.1 s); null (undecided) when that cannot start or does
     * not end within 10 s.
     */
    static Boolean jvmSupports(String collectorFlag) {
        try {
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", JIT, collectorFlag, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(10, TimeUnit.SECONDS)) return probe.exitValue() == 0;
            probe.destroyForcibly();
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The name of a {@code -XX:} option ({@code -XX:+Name}, {@code -XX:Name=value}), or "" for other options. */
    private static String flagName(String option) {
        return option.startsWith("-XX:") ? option.replaceAll("^-XX:[+-]?|=.*$", "") : "";
    }

    /**
     * Runs {@code command} in a JVM with {@code jvmOptions} and, when {@code archive} is not null, its
     * class-data archive (mapped, or written at the end); returns that JVM's exit code.
     */
    private static int run(List<String> jvmOptions, ClassDataArchive archive, String[] command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        boolean archiveMapped = archive != null && archive.ready();
        if (archive != null) cmd.addAll(archive.jvmOptions());
        cmd.addAll(NativeSettings.jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(command));
        // Standard error passes through ChildErrorWatch, which notices a window destroyed from outside.
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO().redirectError(ProcessBuilder.Redirect.PIPE);
        // Small networks run faster with one OpenMP thread beside the UI thread on 2-4 cores.
        if (System.getenv("OMP_NUM_THREADS") == null && Runtime.getRuntime().availableProcessors() <= 4) {
            pb.environment().put("OMP_NUM_THREADS", "1");
        }
        Process child;
        try {
            child = pb.start();
        } catch (Exception e) {
            // Relaunching is an optimisation: run here rather than fail.
            System.err.println("classlab: could not restart with " + jvmOptions + " (" + e.getMessage() + "); continuing as is");
            return ClassLabCli.execute(command, System.out, System.err);
        }
        // SIGTERM/SIGINT/logout end this JVM through its shutdown hooks: pass the request on and make sure.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> endChild(child, CHILD_GRACE), "classlab-end-child"));
        Thread errors = new Thread(new ChildErrorWatch(child.getErrorStream(), System.err, () -> {
            System.err.println("\nclasslab: the window was destroyed from outside; stopping");
            new Thread(() -> endChild(child, CHILD_GRACE), "classlab-end-windowless").start();
        }), "classlab-child-stderr");
        errors.setDaemon(true);
        errors.start();
        while (true) {
            try {
                int code = child.waitFor();
                errors.join(1000);  // the child's last words reach the terminal before this JVM exits
                if (archive != null) archive.childEnded(code, archiveMapped);
                return code;
            } catch (InterruptedException e) {
                // keep waiting: the child decides the exit code
            }
        }
    }

    /**
     * Asks {@code child} to end (SIGTERM, so its own shutdown runs), waits up to {@code grace}, then
     * kills it and its descendants: a child frozen in native start-up must not outlive the launcher.
     */
    static void endChild(Process child, Duration grace) {
        if (!child.isAlive()) return;
        child.destroy();
        try {
            if (child.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) return;
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In the relaunched JVM: ends it when the launcher is gone. A launcher killed outright (SIGKILL)
     * runs no shutdown hook, and its child would run on windowless or orphaned.
     */
    private static void endWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("classlab: the launcher process ended; stopping");
            Runtime.getRuntime().halt(EXIT_LAUNCHER_GONE);
        }));
    }

    /** Exit code of a relaunched JVM whose launcher disappeared (128 + SIGHUP, as a shell reports a hang-up). */
    static final int EXIT_LAUNCHER_GONE = 129;
}
