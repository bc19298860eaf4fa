package classlab.core.train;

import java.util.concurrent.CompletableFuture;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J (loads the native backend, 1-4 s) on a background thread once per process, and
 * describes the backend for the status bar and the "device" variant of the first lesson.
 */
public final class Backend {
    /** What the ND4J backend is and how it runs. */
    public record Info(String backend, String blas, int threads, boolean gpu, long startMillis) {
        public String describe() {
            return backend + " (" + blas + ", " + threads + (threads == 1 ? " thread)" : " threads)") + (gpu ? " GPU" : " CPU");
        }
    }

    private static final CompletableFuture<Info> READY = new CompletableFuture<>();
    private static volatile boolean started;

    private Backend() {}

    /** Starts loading ND4J on a daemon thread if not started yet; returns the future info. */
    public static synchronized CompletableFuture<Info> startAsync() {
        if (!started) {
            started = true;
            Thread t = new Thread(() -> {
                try {
                    READY.complete(load());
                } catch (Throwable e) {
                    READY.completeExceptionally(e);
                }
            }, "nd4j-startup");
            t.setDaemon(true);
            t.start();
        }
        return READY;
    }

    /** Blocks until ND4J is loaded (starting it if needed). */
    public static Info awaitReady() {
        return startAsync().join();
    }

    private static Info load() {
        long t0 = System.nanoTime();
        Nd4j.create(1);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "");
        String blas;
        try {
            blas = String.valueOf(Nd4j.factory().blas().getBlasVendor());
        } catch (RuntimeException e) {
            blas = "BLAS";
        }
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        boolean gpu = backend.toLowerCase().contains("cuda");
        return new Info(backend, blas, threads, gpu, ms);
    }
}
