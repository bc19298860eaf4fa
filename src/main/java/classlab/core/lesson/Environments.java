package classlab.core.lesson;

import classlab.core.data.DataCache;
import classlab.core.data.DownloadCancelledException;
import classlab.core.data.MnistData;
import classlab.core.data.MnistSource;
import classlab.core.data.ProgressListener;
import java.nio.file.Path;

/** The lesson environment of the app and the command line: the user's data cache and MNIST loaded once. */
public final class Environments {
    private Environments() {}

    /**
     * The app's environment: a failed load is tried again on the next request (the user may have
     * copied the files or come back online meanwhile).
     *
     * @param dataDirOverride {@code --data-dir}, or null for {@code CLASSLAB_DATA_DIR} / the user cache
     * @param progress        download progress (MNIST is fetched on first use if absent)
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

    private static LessonEnvironment create(Path dataDirOverride, ProgressListener progress, boolean rememberFailure) {
        DataCache cache = DataCache.resolve(dataDirOverride == null ? null : dataDirOverride.toString());
        return new LessonEnvironment() {
            private MnistData mnist;
            private Exception failure;

            @Override public Path dataDir() { return cache.dataDir(); }

            @Override public synchronized MnistData mnist() throws Exception {
                if (mnist != null) return mnist;
                if (failure != null) throw failure;
                try {
                    mnist = new MnistSource().ensureMnist(cache.mnistDir(), progress);
                } catch (DownloadCancelledException e) {
                    throw e;
                } catch (Exception e) {
                    if (rememberFailure) failure = e;
                    throw e;
                }
                return mnist;
            }
        };
    }
}
