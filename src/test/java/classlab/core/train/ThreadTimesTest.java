package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ThreadTimesTest {
    /** A collector bean with this name; its other methods are not called. */
    private static GarbageCollectorMXBean bean(String name) {
        return (GarbageCollectorMXBean) Proxy.newProxyInstance(GarbageCollectorMXBean.class.getClassLoader(),
                new Class<?>[] {GarbageCollectorMXBean.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getName")) return name;
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void concurrentCycleBeansAreNotCountedAsPauses() {
        // JDK 17's names: Shenandoah and ZGC report whole concurrent cycles apart from their pauses.
        assertFalse(ThreadTimes.countsPauses(bean("Shenandoah Cycles")));
        assertFalse(ThreadTimes.countsPauses(bean("ZGC Cycles")));
        assertTrue(ThreadTimes.countsPauses(bean("Shenandoah Pauses")));
        assertTrue(ThreadTimes.countsPauses(bean("ZGC Pauses")));
        assertTrue(ThreadTimes.countsPauses(bean("G1 Young Generation")));
        assertTrue(ThreadTimes.countsPauses(bean("G1 Old Generation")));
    }
}
