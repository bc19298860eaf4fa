package classlab.core.lesson.cifar;

import classlab.core.Deferred;
import classlab.core.data.Augmentation;
import classlab.core.data.CifarData;
import classlab.core.data.CifarFiles;
import classlab.core.data.CifarSource;
import classlab.core.data.DataFormatException;
import classlab.core.data.DatasetUnavailableException;
import classlab.core.data.ImageData;
import classlab.core.data.MnistData;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonStrings;
import classlab.core.model.LayerSpec;
import classlab.core.train.ImageBatches;
import java.util.Arrays;

/**
 * The images the lesson runs on: CIFAR-10, or MNIST (28×28×1) when CIFAR-10 is absent or the user
 * chose it, so that every section still works live offline.
 *
 * @param id     {@code cifar10} or {@code mnist}
 * @param train  the training split (50,000 CIFAR-10 images)
 * @param test   the test split
 * @param mean   per-channel mean of {@code Normalize}
 * @param std    per-channel standard deviation of {@code Normalize}
 * @param notice why MNIST is used instead of CIFAR-10 (a deferred message), or "" when the choice was honoured
 */
record CifarDataset(String id, ImageData train, ImageData test, double[] mean, double[] std, String notice) {
    static final String CIFAR10 = "cifar10";
    static final String MNIST = "mnist";

    /**
     * Loads {@code choice}; CIFAR-10 that is missing or damaged falls back to MNIST with a notice that says what to
     * do. Without {@code download}, CIFAR-10 is read only when its files are already in {@link LessonEnvironment#cifarDir()}.
     */
    static CifarDataset load(LessonEnvironment env, String choice, boolean download) throws Exception {
        if (choice.equals(CIFAR10)) {
            try {
                if (!download && CifarFiles.find(env.cifarDir()) == null) {
                    throw new DatasetUnavailableException("data.cifar.not_here", CifarFiles.ARCHIVE, env.cifarDir().toAbsolutePath());
                }
                CifarData c = env.cifar10();
                return new CifarDataset(CIFAR10, c.train(), c.test(), ImageBatches.CIFAR_MEAN, ImageBatches.CIFAR_STD, "");
            } catch (DatasetUnavailableException e) {
                return mnist(env, LessonStrings.message("message.cifar_missing", env.cifarDir().toAbsolutePath().normalize(),
                        CifarSource.DEFAULT_URL));
            } catch (DataFormatException e) {
                return mnist(env, Deferred.of("message.cifar_damaged", e));
            }
        }
        return mnist(env, "");
    }

    private static CifarDataset mnist(LessonEnvironment env, String notice) throws Exception {
        MnistData m = env.mnist();
        return new CifarDataset(MNIST, ImageData.fromUnitFloats(m.train(), 28, 28), ImageData.fromUnitFloats(m.test(), 28, 28),
                ImageBatches.MNIST_MEAN, ImageBatches.MNIST_STD, notice);
    }

    /**
     * Notebook 002's training augmentation (§5, §6 before RandomErasing) as valid for these images:
     * {@link Augmentation#NOTEBOOK} on CIFAR-10, {@link Augmentation#DIGITS} (no horizontal flip) on MNIST.
     */
    Augmentation augmentation() { return id.equals(MNIST) ? Augmentation.DIGITS : Augmentation.NOTEBOOK; }

    LayerSpec.Shape shape() { return LayerSpec.Shape.image(train.channels(), train.height(), train.width()); }

    int numClasses() { return train.numClasses(); }

    String className(int k) { return train.classNames()[k]; }

    /**
     * The notebook's 80/20 {@code random_split} of the first {@code trainSize} images of a seeded
     * shuffle of the training split, and the first {@code testSize} test images (in file order, so that
     * drill-down indices are test-set indices). Sizes larger than the data are capped.
     */
    Split split(int trainSize, int testSize, long seed) {
        int[] perm = train.permutation(seed);
        int n = Math.min(trainSize, train.size());
        int val = (int) (n * 0.2);
        ImageData tr = train.rows(Arrays.copyOfRange(perm, 0, n - val));
        ImageData va = train.rows(Arrays.copyOfRange(perm, n - val, n));
        return new Split(tr, va, test.head(Math.min(testSize, test.size())));
    }

    /** The images of one run. */
    record Split(ImageData train, ImageData val, ImageData test) {}
}
