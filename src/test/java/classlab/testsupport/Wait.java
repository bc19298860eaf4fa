package classlab.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for another thread (a run's training thread) to reach a state; the limit only keeps a broken test from hanging. */
public final class Wait {
    private Wait() {
    }

    /**
     * Returns once {@code condition} holds, polling every 5 ms.
     *
     * @throws AssertionError if it does not hold within {@code limit}
     */
    public static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in " + limit.toSeconds() + " s");
            Thread.sleep(5);
        }
    }
}
