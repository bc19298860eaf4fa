package classlab.core.lesson;

import classlab.core.data.CifarData;
import classlab.core.data.CifarSource;
import classlab.core.UserException;
import classlab.core.data.DataCache;
import classlab.core.data.DatasetUnavailableException;
import classlab.core.data.DownloadCancelledException;
import classlab.core.data.MnistFiles;
import classlab.core.data.MnistData;
import classlab.core.data.MnistSource;
import classlab.core.data.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lesson environment of the app and the command line: the user's data cache, MNIST and CIFAR-10 loaded once. */
public final class Environments {
    private Environments() {}

    /**
     * The app's environment: a failed load is tried again on the next request (the user may have
     * copied the files or come back online meanwhile).
     *
     * @param dataDirOverride {@code --data-dir}, or null for {@code CLASSLAB_DATA_DIR} / the user cache
     * @param progress        download progress (MNIST and CIFAR-10 are fetched on first use if absent)
     */
    public static LessonEnvironment create(Path dataDirOverride, ProgressListener progress) {
        return create(dataDirOverride, progress, false);
    }

    /**
     * The environment of one command-line run: a failed load is remembered and the same exception is
     * thrown to every later experiment at once, so that the run tries the network once and reports
     * one failure. A cancelled download is not remembered.
     */
    public static LessonEnvironment forOneRun(Path dataDirOverride, ProgressListener progress) {
        return create(dataDirOverride, progress, true);
    }

    /**
     * The environment of a replay ({@code snapshot --replay}): a recording needs no data set, so
     * nothing is downloaded. MNIST and CIFAR-10 files already in the data folder are used (for the
     * data tab's figures); when they are absent, {@link LessonEnvironment#mnist()} and
     * {@link LessonEnvironment#cifar10()} throw {@link NotHere} at once, which the pane takes as
     * "no data figures", not as an error.
     *
     * @param dataDirOverride {@code --data-dir}, or null for {@code CLASSLAB_DATA_DIR} / the user cache
     */
    public static LessonEnvironment withoutDownloads(Path dataDirOverride) {
        LessonEnvironment local = create(dataDirOverride, ProgressListener.NONE, true);
        return new LessonEnvironment() {
            @Override public Path dataDir() { return local.dataDir(); }

            @Override public Path cifarDir() { return local.cifarDir(); }

            @Override public MnistData mnist() throws Exception {
                Path dir = DataCache.resolve(dataDirOverride == null ? null : dataDirOverride.toString()).mnistDir();
                if (!MnistFiles.missing(dir).isEmpty()) throw new NotHere(dir);
                return local.mnist();
            }

            @Override public CifarData cifar10() throws Exception {
                if (classlab.core.data.CifarFiles.find(local.cifarDir()) == null) throw new NotHere(local.cifarDir());
                return local.cifar10();
            }

            @Override public Optional<MnistData> loadedMnist() { return local.loadedMnist(); }
        };
    }

    /** A data set absent from {@code folder} in an environment that does not download ({@link #withoutDownloads}). */
    public static final class NotHere extends classlab.core.data.DatasetUnavailableException {
        public NotHere(Path folder) {
            super("data.not_downloaded_for_replay", folder.toAbsolutePath());
        }
    }

    private static LessonEnvironment create(Path dataDirOverride, ProgressListener progress, boolean rememberFailure) {
        DataCache cache = DataCache.resolve(dataDirOverride == null ? null : dataDirOverride.toString());
        return new LessonEnvironment() {
            private MnistData mnist;
            private CifarData cifar;
            private Exception failure;

            @Override public Path dataDir() { return cache.dataDir(); }

            @Override public synchronized MnistData mnist() throws Exception {
                if (mnist != null) return mnist;
                if (failure != null) throw failure;
                try {
                    mnist = loadMnist(cache.mnistDir(), new MnistSource(), progress);
                } catch (DownloadCancelledException e) {
                    throw e;
                } catch (Exception e) {
                    if (rememberFailure) failure = e;
                    throw e;
                }
                return mnist;
            }

            @Override public Path cifarDir() { return cache.cifarDir(); }

            @Override public synchronized CifarData cifar10() throws Exception {
                if (cifar == null) cifar = new CifarSource().ensure(cache.cifarDir(), progress);
                return cifar;
            }
            @Override public synchronized Optional<MnistData> loadedMnist() { return Optional.ofNullable(mnist); }
        };
    }

    /**
     * MNIST from {@code dir} through {@code source}; when it cannot be had, a {@link UserException}
     * that names the folder, the MNIST files found there (under whatever spelling), the ones still
     * missing, why the download failed, and what to do.
     */
    static MnistData loadMnist(Path dir, MnistSource source, ProgressListener progress) throws Exception {
        try {
            return source.ensureMnist(dir, progress);
        } catch (DatasetUnavailableException e) {
            List<Path> found = MnistFiles.found(dir);
            String foundNames = found.isEmpty() ? "data.no_mnist_file"
                    : found.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
            UserException user = new UserException(null, "error.mnist.unavailable", dir.toAbsolutePath(), foundNames,
                    String.join(", ", MnistFiles.missing(dir)), e.reason());
            user.initCause(e);
            throw user;
        }
    }
}
