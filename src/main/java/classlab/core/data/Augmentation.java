package classlab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Training-time image augmentation as torchvision does it (notebook 002 §5 and §6), on one image of
 * values in [0, 1], {@code [C, H, W]} channel-major, in place. Steps, in torchvision's order:
 * <ol>
 *   <li>{@code RandomHorizontalFlip()}: mirror with probability 0.5;</li>
 *   <li>{@code RandomCrop(H, padding)}: pad with zeros by {@code padding} pixels, cut an {@code H×W}
 *       window at a uniform offset in {@code 0..2·padding};</li>
 *   <li>{@code ColorJitter(brightness, contrast, saturation)}: factors uniform in {@code [1−b, 1+b]}
 *       etc., applied in random order: brightness scales, contrast blends with the mean grey level,
 *       saturation blends with the grey image (ITU-R 601 weights 0.299, 0.587, 0.114), each clamped
 *       to [0, 1]; saturation only for colour images;</li>
 *   <li>{@code RandomErasing(p, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0)} after
 *       {@code Normalize}: a rectangle set to the channel mean (0 after normalising), with probability p.</li>
 * </ol>
 *
 * @param flip          random horizontal flip
 * @param cropPadding   padding of the random crop in pixels, 0 = no crop
 * @param brightness    ColorJitter brightness, 0 = none
 * @param contrast      ColorJitter contrast, 0 = none
 * @param saturation    ColorJitter saturation, 0 = none
 * @param erasingP      RandomErasing probability, 0 = none
 */
