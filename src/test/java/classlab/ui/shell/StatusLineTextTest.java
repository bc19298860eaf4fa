package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.train.Backend;
import classlab.core.train.NativeBuild;
import classlab.ui.fx.Messages;
import org.junit.jupiter.api.Test;

/** The status bar names the backend in the window's language (the Korean bar said "1 thread"), the device once ("Cpu (…) CPU" before). */
class StatusLineTextTest {
    @Test
    void backendIsDescribedInBothLanguages() {
        NativeBuild build = NativeBuild.values()[0];
        Backend.Info one = new Backend.Info("Cpu", "OPENBLAS", 1, false, 900, build, build.usesOneDnn());
        Backend.Info two = new Backend.Info("Cpu", "OPENBLAS", 2, false, 900, build, build.usesOneDnn());
        assertEquals("CPU (" + build.label() + ", OPENBLAS, 1 thread)", StatusLine.describe(one, new Messages("en")));
        assertEquals("CPU (" + build.label() + ", OPENBLAS, 2 threads)", StatusLine.describe(two, new Messages("en")));
        assertEquals("CPU (" + build.label() + ", OPENBLAS, 스레드 1개)", StatusLine.describe(one, new Messages("ko")));
        Backend.Info gpu = new Backend.Info("Cuda", "CUBLAS", 1, true, 900, build, build.usesOneDnn());
        assertEquals("GPU Cuda (" + build.label() + ", CUBLAS, 1 thread)", StatusLine.describe(gpu, new Messages("en")));
    }

    /** The bar itself names the device and its threads only (the whole description was cut at 1280 px); the tooltip has the rest. */
    @Test
    void theBarShowsAShortSummary() {
        NativeBuild build = NativeBuild.values()[0];
        Backend.Info one = new Backend.Info("Cpu", "OPENBLAS", 1, false, 900, build, build.usesOneDnn());
        Backend.Info two = new Backend.Info("Cpu", "OPENBLAS", 2, false, 900, build, build.usesOneDnn());
        assertEquals("CPU · 1 thread", StatusLine.summary(one, new Messages("en")));
        assertEquals("CPU · 2 threads", StatusLine.summary(two, new Messages("en")));
        assertEquals("CPU · 스레드 2개", StatusLine.summary(two, new Messages("ko")));
        Backend.Info gpu = new Backend.Info("Cuda", "CUBLAS", 1, true, 900, build, build.usesOneDnn());
        assertEquals("GPU Cuda · 1 thread", StatusLine.summary(gpu, new Messages("en")));
    }
}
