package classlab.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J (loads the native backend, 1-4 s) on a background thread once per process, and
 * describes the backend for the status bar and the "device" variant of the first lesson.
 */
public final class Backend {
    /**
     * What the ND4J backend is and how it runs.
     *
     * @param build       the libnd4j build loaded (see {@link NativeBuild})
     * @param oneDnn      whether DL4J's oneDNN layer helpers are in use (a oneDNN build with helpers on)
     */
    public record Info(String backend, String blas, int threads, boolean gpu, long startMillis, NativeBuild build, boolean oneDnn) {
        /** For the status bar, e.g. "Cpu (oneDNN AVX-512, OPENBLAS, 1 thread) CPU". */
        public String describe() {
            return backend + " (" + build.label() + (oneDnn || !build.usesOneDnn() ? "" : " without helpers") + ", " + blas + ", "
                    + threads + (threads == 1 ? " thread)" : " threads)") + (gpu ? " GPU" : " CPU");
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

    /**
     * Loads Java2D's native font stack (libawt, libfontmanager) on this thread before JavaCPP loads
     * ND4J. JavaCPP's loader calls {@code dlclose} inside a {@code dl_iterate_phdr} callback, which holds
     * one of glibc's loader locks while waiting for the other; a {@code dlopen} on another thread at that
     * moment holds them the other way round. That froze the app at "Starting ND4J" (seen once in 25
     * starts, and caught with gdb: the nd4j-startup thread in {@code Loader.addressof → dlclose}, the FX
     * thread in {@code dlopen(libfontmanager.so)} for the first formula JLaTeXMath drew). With the font
     * libraries loaded first there is no such dlopen left to collide with.
     */
    private static void loadJava2dFontLibraries() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            g.drawString("x", 0, 1);
        } finally {
            g.dispose();
        }
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
     *
     * <p>Each workspace is destroyed on its own, not with ND4J's {@code destroyAllWorkspacesForCurrentThread},
     * which ends with {@code System.gc()}: under {@code -XX:+ExplicitGCInvokesConcurrent} (the window's
     * JVM) the caller waits for the whole concurrent cycle, 170-460 ms after every run in which the
     * window still said "running" (multiclass, snapshot's {@code after-ms}). The garbage left behind is
     * the {@link NativeMemoryGuard}'s to collect, on its own thread ({@link NativeMemoryGuard#runEnded}).
     */
    public static void releaseThreadMemory() {
        MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
        for (MemoryWorkspace w : workspaces.getAllWorkspacesForCurrentThread()) workspaces.destroyWorkspace(w);   // a copy of the list
    }

    private static Info load() {
        long t0 = System.nanoTime();
        loadJava2dFontLibraries();
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
        return new Info(backend, blas, threads, gpu, ms, loadedBuild(), oneDnnHelpersOn());
    }

    /** The build whose library JavaCPP loaded (its folder name ends with the build's extension). */
    private static NativeBuild loadedBuild() {
        String path = Loader.getLoadedLibraries().getOrDefault("jnind4jcpu", "");
        for (NativeBuild b : NativeBuild.values()) {
            if (!b.extension().isEmpty() && path.contains("linux-x86_64" + b.extension() + "/")) return b;
        }
        return NativeBuild.GENERIC;
    }

    /** Whether DL4J will use its oneDNN helpers: switched on, and the loaded libnd4j was built with oneDNN. */
    private static boolean oneDnnHelpersOn() {
        if (Boolean.parseBoolean(System.getProperty(NativeBuild.HELPERS_DISABLE, "true"))) return false;
        try {
            return org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Switches libnd4j's own oneDNN kernels (matrix product, softmax, BatchNorm, ... as custom ops)
     * on or off for what follows, process-wide; DL4J's oneDNN layer helpers stay available either
     * way. Called per network by {@link Trainer}: on for networks with convolution or pooling
     * layers, where oneDNN is several times faster, off otherwise, where its per-call set-up made
     * small dense steps slower than the plain kernels (bench/compare, README). Numerics are the
     * same either way (OneDnnHelpersTest). No effect on a build without oneDNN.
     */
    public static void useOneDnnKernels(boolean on) {
        // Reads the build's capability first, so that DL4J's helper check still sees it after a switch-off.
        if (!org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN()) return;
        org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().setUseONEDNN(on);
    }

    /**
     * Resident memory of this process (Linux {@code VmRSS}), in bytes; -1 where the system does not
     * say. Reads no native code, so it can run before ND4J is loaded (status bar, every second).
     */
    public static long residentBytes() {
        return procStatusKb("VmRSS:") * 1024;
    }

    /** Peak resident memory of this process (Linux {@code VmHWM}), in bytes; -1 where unknown. */
    public static long peakResidentBytes() {
        return procStatusKb("VmHWM:") * 1024;
    }

    /**
     * Starts a new peak: {@link #peakResidentBytes} reports the largest resident size from now on
     * (Linux 4.0+: writing 5 to {@code /proc/self/clear_refs}), so that a benchmark can give each of
     * several runs in one process its own peak. False where the system does not allow it.
     */
    public static boolean resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static long procStatusKb(String field) {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * One line naming the native settings JavaCPP and DL4J actually use in this JVM:
     * {@code maxPhysicalBytes} as JavaCPP read it, the helper switch, the platform extension and
     * the path of the loaded libnd4j JNI library; or a line saying ND4J was not loaded (the report
     * then loads nothing). For the start-up test and for support questions.
     */
    public static String nativeReport() {
        Map<String, String> libs = Loader.getLoadedLibraries();
        if (!libs.containsKey("jnind4jcpu")) return "native-settings: nd4j not loaded";
        return "native-settings: maxPhysicalBytes=" + Pointer.maxPhysicalBytes()
                + " helpers.disable=" + System.getProperty(NativeBuild.HELPERS_DISABLE, "true (default)")
                + " extension=" + System.getProperty(NativeBuild.PLATFORM_EXTENSION, "")
                + " jnind4jcpu=" + libs.get("jnind4jcpu")
                + " opexec=" + Nd4j.getExecutioner().getClass().getSimpleName()
                + " memory-guard=" + (NativeMemoryGuard.running() ? "on" : "off")
                + " ExplicitGCInvokesConcurrent=" + vmOption("ExplicitGCInvokesConcurrent")
                + " MaxHeapSize=" + vmOption("MaxHeapSize");
    }

    /** The value of a HotSpot option in this JVM, or "?" where the JVM does not say. */
    private static String vmOption(String name) {
        try {
            return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
