package classlab.app;

import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the end of the process quiet. When the JVM shuts down on SIGTERM while the window is
 * animating, JavaFX's renderer thread pool is torn down by its own shutdown hook while the FX thread
 * still hands it a pulse, and the FX thread dies with a {@link RejectedExecutionException} whose
 * stack trace (17 lines) is the last thing the user sees. During shutdown such an exception is
 * expected and dropped; at any other time every uncaught exception is reported as before.
 */
final class QuietShutdown implements Thread.UncaughtExceptionHandler {
    private final Thread.UncaughtExceptionHandler previous;

    private QuietShutdown(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Installs the handler for every thread without its own. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new QuietShutdown(Thread.getDefaultUncaughtExceptionHandler()));
    }

    @Override public void uncaughtException(Thread t, Throwable e) {
        if (e instanceof RejectedExecutionException && shuttingDown()) return;
        if (previous != null) {
            previous.uncaughtException(t, e);
        } else {
            // What the JVM's own ThreadGroup.uncaughtException prints.
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }

    /** True once the JVM has begun running shutdown hooks: it then refuses new hooks. */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
