package classlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies the relaunched JVM's standard error to the launcher's, unchanged and as it arrives, and
 * watches it for the one sign that the window was destroyed from outside (for example by
 * {@code xdotool windowclose} or a desktop's "force close"): GTK's warning "GdkWindow ...
 * unexpectedly destroyed". JavaFX does not notice that its window is gone (the stage still reports
 * showing, the FX thread keeps running), so without this a windowless JVM would run on.
 */
final class ChildErrorWatch implements Runnable {
    static final String WINDOW_DESTROYED = "unexpectedly destroyed";
    private static final int TAIL_CHARS = 256;

    private final InputStream in;
    private final OutputStream out;
    private final Runnable onWindowDestroyed;

    ChildErrorWatch(InputStream in, OutputStream out, Runnable onWindowDestroyed) {
        this.in = in;
        this.out = out;
        this.onWindowDestroyed = onWindowDestroyed;
    }

    /** Copies until the child closes its standard error; calls {@code onWindowDestroyed} at most once. */
    @Override public void run() {
        byte[] buffer = new byte[8192];
        StringBuilder tail = new StringBuilder();
        boolean fired = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (fired) continue;
                // GTK's warnings come without a trailing newline and may be split across reads.
                tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (tail.indexOf("GdkWindow") >= 0 && tail.indexOf(WINDOW_DESTROYED) > tail.indexOf("GdkWindow")) {
                    fired = true;
                    onWindowDestroyed.run();
                }
                if (tail.length() > TAIL_CHARS) tail.delete(0, tail.length() - TAIL_CHARS);
            }
        } catch (IOException e) {
            // The child's pipe closed: nothing more to copy.
        }
    }
}
