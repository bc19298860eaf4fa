package classlab.core.lesson;

import classlab.core.data.DataCache;
import classlab.core.data.MnistData;
import classlab.core.data.MnistSource;
import classlab.core.data.ProgressListener;
import java.nio.file.Path;

/** The lesson environment of the app and the command line: the user's data cache and MNIST loaded once. */
public final class Environments {
    private Environments() {}

    /**
     * @param dataDirOverride {@code --data-dir}, or null for {@code CLASSLAB_DATA_DIR} / the user cache
     * @param progress        download progress (MNIST is fetched on first use if absent)
     */
    public static LessonEnvironment create(Path dataDirOverride, ProgressListener progress) {
        DataCache cache = DataCache.resolve(dataDirOverride == null ? null : dataDirOverride.toString());
        return new LessonEnvironment() {
            private MnistData mnist;

            @Override public Path dataDir() { return cache.dataDir(); }

            @Override public synchronized MnistData mnist() throws Exception {
                if (mnist == null) mnist = new MnistSource().ensureMnist(cache.mnistDir(), progress);
                return mnist;
            }
        };
    }
}
