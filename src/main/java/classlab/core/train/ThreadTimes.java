package classlab.core.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a process's threads spend their time, from Linux's {@code /proc}, for the benchmark lines
 * of the window and {@code run} (bench/app-vs-run): CPU time by kind of thread, native threads
 * included (the collector's and the JIT compilers' threads are not Java threads, so
 * {@code ThreadMXBean} does not see them; {@code /proc/self/task/<tid>/stat}, user + system time in
 * clock ticks of 10 ms), and the time a thread was ready to run but waited for a core
 * ({@code /proc/thread-self/schedstat}). Elsewhere than on Linux there is nothing to read: empty
 * results, -1.
 */
public final class ThreadTimes {
    /** Kinds by the kernel's (15-character) thread name prefix; the rest counts as "other". */
    private static final String[][] KINDS = {
        {"trainer", "classlab-traine"}, {"demo", "classlab-demo"},
        {"fx", "JavaFX Applicat", "GtkNativeMainLo"}, {"render", "QuantumRenderer"},
        {"gc", "GC Thread", "G1 ", "Shenandoah"}, {"jit", "C1 CompilerThre", "C2 CompilerThre"}, {"vm", "VM Thread", "VM Periodic"},
    };
    /** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    /** One thread's kind ({@code trainer}, {@code fx}, {@code gc}, ...) and CPU clock ticks so far. */
    record Sample(String kind, long ticks) {}

    /**
     * The process at one moment: each thread's kind and CPU ticks by thread id (empty where
     * {@code /proc} is not there), and the collector's pauses so far (count and ms, as the JVM's
     * {@code GarbageCollectorMXBean}s count them: G1's young and full collections, not its remark and
     * cleanup pauses; Shenandoah's and ZGC's pauses, see {@link #countsPauses}).
     */
    public record Snapshot(Map<Integer, Sample> threads, long collections, long collectionMs) {}

    private ThreadTimes() {}

    /**
     * Nanoseconds the calling thread has spent ready to run but waiting for a core (the second field
     * of {@code /proc/thread-self/schedstat}), or -1 where the system does not say: the part of a
     * thread's wall time that other threads' CPU use took from it.
     */
    public static long runQueueWaitNanos() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** This process now. */
    public static Snapshot now() {
        long count = 0, ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!countsPauses(gc)) continue;
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new Snapshot(threads(), count, ms);
    }

    /**
     * Whether a collector bean counts stop-the-world pauses: Shenandoah and ZGC also have a "… Cycles" bean
     * whose time is each whole cycle, nearly all of it concurrent with the application (JDK 17), which
     * counted as pauses made Shenandoah's pause time look tens of times what its log gives.
     */
    public static boolean countsPauses(java.lang.management.GarbageCollectorMXBean gc) {
        return !gc.getName().endsWith(" Cycles");
    }

    private static Map<Integer, Sample> threads() {
        Map<Integer, Sample> threads = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based over the whole line)
                    threads.put(Integer.parseInt(task.getFileName().toString()),
                            new Sample(kind(stat.substring(open + 1, close)), Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while listed
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return threads;
    }

    private static String kind(String name) {
        for (String[] k : KINDS) for (int i = 1; i < k.length; i++) if (name.startsWith(k[i])) return k[0];
        return "other";
    }

    /**
     * {@code " thread-cpu-ms trainer=.. demo=.. fx=.. render=.. gc=.. jit=.. vm=.. other=.. gc-pauses=N gc-pause-ms=.."}:
     * CPU ms per kind of thread and the collector's pauses between two snapshots ("" without
     * {@code /proc}). {@code trainerTid} (the thread that trains, when it is not named
     * {@code classlab-trainer}: {@code run}'s main thread; else -1) counts as trainer. Threads that
     * ended in between are not counted: the window's training thread usually has (its CPU is
     * {@code TrainingEngine.jobCpuNanos}).
     */
    public static String summary(Snapshot before, Snapshot after, int trainerTid) {
        if (before == null || after.threads().isEmpty()) return "";
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String[] k : KINDS) ticks.put(k[0], 0L);
        ticks.put("other", 0L);
        after.threads().forEach((tid, s) -> {
            Sample b = before.threads().get(tid);
            ticks.merge(tid == trainerTid ? "trainer" : s.kind(), s.ticks() - (b == null ? 0 : b.ticks()), Long::sum);
        });
        StringBuilder sb = new StringBuilder(" thread-cpu-ms");
        ticks.forEach((k, t) -> sb.append(' ').append(k).append('=').append(Math.round(t * 1000 / TICKS_PER_SECOND)));
        return sb.append(" gc-pauses=").append(after.collections() - before.collections())
                .append(" gc-pause-ms=").append(after.collectionMs() - before.collectionMs()).toString();
    }

    /** The kernel's id of the calling thread, or -1 where there is no {@code /proc/thread-self}. */
    public static int currentTid() {
        try {
            return Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }
}