public record Augmentation(boolean flip, int cropPadding, double brightness, double contrast, double saturation, double erasingP) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0, 0, 0);
    /** Notebook 002 §5: flip, crop with padding 4, ColorJitter(0.2, 0.2, 0.2). */
    public static final Augmentation NOTEBOOK = new Augmentation(true, 4, 0.2, 0.2, 0.2, 0);
    /**
     * {@link #NOTEBOOK} for handwritten digits (cifar's MNIST fallback): no flip, as a mirrored 2, 3 or 7 is not
     * a digit; the crop with padding 4 and ColorJitter's brightness and contrast 0.2 (grey images have no saturation).
     */
    public static final Augmentation DIGITS = new Augmentation(false, 4, 0.2, 0.2, 0, 0);

    public Augmentation {
        if (cropPadding < 0) throw new IllegalArgumentException("crop padding must be 0 or more, got " + cropPadding);
        for (double f : new double[] {brightness, contrast, saturation}) {
            if (!(f >= 0 && f < 1)) throw new IllegalArgumentException("ColorJitter strengths must be in [0, 1), got " + f);
        }
        if (!(erasingP >= 0 && erasingP <= 1)) throw new IllegalArgumentException("erasing probability must be in [0, 1], got " + erasingP);
    }

    /** This pipeline with RandomErasing of probability {@code p} (notebook 002 §6). */
    public Augmentation withErasing(double p) { return new Augmentation(flip, cropPadding, brightness, contrast, saturation, p); }

    public boolean isNone() { return equals(NONE); }

    /**
     * The steps in torchvision's notation, for images of {@code size × size} pixels, for example
     * {@code RandomCrop(28, padding=4), ColorJitter(brightness=0.2, contrast=0.2), RandomErasing(p=0.5)};
     * "none" without a step.
     */
    public String transforms(int size) {
        List<String> steps = new ArrayList<>();
        if (flip) steps.add("RandomHorizontalFlip()");
        if (cropPadding > 0) steps.add("RandomCrop(" + size + ", padding=" + cropPadding + ")");
        StringJoiner jitter = new StringJoiner(", ", "ColorJitter(", ")");
        if (brightness > 0) jitter.add("brightness=" + brightness);
        if (contrast > 0) jitter.add("contrast=" + contrast);
        if (saturation > 0) jitter.add("saturation=" + saturation);
        if (brightness > 0 || contrast > 0 || saturation > 0) steps.add(jitter.toString());
        if (erasingP > 0) steps.add("RandomErasing(p=" + erasingP + ")");
        return steps.isEmpty() ? "none" : String.join(", ", steps);
    }

    /** Applies every step to {@code img} in place; {@code mean} is the per-channel value erasing writes. */
    public void apply(float[] img, int c, int h, int w, double[] mean, Random rng) {
        if (flip && rng.nextBoolean()) flip(img, c, h, w);
        if (cropPadding > 0) crop(img, c, h, w, cropPadding, rng);
        if (brightness > 0 || contrast > 0 || saturation > 0) jitter(img, c, h, w, rng);
        if (erasingP > 0 && rng.nextDouble() < erasingP) erase(img, c, h, w, mean, rng);
    }

    /** Mirrors left-right. */
    public static void flip(float[] img, int c, int h, int w) {
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int row = (ch * h + y) * w;
                for (int x = 0; x < w / 2; x++) {
                    float t = img[row + x];
                    img[row + x] = img[row + w - 1 - x];
                    img[row + w - 1 - x] = t;
                }
            }
        }
    }

    /** Zero-pads by {@code pad} and cuts an {@code h×w} window at a random offset. */
    public static void crop(float[] img, int c, int h, int w, int pad, Random rng) {
        int dy = rng.nextInt(2 * pad + 1) - pad, dx = rng.nextInt(2 * pad + 1) - pad;
        float[] src = img.clone();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = y + dy, sx = x + dx;
                    img[(ch * h + y) * w + x] = sy < 0 || sy >= h || sx < 0 || sx >= w ? 0f : src[(ch * h + sy) * w + sx];
                }
            }
        }
    }

    /** ColorJitter with this record's strengths, the three adjustments in random order. */
    public void jitter(float[] img, int c, int h, int w, Random rng) {
        int[] order = {0, 1, 2};
        for (int i = 2; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int op : order) {
            if (op == 0 && brightness > 0) {
                float f = factor(brightness, rng);
                for (int i = 0; i < img.length; i++) img[i] = clamp(img[i] * f);
            } else if (op == 1 && contrast > 0) {
                float f = factor(contrast, rng);
                float[] grey = grey(img, c, h, w);
                double m = 0;
                for (float g : grey) m += g;
                float mean = (float) (m / grey.length);
                for (int i = 0; i < img.length; i++) img[i] = clamp(f * img[i] + (1 - f) * mean);
            } else if (op == 2 && saturation > 0 && c == 3) {
                float f = factor(saturation, rng);
                float[] grey = grey(img, c, h, w);
                int plane = h * w;
                for (int i = 0; i < img.length; i++) img[i] = clamp(f * img[i] + (1 - f) * grey[i % plane]);
            }
        }
    }

    /** Sets a random rectangle (2-33 % of the area, aspect 0.3-3.3, log-uniform) to {@code mean}. */
    public static void erase(float[] img, int c, int h, int w, double[] mean, Random rng) {
        int area = h * w;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (0.02 + rng.nextDouble() * (0.33 - 0.02));
            double ratio = Math.exp(Math.log(0.3) + rng.nextDouble() * (Math.log(3.3) - Math.log(0.3)));
            int eh = (int) Math.round(Math.sqrt(target * ratio)), ew = (int) Math.round(Math.sqrt(target / ratio));
            if (eh >= h || ew >= w || eh < 1 || ew < 1) continue;
            int y0 = rng.nextInt(h - eh + 1), x0 = rng.nextInt(w - ew + 1);
            for (int ch = 0; ch < c; ch++) {
                for (int y = y0; y < y0 + eh; y++) {
                    for (int x = x0; x < x0 + ew; x++) img[(ch * h + y) * w + x] = (float) mean[ch];
                }
            }
            return;
        }
    }

    private static float factor(double strength, Random rng) {
        return (float) (1 - strength + rng.nextDouble() * 2 * strength);
    }

    private static float[] grey(float[] img, int c, int h, int w) {
        int plane = h * w;
        float[] g = new float[plane];
        if (c != 3) { // grey (or other) images: the mean over channels
            for (int i = 0; i < img.length; i++) g[i % plane] += img[i] / c;
            return g;
        }
        for (int i = 0; i < plane; i++) g[i] = 0.299f * img[i] + 0.587f * img[plane + i] + 0.114f * img[2 * plane + i];
        return g;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
