package classlab.core.train;

import classlab.core.data.Augmentation;
import classlab.core.data.ImageData;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images kept as bytes, turned into a normalised float mini-batch only when needed: {@code ToTensor()}
 * (byte / 255), the optional {@link Augmentation} (training batches only), then
 * {@code Normalize(mean, std)} per channel, as notebook 002's transforms. Features are {@code [B, C·H·W]}
 * in NCHW order (the nets take them through {@code InputType.convolutionalFlat}); labels one-hot {@code [B, K]}.
 */
public final class ImageBatches implements BatchSource {
    /** Notebook 002's {@code Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616))} for CIFAR-10. */
    public static final double[] CIFAR_MEAN = {0.4914, 0.4822, 0.4465};
    public static final double[] CIFAR_STD = {0.2470, 0.2435, 0.2616};
    /** The usual MNIST normalisation (torchvision examples), for the offline run on MNIST. */
    public static final double[] MNIST_MEAN = {0.1307};
    public static final double[] MNIST_STD = {0.3081};

    private final ImageData data;
    private final double[] mean;
    private final double[] std;
    private final Augmentation augmentation;

    /**
     * @param mean per-channel mean ({@code data.channels()} values)
     * @param std  per-channel standard deviation, each &gt; 0
     */
    public ImageBatches(ImageData data, double[] mean, double[] std, Augmentation augmentation) {
        if (mean.length != data.channels() || std.length != data.channels()) {
            throw new IllegalArgumentException(data.channels() + " channels but " + mean.length + " means and " + std.length + " stds");
        }
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("std must be positive, got " + s);
        this.data = data;
        this.mean = mean.clone();
        this.std = std.clone();
        this.augmentation = augmentation;
    }

    @Override public int size() { return data.size(); }

    @Override public Batch batch(int[] rows, Random augmentRng) {
        int per = data.imageSize(), plane = data.height() * data.width(), k = data.numClasses();
        float[] x = new float[rows.length * per];
        float[] y = new float[rows.length * k];
        float[] img = new float[per];
        byte[] px = data.pixels();
        for (int r = 0; r < rows.length; r++) {
            int base = rows[r] * per;
            for (int i = 0; i < per; i++) img[i] = (px[base + i] & 0xFF) / 255f;
            if (augmentRng != null && !augmentation.isNone()) {
                augmentation.apply(img, data.channels(), data.height(), data.width(), mean, augmentRng);
            }
            for (int i = 0; i < per; i++) {
                int ch = i / plane;
                x[r * per + i] = (float) ((img[i] - mean[ch]) / std[ch]);
            }
            y[r * k + data.labels()[rows[r]]] = 1f;
        }
        return new Batch(Nd4j.create(x, new long[] {rows.length, per}, DataType.FLOAT),
                Nd4j.create(y, new long[] {rows.length, k}, DataType.FLOAT));
    }
}
