package classlab.core.lesson;

import classlab.core.data.CifarData;
import classlab.core.data.CifarSource;
import classlab.core.data.DataCache;
import classlab.core.data.MnistData;
import classlab.core.data.MnistSource;
import classlab.core.data.ProgressListener;
import java.nio.file.Path;

/** The lesson environment of the app and the command line: the user's data cache, MNIST and CIFAR-10 loaded once. */
public final class Environments {
    private Environments() {}

    /**
     * @param dataDirOverride {@code --data-dir}, or null for {@code CLASSLAB_DATA_DIR} / the user cache
     * @param progress        download progress (MNIST and CIFAR-10 are fetched on first use if absent)
     */
    public static LessonEnvironment create(Path dataDirOverride, ProgressListener progress) {
        DataCache cache = DataCache.resolve(dataDirOverride == null ? null : dataDirOverride.toString());
        return new LessonEnvironment() {
            private MnistData mnist;
            private CifarData cifar;

            @Override public Path dataDir() { return cache.dataDir(); }

            @Override public synchronized MnistData mnist() throws Exception {
                if (mnist == null) mnist = new MnistSource().ensureMnist(cache.mnistDir(), progress);
                return mnist;
            }

            @Override public Path cifarDir() { return cache.cifarDir(); }

            @Override public synchronized CifarData cifar10() throws Exception {
                if (cifar == null) cifar = new CifarSource().ensure(cache.cifarDir(), progress);
                return cifar;
            }
        };
    }
}
