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

    /**
     * JavaCPP property that makes every native allocation (ND4J creates several per op: shape
     * infos, op contexts, buffers) read the process RSS to compare it with a limit. Its default
     * limit here is far above the machine's RAM, so the check never fires, yet it cost about a
     * quarter of each small-batch iteration (deep net, batch 8: 2.2 → 1.5 ms CPU per iteration).
     * The heap-based limit ({@code maxBytes}) still triggers GC of unreachable native buffers.
     */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    static {
        // Must run before JavaCPP's Pointer class is loaded: it reads the property once.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }

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

    /**
     * The future info without starting the load: for listeners created before the first window is
     * shown, so that ND4J's native start-up does not compete with building the window.
     */
    public static CompletableFuture<Info> whenReady() {
        return READY;
    }

    /** Blocks until ND4J is loaded (starting it if needed). */
    public static Info awaitReady() {
        return startAsync().join();
    }

    /**
     * Frees the ND4J workspaces of the calling thread; call it when a training run's thread
     * finishes. DL4J keeps them per thread and they are not freed when the thread dies: without
     * this, 40 one-epoch MLP runs on fresh threads left ~960 MB RSS after GC, with it ~200 MB.
     * Arrays still attached to those workspaces become invalid, so call it last.
     */
    public static void releaseThreadMemory() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
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
