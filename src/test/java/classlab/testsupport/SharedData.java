package classlab.testsupport;

import java.nio.file.Path;

/**
 * The one way tests find the shared read-only data: the system properties the pom sets
 * ({@code classlab.mnistMini}, {@code classlab.mnist}, {@code classlab.reference}), else
 * {@code ../shared} relative to the working directory (IDE runs from the project folder).
 */
public final class SharedData {
    private SharedData() {
    }

    /** mnist-mini: 8,000 train / 2,000 test rows of real MNIST in IDX layout. */
    public static Path mnistMini() {
        return Path.of(System.getProperty("classlab.mnistMini", "../shared/data/mnist-mini"));
    }

    /** The genuine MNIST test split only (t10k files). */
    public static Path mnistTestOnly() {
        return Path.of(System.getProperty("classlab.mnist", "../shared/data/mnist"));
    }

    /** PyTorch / scikit-learn reference numbers (JSON). */
    public static Path reference() {
        return Path.of(System.getProperty("classlab.reference", "../shared/reference"));
    }
}
