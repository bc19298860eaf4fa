package classlab.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The libnd4j builds the app ships and the choice among them from the CPU's instruction sets.
 * JavaCPP loads the build whose folder is named {@code <platform><extension>}, for example
 * {@code linux-x86_64-onednn}, when the system property
 * {@value #PLATFORM_EXTENSION} holds the extension before its loader first runs; each build's
 * jar keeps its libraries in its own folder, so all of them sit on one class path. A build that
 * needs an instruction set the CPU lacks would crash with an illegal instruction, hence the
 * check; an extension whose folder is missing makes JavaCPP fall back to the plain build.
 *
 * <p>The oneDNN builds also need DL4J's layer helpers switched on ({@value #HELPERS_DISABLE} =
 * false) and the compatibility class {@code org.nd4j.nativeblas.Nd4jCpu}: with both, notebook
 * 002's CNN trains several times faster (figures: {@code bench/compare}, README).
 */
public enum NativeBuild {
    /**
     * libnd4j with oneDNN, its own code compiled for AVX2 with FMA and F16C (libnd4j's
     * {@code isMinimalRequirementsMet} checks AVX and AVX2; the binary also has FMA and F16C
     * instructions). Its element-wise loops and Adam's update ({@code adam_updater}: 1.29 → 0.64 ms
     * for the MLP's 242,762 parameters) are faster than the plain build's; the AVX-512 builds
     * measured no faster than this one, so they are not shipped (README, Benchmark).
     */
    ONEDNN_AVX2("-onednn-avx2", "oneDNN AVX2", "sse4_1", "avx", "avx2", "fma", "f16c"),
    /**
     * libnd4j built for plain x86-64 with oneDNN, which picks its own AVX-512 / AVX2 / SSE4.1
     * kernels at run time; oneDNN needs at least SSE4.1.
     */
    ONEDNN("-onednn", "oneDNN", "sse4_1"),
    /** The plain x86-64 build, for any other CPU (and any other operating system or architecture). */
    GENERIC("", "generic");

    /** JavaCPP's property naming the build folder's suffix; read once, when its loader first runs. */
    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J's switch for its native layer helpers (oneDNN convolution, pooling, BatchNorm); off by default in M2.1. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private final String extension;
    private final String label;
    private final Set<String> requiredFlags;

    NativeBuild(String extension, String label, String... requiredFlags) {
        this.extension = extension;
        this.label = label;
        this.requiredFlags = Set.of(requiredFlags);
    }

    /** The value for {@value #PLATFORM_EXTENSION}: "" for the plain build. */
    public String extension() { return extension; }

    /** Short name for the status bar, e.g. "oneDNN AVX-512". */
    public String label() { return label; }

    /** Whether this build uses oneDNN and so needs DL4J's helpers switched on. */
    public boolean usesOneDnn() { return extension.contains("onednn"); }

    /**
     * The fastest shipped build the CPU can run: the first whose required flags are all in
     * {@code cpuFlags} (lower-case names as in /proc/cpuinfo). Only x86-64 Linux has the
     * optimised builds here; elsewhere it is {@link #GENERIC}.
     *
     * @param osArch   {@code os.arch}, e.g. "amd64"
     * @param osName   {@code os.name}, e.g. "Linux"
     * @param cpuFlags the CPU's feature flags; empty when unknown (then {@link #GENERIC})
     */
    public static NativeBuild choose(String osName, String osArch, Set<String> cpuFlags) {
        boolean x86Linux = osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && (osArch.equals("amd64") || osArch.equals("x86_64"));
        if (!x86Linux) return GENERIC;
        for (NativeBuild b : values()) if (cpuFlags.containsAll(b.requiredFlags)) return b;
        return GENERIC;
    }

    /** The build for this machine: {@link #choose} with this JVM's OS and the flags of /proc/cpuinfo. */
    public static NativeBuild forThisMachine() {
        return choose(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), cpuFlags(Path.of("/proc/cpuinfo")));
    }

    /**
     * The feature flags of the first processor in a Linux {@code /proc/cpuinfo} file ("flags : fpu
     * vme ..."); empty if the file is absent or has no such line.
     */
    static Set<String> cpuFlags(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    return new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().toLowerCase(Locale.ROOT).split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }
}
