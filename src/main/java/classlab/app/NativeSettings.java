package classlab.app;

import classlab.core.train.Backend;
import classlab.core.train.GuardedOpExecutioner;
import classlab.core.train.NativeBuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System properties that JavaCPP and DL4J read once, when their classes first load, set first
 * thing in {@link Launcher#main} (and passed on to a relaunched JVM), so that they are in force
 * whichever path (window, {@code run}, {@code bench}) touches native code first. A value the user
 * gave with {@code -D} wins.
 *
 * <ul>
 *   <li>{@code org.bytedeco.javacpp.maxPhysicalBytes=0}: otherwise every native allocation (ND4J
 *       makes several per op) reads the process's resident size to compare it with a limit far
 *       above this machine's RAM; that cost a quarter of a batch-8 iteration (2.2 → 1.5 ms CPU).
 *       The heap-based limit ({@code maxBytes}) still makes JavaCPP collect unreachable buffers.</li>
 *   <li>{@value NativeBuild#PLATFORM_EXTENSION}: the libnd4j build for this CPU ({@link NativeBuild}).</li>
 *   <li>{@value NativeBuild#HELPERS_DISABLE}{@code =false} with a oneDNN build: DL4J's oneDNN
 *       helpers for convolution, pooling and BatchNorm.</li>
 *   <li>{@value GuardedOpExecutioner#PROPERTY}: ND4J's op executioner, {@link GuardedOpExecutioner}
 *       (broadcast ops safe from a collection during the native call).</li>
 * </ul>
 *
 * <p>With {@code -D}{@value #REPORT}{@code =true} the JVM prints, when it exits, the values JavaCPP
 * and DL4J actually use ({@link Backend#nativeReport()}); the tests read that line.
 */
final class NativeSettings {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** Diagnostic switch: print the native settings in force at exit. */
    static final String REPORT = "classlab.nativeReport";

    private NativeSettings() {}

    /** The properties for this machine, without the user's own {@code -D} choices. */
    static Map<String, String> forBuild(NativeBuild build) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(MAX_PHYSICAL_BYTES, "0");
        p.put(NativeBuild.PLATFORM_EXTENSION, build.extension());
        if (build.usesOneDnn()) p.put(NativeBuild.HELPERS_DISABLE, "false");
        p.put(GuardedOpExecutioner.PROPERTY, GuardedOpExecutioner.CLASS_NAME);
        return p;
    }

    /**
     * Sets each property of {@link #forBuild} for this machine that is not already set; call it
     * before anything loads JavaCPP, ND4J or DL4J.
     */
    static void apply() {
        forBuild(NativeBuild.forThisMachine()).forEach((k, v) -> {
            if (System.getProperty(k) == null) System.setProperty(k, v);
        });
        if (Boolean.getBoolean(REPORT)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(Backend.nativeReport()), "native-report"));
        }
    }

    /** The applied properties as {@code -Dname=value} options for a relaunched JVM. */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String k : forBuild(NativeBuild.forThisMachine()).keySet()) {
            String v = System.getProperty(k);
            if (v != null) options.add("-D" + k + "=" + v);
        }
        return options;
    }
}
