package classlab.core.lesson;

import classlab.core.data.MnistData;
import classlab.core.data.MnistLoader;
<<<<<<< HEAD
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Lesson environments for tests: no network, data from the folders the build passes as system properties. */
=======
import java.nio.file.Path;

/** Lesson environments for tests: real MNIST from the folder in system property {@code classlab.mnistMini}. */
>>>>>>> l34
public final class TestEnvironments {
    private static MnistData mnistMini;

    private TestEnvironments() {}

<<<<<<< HEAD
    /**
     * MNIST-mini (8,000 train / 2,000 test) from the folder in the system property
     * {@code classlab.mnistMini}; loaded once per test JVM and shared.
     */
    public static LessonEnvironment mnistMini() {
        String dir = System.getProperty("classlab.mnistMini");
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalStateException("system property classlab.mnistMini must name the mnist-mini folder, got " + dir);
        }
        Path path = Paths.get(dir);
        return new LessonEnvironment() {
            @Override public Path dataDir() { return path; }

            @Override public MnistData mnist() throws Exception { return loadMini(path); }
        };
    }

    private static synchronized MnistData loadMini(Path dir) throws Exception {
        if (mnistMini == null) mnistMini = MnistLoader.load(dir);
        return mnistMini;
    }
=======
    /** mnist-mini (8,000 train / 2,000 test), loaded once per test JVM. */
    public static LessonEnvironment mnistMini() {
        Path dir = Path.of(System.getProperty("classlab.mnistMini", "/work/shared/data/mnist-mini"));
        return new LessonEnvironment() {
            @Override public Path dataDir() { return dir; }

            @Override public MnistData mnist() throws Exception {
                synchronized (TestEnvironments.class) {
                    if (mnistMini == null) mnistMini = MnistLoader.load(dir);
                    return mnistMini;
                }
            }
        };
    }
>>>>>>> l34
}
