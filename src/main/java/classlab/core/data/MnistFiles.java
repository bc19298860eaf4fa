package classlab.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four MNIST files and how they are found in a folder: each may be gzip-compressed
 * ({@code name.gz}, as published) or uncompressed ({@code name}); the {@code .gz} is preferred
 * when both exist.
 */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** The four base names (without {@code .gz}), in the order train images, train labels, test images, test labels. */
    public static final List<String> BASE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Suffix of the published, compressed files. */
    public static final String GZ = ".gz";

    private MnistFiles() {
    }

    /** The file for {@code baseName} in {@code dir}: {@code baseName.gz} if it exists, else {@code baseName}, else empty. */
    public static Optional<Path> find(Path dir, String baseName) {
        Path gz = dir.resolve(baseName + GZ);
        if (Files.isRegularFile(gz)) {
            return Optional.of(gz);
        }
        Path plain = dir.resolve(baseName);
        return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
    }

    /** Base names of the MNIST files found in {@code dir} in neither form. */
    public static List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String name : BASE_NAMES) {
            if (find(dir, name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Whether {@code dir} holds at least one MNIST file (used to accept a folder that holds them directly). */
    public static boolean anyPresent(Path dir) {
        return missing(dir).size() < BASE_NAMES.size();
    }
}
