package classlab.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of the CIFAR-10 binary release ({@code cifar-10-binary.tar.gz}) and where ClassLab looks
 * for them in a folder: the archive itself, the extracted {@code cifar-10-batches-bin} folder, or the
 * {@code .bin} files directly in the folder.
 */
public final class CifarFiles {
    /** The archive's name on the CIFAR-10 page. */
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";
    /** Folder inside the archive. */
    public static final String BATCHES_DIR = "cifar-10-batches-bin";
    /** Training batches, in the order their records are concatenated. */
    public static final List<String> TRAIN_BATCHES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_BATCH = "test_batch.bin";
    /** Class names, one per line. */
    public static final String META = "batches.meta.txt";
    /** Size of the official archive in bytes. */
    public static final long ARCHIVE_BYTES = 170_052_171L;
    /** Published MD5 of the archive (www.cs.toronto.edu/~kriz/cifar.html). */
    public static final Checksum ARCHIVE_MD5 = Checksum.md5("c32a1d4ab5d03f1284b67883e8d87530");
    /** 1 label byte + 3,072 pixel bytes. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

    private CifarFiles() {
    }

    /** Where the data is in {@code dir}, if anywhere. */
    public sealed interface Location {
        /** The {@code .tar.gz} archive. */
        record Archive(Path file) implements Location {}

        /** A folder holding the {@code .bin} files (the extracted {@code cifar-10-batches-bin} or one like it). */
        record Folder(Path dir) implements Location {}
    }

    /**
     * The CIFAR-10 data in {@code dir}: the archive if present, else {@code dir/cifar-10-batches-bin}, else
     * {@code dir} itself when it holds a {@code .bin} batch file; null when none is there.
     */
    public static Location find(Path dir) {
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) return new Location.Archive(archive);
        Path batches = dir.resolve(BATCHES_DIR);
        if (hasBatches(batches)) return new Location.Folder(batches);
        if (hasBatches(dir)) return new Location.Folder(dir);
        return null;
    }

    private static boolean hasBatches(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        if (Files.isRegularFile(dir.resolve(TEST_BATCH))) return true;
        for (String name : TRAIN_BATCHES) if (Files.isRegularFile(dir.resolve(name))) return true;
        return false;
    }
}
