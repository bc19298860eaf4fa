package classlab.core.lesson;

import classlab.core.data.CifarData;
import classlab.core.data.DataCache;
import classlab.core.data.DatasetUnavailableException;
import classlab.core.data.MnistData;
import java.nio.file.Path;

/**
 * What lessons need from the outside: where data lives and how to get MNIST (loaded once and
 * shared between lessons; downloading it on first use when allowed).
 */
public interface LessonEnvironment {
    /** The data directory (user cache, {@code --data-dir}, or CLASSLAB_DATA_DIR). */
    Path dataDir();

    /**
     * MNIST train and test splits, loading (and, if allowed, downloading) on first use.
     * Called on a worker thread; may block.
     *
     * @throws Exception with a user-facing message when the data is missing or malformed
     */
    MnistData mnist() throws Exception;

    /** The folder where CIFAR-10 is looked for and downloaded to ({@link DataCache#cifarDir(Path)}). */
    default Path cifarDir() { return DataCache.cifarDir(dataDir()); }

    /**
     * CIFAR-10 train and test splits, loading (and, if allowed, downloading) on first use. Called on a
     * worker thread; may block. Default: not available (environments without a CIFAR-10 source).
     *
     * @throws DatasetUnavailableException when CIFAR-10 is absent and cannot be downloaded (the message says where to put it)
     * @throws Exception with a user-facing message when the data is malformed
     */
    default CifarData cifar10() throws Exception {
        throw new DatasetUnavailableException("data.cifar.not_here", classlab.core.data.CifarFiles.ARCHIVE,
                cifarDir().toAbsolutePath());
    }

    /** MNIST if {@link #mnist()} has loaded it already (never loads): to say which files were used. */
    default java.util.Optional<MnistData> loadedMnist() { return java.util.Optional.empty(); }
}
