package classlab.core.data;

import java.nio.file.Path;

/** Locations of the shared read-only test data (set by surefire; relative fallbacks for IDE runs). */
final class SharedData {
    private SharedData() {
    }

    static Path mnistMini() {
        return Path.of(System.getProperty("classlab.mnistMini", "../shared/data/mnist-mini"));
    }

    /** The genuine MNIST test split only (t10k files). */
    static Path mnistTestOnly() {
        return Path.of(System.getProperty("classlab.mnist", "../shared/data/mnist"));
    }

    static Path reference() {
        return Path.of(System.getProperty("classlab.reference", "../shared/reference"));
    }
}
