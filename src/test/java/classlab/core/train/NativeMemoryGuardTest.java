package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the guard asks for a collection: after a step of growth over the settled resident size, not before. */
class NativeMemoryGuardTest {
    private static final long MB = 1 << 20;

    @Test
    void growthBeyondTheStepOverTheLowestSizeSeenCollects() {
        NativeMemoryGuard.Policy p = new NativeMemoryGuard.Policy(128 * MB, 32 * MB);
        assertFalse(p.shouldCollect(400 * MB), "the first reading is the base");
        assertFalse(p.shouldCollect(528 * MB), "exactly one step is not yet too much");
        assertTrue(p.shouldCollect(529 * MB));
        assertFalse(p.shouldCollect(300 * MB), "a fall lowers the base");
        assertTrue(p.shouldCollect(429 * MB));
    }

    @Test
    void memoryThatStaysAfterACollectionBecomesTheNewBase() {
        NativeMemoryGuard.Policy p = new NativeMemoryGuard.Policy(128 * MB, 32 * MB);
        p.shouldCollect(400 * MB);
        assertTrue(p.shouldCollect(600 * MB));
        p.settled(590 * MB);   // the program really holds this much: no collection every period
        assertFalse(p.shouldCollect(600 * MB));
        assertTrue(p.shouldCollect(719 * MB));
    }

    /** At a run's end what it left is garbage: a smaller growth collects then, so each run starts near the same floor. */
    @Test
    void aRunsEndCollectsAfterTheSmallerStep() {
        NativeMemoryGuard.Policy p = new NativeMemoryGuard.Policy(128 * MB, 32 * MB);
        p.shouldCollect(400 * MB);
        assertFalse(p.shouldCollect(450 * MB), "while training 50 MB is not yet a step");
        assertFalse(p.shouldCollect(430 * MB, true), "a run that left 30 MB");
        assertTrue(p.shouldCollect(450 * MB, true), "a run that left 50 MB");
    }

    @Test
    void anUnknownSizeNeverCollects() {
        NativeMemoryGuard.Policy p = new NativeMemoryGuard.Policy(128 * MB, 32 * MB);
        assertFalse(p.shouldCollect(-1));
        assertFalse(p.shouldCollect(-1));
    }
}
