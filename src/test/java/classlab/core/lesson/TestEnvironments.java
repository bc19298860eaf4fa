package classlab.core.lesson;

import classlab.core.data.MnistData;
import classlab.core.data.MnistLoader;
import java.nio.file.Path;

/** Lesson environments for tests: real MNIST from the folder in system property {@code classlab.mnistMini}. */
public final class TestEnvironments {
    private static MnistData mnistMini;

    private TestEnvironments() {}

    /** mnist-mini (8,000 train / 2,000 test), loaded once per test JVM. */
    public static LessonEnvironment mnistMini() {
        Path dir = classlab.testsupport.SharedData.mnistMini();
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
}
