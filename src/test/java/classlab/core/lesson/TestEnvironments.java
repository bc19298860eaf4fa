package classlab.core.lesson;

import classlab.core.data.MnistData;
import classlab.core.data.MnistLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Lesson environments for tests: no network, data from the folders the build passes as system properties. */
public final class TestEnvironments {
    private static MnistData mnistMini;

    private TestEnvironments() {}

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
}
