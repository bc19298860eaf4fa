package classlab.core.data;

import java.util.Arrays;

/**
 * Labelled images kept as unsigned bytes, {@code [N, C, H, W]} flattened in that order (the CIFAR-10 binary
 * layout: 1,024 R, 1,024 G, 1,024 B values per 32×32 image). One byte per value, because CIFAR-10's 60,000
 * images as floats would need 737 MB; {@link classlab.core.train.ImageBatches} converts (and normalises,
 * augments) one mini-batch at a time.
 *
 * @param pixels     {@code N·C·H·W} bytes, each 0..255 read as unsigned
 * @param labels     class index per image, in {@code 0..classNames.length-1}
 * @param channels   C (3 for CIFAR-10, 1 for MNIST)
 * @param height     H in pixels
 * @param width      W in pixels
 * @param classNames display name per class ({@code batches.meta.txt} for CIFAR-10, "0".."9" for MNIST)
 */
public record ImageData(byte[] pixels, int[] labels, int channels, int height, int width, String[] classNames) {
    public ImageData {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not hold " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.length) {
                throw new IllegalArgumentException("image " + i + " has label " + labels[i] + " outside 0.." + (classNames.length - 1));
            }
        }
    }

    /**
     * MNIST (or any {@link LabeledData} of values in [0, 1]) as one-channel bytes: {@code round(v·255)}, which
     * gives back the IDX file's bytes exactly.
     */
    public static ImageData fromUnitFloats(LabeledData data, int height, int width) {
        int per = height * width;
        if (data.size() > 0 && data.featureCount() != per) {
            throw new IllegalArgumentException(data.featureCount() + " features per row are not " + height + "x" + width + " pixels");
        }
        byte[] px = new byte[data.size() * per];
        for (int i = 0; i < data.size(); i++) {
            float[] row = data.features()[i];
            for (int j = 0; j < per; j++) px[i * per + j] = (byte) Math.round(Math.max(0f, Math.min(1f, row[j])) * 255f);
        }
        return new ImageData(px, data.labels().clone(), 1, height, width, data.classNames());
    }

    public int size() { return labels.length; }

    public int numClasses() { return classNames.length; }

    /** Values per image, {@code C·H·W}. */
    public int imageSize() { return channels * height * width; }

    /** Value {@code (c, y, x)} of image {@code i}, 0..255. */
    public int value(int i, int c, int y, int x) {
        return pixels[((i * channels + c) * height + y) * width + x] & 0xFF;
    }

    /** Images at the given indices, in that order (bytes copied: {@code indices.length · C·H·W}). */
    public ImageData rows(int[] indices) {
        int per = imageSize();
        byte[] px = new byte[indices.length * per];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * per, px, k * per, per);
            l[k] = labels[indices[k]];
        }
        return new ImageData(px, l, channels, height, width, classNames);
    }

    /** The first {@code n} images (all if fewer). */
    public ImageData head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, k -> k);
        return rows(idx);
    }

    /** Indices of the first {@code n} images of class {@code label}, in order. */
    public int[] firstOfClass(int label, int n) {
        int[] out = new int[n];
        int found = 0;
        for (int i = 0; i < labels.length && found < n; i++) if (labels[i] == label) out[found++] = i;
        return Arrays.copyOf(out, found);
    }

    /** A seeded permutation of 0..size-1 (as {@link LabeledData#permutation}). */
    public int[] permutation(long seed) {
        return LabeledData.permutation(size(), seed);
    }
}
