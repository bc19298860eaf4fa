import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the JavaFX application thread spends its time while a lesson trains in the window: runs
 * ClassLab's command line ({@code snapshot LESSON}) in this JVM (as the launcher's relaunched JVM)
 * and, while the snapshot measures its frames (from Run to the run's end, the span of its bench line:
 * SnapshotDriver.measuringFrames), takes the FX thread's stack every 2 ms (only when it is
 * working, not waiting in the toolkit's event loop). At exit it prints the share of samples per
 * method (where the thread was: "self"; on the stack: "inclusive") and per chain of ClassLab
 * methods on the stack. A poor man's profiler: JFR's execution sampler saw only a few dozen of
 * this thread's samples per run. bench/fx-sampler starts it; see that script for the command line.
 */
public class FxThreadSampler {
    private static final int PERIOD_MS = 2;
    private static final Map<String, Integer> SELF = new HashMap<>(), INCLUSIVE = new HashMap<>(), CLASSLAB_PATHS = new HashMap<>();
    private static int samples;

    public static void main(String[] args) throws Exception {
        Thread sampler = new Thread(FxThreadSampler::sample, "fx-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Runtime.getRuntime().addShutdownHook(new Thread(FxThreadSampler::report));
        classlab.app.Launcher.main(args);
    }

    private static void sample() {
        java.lang.reflect.Method measuring;
        try {   // SnapshotDriver is the app's own class, not an API: reached by reflection
            measuring = Class.forName("classlab.ui.shell.SnapshotDriver").getDeclaredMethod("measuringFrames");
            measuring.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this build of classlab.jar has no SnapshotDriver.measuringFrames", e);
        }
        Thread fx = null;
        try {
            while (true) {
                Thread.sleep(PERIOD_MS);
                if (!(boolean) measuring.invoke(null)) continue;
                if (fx == null) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals("JavaFX Application Thread")) fx = t;
                    if (fx == null) continue;
                }
                StackTraceElement[] stack = fx.getStackTrace();
                if (stack.length == 0 || stack[0].getMethodName().equals("_runLoop")) continue;   // idle in the event loop
                record(stack);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void record(StackTraceElement[] stack) {
        samples++;
        SELF.merge(name(stack[0]), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (StackTraceElement e : stack) if (seen.add(name(e))) INCLUSIVE.merge(name(e), 1, Integer::sum);
        List<String> ours = new ArrayList<>();
        for (int i = stack.length - 1; i >= 0; i--) {
            if (stack[i].getClassName().startsWith("classlab.")) ours.add(shortName(stack[i]));
        }
        CLASSLAB_PATHS.merge(ours.isEmpty() ? "(no ClassLab method: JavaFX's own work)" : String.join(" > ", ours), 1, Integer::sum);
    }

    private static String name(StackTraceElement e) { return e.getClassName() + "." + e.getMethodName(); }

    private static String shortName(StackTraceElement e) {
        String c = e.getClassName();
        String simple = c.substring(c.lastIndexOf('.') + 1);
        int lambda = simple.indexOf("$$Lambda");   // a lambda's class: its number changes from run to run
        return (lambda < 0 ? simple : simple.substring(0, lambda + 8)) + "." + e.getMethodName();
    }

    private static synchronized void report() {
        System.err.printf(Locale.ROOT, "fx-sampler: %d samples of the FX thread at work while training (every %d ms)%n", samples, PERIOD_MS);
        print("self", SELF, 20);
        print("inclusive", INCLUSIVE, 45);
        print("classlab-path", CLASSLAB_PATHS, 15);
    }

    private static void print(String kind, Map<String, Integer> counts, int limit) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> System.err.printf(Locale.ROOT, "fx-sampler %s %5.1f%% %s%n", kind, 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
