package classlab.core.train;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the process's resident memory near what it really uses while ND4J trains. ND4J frees a
 * native buffer only when the garbage collector finds the buffer's Java handle unreachable; the
 * handles are small, so the heap fills slowly and collections are rare, while every epoch leaves
 * tens of MB of native garbage behind (shuffled copies, evaluation outputs, probe activations,
 * DL4J's own temporaries). JavaCPP's own trigger ({@code org.bytedeco.javacpp.maxBytes}) does not
 * see these buffers: libnd4j allocates them itself. Measured without this guard: the regularization
 * lesson's default run in the window reached 2.9 GB and was still rising (bench/app-vs-run).
 *
 * <p>A daemon thread reads the resident size every {@value #PERIOD_MS} ms (one small read of
 * {@code /proc/self/statm}, no native code) and asks for a collection when it has grown by
 * {@value #STEP_MB} MB since the last collection settled, then has the C library give freed memory
 * back to the system ({@link #trimNativeHeap}). The launcher starts the JVM with
 * {@code -XX:+ExplicitGCInvokesConcurrent}, so that request is a concurrent cycle (Shenandoah, or G1) on the
 * collector's own thread: neither the FX thread nor the training thread stops for a full
 * collection. Where the system does not report a resident size the guard does nothing.
 */
public final class NativeMemoryGuard {
    /**
     * Growth of the resident size (MB) since the last settled collection that asks for the next one. 256 rather
     * than 128: in the window, whose Shenandoah heap also adds resident pages as it is first used, 6 of 9
     * collections of an imbalance run were the guard's; bench/app-vs-run --variant step128= --variant
     * step256=... (README, "Memory in the app"; 2 rounds): the window's collector CPU 13-37 % lower, its
     * training thread waiting 4-25 % less for a core, frame gap p99 51 -> 44 ms on regularization, for
     * 10-19 % more peak resident memory (regularization 781 -> 932 MB; the issue allows 1.5 GB).
     */
    public static final long STEP_MB = 256;
    /** How often the resident size is read, in ms. */
    public static final long PERIOD_MS = 250;
    /** Time after a collection for ND4J's deallocator threads to free what it found, in ms. */
    static final long SETTLE_MS = 500;
    /**
     * Growth of the resident size (MB) since the last settled collection that, when a run ends, asks
     * for a collection then ({@link #runEnded}) rather than at the next {@link #STEP_MB}.
     */
    public static final long RUN_END_STEP_MB = 32;

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static Thread thread;

    private NativeMemoryGuard() {}

    /**
     * When to collect: after {@link #STEP_MB} MB of growth over the resident size measured once the
     * previous collection settled, or {@link #RUN_END_STEP_MB} MB when a run has just ended. A floor that does not come down (data the program really holds)
     * becomes the new base, so a large live data set does not cause a collection every period.
     * Not thread-safe: used by the guard's thread only.
     */
    static final class Policy {
        private final long stepBytes;
        private final long runEndStepBytes;
        private long base = -1;

        Policy(long stepBytes, long runEndStepBytes) {
            this.stepBytes = stepBytes;
            this.runEndStepBytes = runEndStepBytes;
        }

        /** Whether a resident size of {@code residentBytes} calls for a collection now (no run has just ended). */
        boolean shouldCollect(long residentBytes) {
            return shouldCollect(residentBytes, false);
        }

        /**
         * Whether a resident size of {@code residentBytes} calls for a collection now: more than the
         * step above the base, the smaller run-end step when {@code runEnded}.
         */
        boolean shouldCollect(long residentBytes, boolean runEnded) {
            if (residentBytes < 0) return false;
            if (base < 0 || residentBytes < base) base = residentBytes;
            return residentBytes > base + (runEnded ? runEndStepBytes : stepBytes);
        }

        /** The resident size once a collection has settled: the base for the next growth. */
        void settled(long residentBytes) { base = residentBytes; }
    }

    /** Starts the guard once per process (later calls do nothing). */
    public static synchronized void start() {
        if (thread != null) return;
        thread = new Thread(NativeMemoryGuard::watch, "classlab-memory-guard");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * A run has ended (the training thread calls this as its last work): what the run allocated and
     * no longer uses is garbage now, so the guard collects at its next look (within {@value #PERIOD_MS}
     * ms) if the resident size has grown by {@value #RUN_END_STEP_MB} MB since the last collection,
     * instead of when a later run has added {@value #STEP_MB} MB: the resident size after each run
     * stays near the same floor (bench/app-vs-run --repeat). Any thread; does nothing without the guard.
     */
    public static void runEnded() { runEnded = true; }

    private static volatile boolean runEnded;

    /** Whether the guard watches this process. */
    public static synchronized boolean running() { return thread != null && thread.isAlive(); }

    /** Collections the guard has asked for in this process (for benchmarks and the repeat report). */
    public static int collections() { return COLLECTIONS.get(); }

    /**
     * Gives the memory that was freed back to the system: glibc keeps freed blocks in its per-thread
     * arenas, and every run trains on a new thread. In a regularization run repeated 11 times the
     * resident size had grown to 1,339 MB; {@code jcmd PID System.trim_native_heap} took it to
     * 780 MB at once (-559 MB). This is the same diagnostic command, called in-process after each
     * collection (JDK 17.0.9 and later; where the JVM does not have it, nothing happens).
     */
    private static void trimNativeHeap() {
        if (trimUnavailable) return;
        try {
            java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (javax.management.JMException | RuntimeException e) {
            trimUnavailable = true;
        }
    }

    private static volatile boolean trimUnavailable;

    private static void watch() {
        Policy policy = new Policy(STEP_MB << 20, RUN_END_STEP_MB << 20);
        try {
            while (true) {
                Thread.sleep(PERIOD_MS);
                long rss = Backend.residentBytes();
                if (rss < 0) return;   // no /proc: nothing to steer by
                boolean afterRun = runEnded;
                runEnded = false;
                if (policy.shouldCollect(rss, afterRun)) {
                    System.gc();
                    COLLECTIONS.incrementAndGet();
                    Thread.sleep(SETTLE_MS);
                    trimNativeHeap();
                    policy.settled(Backend.residentBytes());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
