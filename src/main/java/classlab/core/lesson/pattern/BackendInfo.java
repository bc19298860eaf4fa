package classlab.core.lesson.pattern;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend doing the arithmetic: the notebook's {@code .to("cuda:0")} question (001 §3C)
 * answered for DL4J, where the device is chosen by which backend jar is on the classpath.
 *
 * @param backendClass  the backend's class name ({@code org.nd4j.linalg.cpu.nativecpu.CpuBackend})
 * @param description   a readable summary such as {@code CPU (nd4j-native, OPENBLAS)}
 * @param ompThreads    OpenMP threads ND4J uses, or -1 if the backend does not say
 * @param cores         processor cores ND4J sees, or -1 if the backend does not say
 * @param gpuAvailable  whether the CUDA backend ({@code nd4j-cuda}) is on the classpath
 */
public record BackendInfo(String backendClass, String description, int ompThreads, int cores, boolean gpuAvailable) {
    /** The CUDA backend's class; ClassLab does not ship it, so this is normally absent. */
    public static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Inspects the backend loaded in this JVM (loads it if needed). */
    public static BackendInfo current() {
        String backendClass = Nd4j.getBackend().getClass().getName();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cpu = backendClass.contains("nativecpu");
        String blas = env.getProperty("blas.vendor", "?");
        String description = (cpu ? "CPU (nd4j-native, " : "GPU (nd4j-cuda, ") + blas + ")";
        return new BackendInfo(backendClass, description, intProperty(env, "omp.threads"), intProperty(env, "cores"),
                classPresent(CUDA_BACKEND_CLASS));
    }

    private static int intProperty(Properties env, String key) {
        Object v = env.get(key);
        if (v == null) return -1;
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
