package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.train.Backend;
import classlab.core.train.NativeBuild;
import classlab.ui.fx.Messages;
import org.junit.jupiter.api.Test;

/** The status bar names the backend in the window's language (the Korean bar said "1 thread"). */
class StatusLineTextTest {
    @Test
    void backendIsDescribedInBothLanguages() {
        NativeBuild build = NativeBuild.values()[0];
        Backend.Info one = new Backend.Info("Cpu", "OPENBLAS", 1, false, 900, build, build.usesOneDnn());
        Backend.Info two = new Backend.Info("Cpu", "OPENBLAS", 2, false, 900, build, build.usesOneDnn());
        assertEquals("Cpu (" + build.label() + ", OPENBLAS, 1 thread) CPU", StatusLine.describe(one, new Messages("en")));
        assertEquals("Cpu (" + build.label() + ", OPENBLAS, 2 threads) CPU", StatusLine.describe(two, new Messages("en")));
        assertEquals("Cpu (" + build.label() + ", OPENBLAS, 스레드 1개) CPU", StatusLine.describe(one, new Messages("ko")));
    }
}
