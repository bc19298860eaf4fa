package classlab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The four MNIST files and how they are found in a folder. Each may be gzip-compressed
 * ({@code name.gz}, as published) or not, and the name may use a dot where the published one has
 * a dash, as some archives unpack it ({@code train-images.idx3-ubyte}); letter case is ignored.
 * When several variants exist, the published spelling is preferred, {@code .gz} first.
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

    /**
     * The file for {@code baseName} in {@code dir}: {@code baseName.gz}, else {@code baseName}, else
     * the first (by name) of the other spellings ({@link #canonical}), else empty.
     */
    public static Optional<Path> find(Path dir, String baseName) {
        for (String exact : List.of(baseName + GZ, baseName)) {
            Path p = dir.resolve(exact);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> baseName.equals(canonical(p.getFileName().toString())))
                    .min(Comparator.comparing((Path p) -> !p.getFileName().toString().endsWith(GZ))
                            .thenComparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A file name as the published base name it stands for: lower case, without {@code .gz}, with
     * dots and underscores read as dashes ({@code Train-Images.idx3-ubyte.gz} →
     * {@code train-images-idx3-ubyte}).
     */
    public static String canonical(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(GZ)) name = name.substring(0, name.length() - GZ.length());
        return name.replace('.', '-').replace('_', '-');
    }

    /** The MNIST files found in {@code dir}, in {@link #BASE_NAMES} order (absent ones left out). */
    public static List<Path> found(Path dir) {
        List<Path> found = new ArrayList<>();
        for (String name : BASE_NAMES) find(dir, name).ifPresent(found::add);
        return found;
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
