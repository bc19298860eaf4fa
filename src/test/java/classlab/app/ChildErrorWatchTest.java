package classlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChildErrorWatchTest {
    /** Hands out the given chunks one read at a time, like a pipe. */
    private static InputStream chunks(String... parts) {
        return new InputStream() {
            int i;
            @Override public int read() { throw new UnsupportedOperationException(); }
            @Override public int read(byte[] b, int off, int len) {
                if (i == parts.length) return -1;
                byte[] p = parts[i++].getBytes(StandardCharsets.UTF_8);
                System.arraycopy(p, 0, b, off, p.length);
                return p.length;
            }
        };
    }

    private static int watch(ByteArrayOutputStream copy, String... parts) {
        AtomicInteger calls = new AtomicInteger();
        new ChildErrorWatch(chunks(parts), copy, calls::incrementAndGet).run();
        return calls.get();
    }

    @Test
    void gtksWarningAboutADestroyedWindowIsNoticedOnceAndEverythingIsCopied() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        String[] parts = {"WARNING: x\n", "(java:9048): Gdk-WARNING **: 15:34:37.406: GdkWin", "dow 0x400003 unexpectedly destr",
                "oyed\n", "(java:9048): Gdk-WARNING **: GdkWindow 0x400004 unexpectedly destroyed\n"};
        assertEquals(1, watch(copy, parts));
        assertArrayEquals(String.join("", parts).getBytes(StandardCharsets.UTF_8), copy.toByteArray());
    }

    @Test
    void ordinaryErrorsAreOnlyCopied() {
        assertEquals(0, watch(new ByteArrayOutputStream(), "classlab: the experiment was unexpectedly destroyed? no:\n",
                "Gdk-WARNING **: XSetErrorHandler() called with a GDK error trap pushed. Don't do that."));
    }
}
