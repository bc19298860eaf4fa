package classlab.core.train;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One ND4J user at a time across the app's threads. libnd4j's shared caches are not safe for
 * concurrent use in 1.0.0-M2.1: the app crashed three times with SIGSEGV in libnd4jcpu.so
 * ({@code ConstantShapeHelper::bufferForShapeInfo}, {@code execTransformAny}) on the
 * {@code classlab-trainer} thread while another thread (the {@code classlab-demo} worker
 * redrawing a lesson's demos, the draw-a-digit classifier) ran ND4J ops at the same moment.
 *
 * <p>The training thread holds this lock for the whole job and lets go of it at every checkpoint
 * between mini-batches ({@link TrainingEngine}), and while paused; the other threads take it
 * around their ND4J work ({@link #get}, {@link #run}). The lock is fair, so a waiting demo or digit runs after
 * the current mini-batch instead of after the whole run. The JavaFX thread never takes it.
 */
public final class Nd4jAccess {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private Nd4jAccess() {}

    /** Runs {@code work} (which uses ND4J) while no other thread uses ND4J; returns its result. */
    public static <T> T get(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs {@code work} (which uses ND4J and may throw) while no other thread uses ND4J. */
    public static void run(Work work) throws Exception {
        LOCK.lock();
        try {
            work.run();
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Runs {@code work} (which uses ND4J) only if no other thread uses ND4J or waits to: work that
     * must never delay a run or a demo ({@link Warmup}).
     *
     * @return its result (which must not be null), or empty when ND4J was in use and {@code work} did not run
     */
    public static <T> Optional<T> getIfIdle(Supplier<T> work) {
        if (LOCK.hasQueuedThreads() || !LOCK.tryLock()) return Optional.empty();
        try {
            return Optional.of(work.get());
        } finally {
            LOCK.unlock();
        }
    }

    /** ND4J work that returns nothing and may throw. */
    @FunctionalInterface
    public interface Work { void run() throws Exception; }

    static void acquire() { LOCK.lock(); }

    static void release() { LOCK.unlock(); }

    /** Whether the calling thread holds the lock (for tests and assertions). */
    public static boolean heldByCurrentThread() { return LOCK.isHeldByCurrentThread(); }
}
