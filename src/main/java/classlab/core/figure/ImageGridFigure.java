package classlab.core.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Small images in a grid, each with a caption under it: CIFAR-10 samples (colour), MNIST digits,
 * the misclassified images of a confusion-matrix cell, an augmentation preview, conv filters and
 * feature maps. Images are laid out row by row in {@link #columns()} columns; the view scales them
 * with nearest-neighbour sampling, so each pixel stays a crisp square.
 *
 * <p>Pixels are given as floats in a stated range {@code [low, high]} (mapped to black … full
 * intensity, values outside clamped), or normalised per image from its own minimum to maximum
 * (feature maps, filters, whose range has no meaning across images). Colour images are
 * channel-major {@code 3 × H × W} (R plane, G plane, B plane, each row-major), as a CIFAR-10 record
 * and a PyTorch {@code (C, H, W)} tensor; grey images are {@code H × W}, row-major.
 *
 * <p>A caption is a message key, a deferred message ({@code LessonStrings.message}) or plain text;
 * {@code \n} splits it into lines (the view reserves room for the longest caption, two lines fit
 * well). When the grid has no images the view shows {@link #notice()} instead (for example "click a
 * cell of the confusion matrix"). A grid made {@link #selectable(boolean) selectable} reports a
 * click on an image as {@code LessonModel.select(id(), FigureSelection.image(index, columns()))}.
 *
 * <p>Threading as for every figure (see the package documentation): write from any thread, the UI
 * reads by polling; the {@link Image} constructor copies the pixel array, so the caller may reuse
 * its buffer.
 */
public final class ImageGridFigure extends Figure {
    /** A coloured frame around an image; the view maps these to theme colours. */
    public enum Highlight {
        /** No frame. */
        NONE,
        /** The image the user picked (accent colour). */
        SELECTED,
        /** A correct prediction (green). */
        CORRECT,
        /** A wrong prediction, or a transform the data must not get (red). */
        WRONG
    }

    /**
     * One image. Use the factories {@link #grey}, {@link #rgb} and {@link #withCaption} /
     * {@link #withHighlight} rather than the canonical constructor.
     *
     * @param channels  1 (grey) or 3 (RGB)
     * @param height    rows, ≥ 1
     * @param width     columns, ≥ 1
     * @param pixels    {@code channels × height × width} values, channel-major then row-major; copied
     *                  on construction, must not be modified through this accessor
     * @param low       value shown as black (no intensity), or NaN for a per-image range
     * @param high      value shown at full intensity (> low), or NaN for a per-image range
     * @param caption   message key, deferred message or text; null or "" for none
     * @param highlight frame; null is read as {@link Highlight#NONE}
     * @throws IllegalArgumentException on a channel count other than 1 or 3, a non-positive size, a
     *                                  pixel count that does not match, or {@code low >= high}
     */
    public record Image(int channels, int height, int width, float[] pixels, double low, double high,
                        String caption, Highlight highlight) {
        public Image {
            if (channels != 1 && channels != 3) throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) channels, got " + channels);
            if (height < 1 || width < 1) throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
            if (pixels == null || pixels.length != channels * height * width) {
                throw new IllegalArgumentException("a " + channels + "x" + height + "x" + width + " image needs "
                        + channels * height * width + " values, got " + (pixels == null ? "null" : pixels.length));
            }
            if (Double.isNaN(low) != Double.isNaN(high) || (!Double.isNaN(low) && !(low < high))) {
                throw new IllegalArgumentException("image value range must have low < high (or both NaN for per-image), got ["
                        + low + ", " + high + "]");
            }
            pixels = pixels.clone();
            caption = caption == null ? "" : caption;
            highlight = highlight == null ? Highlight.NONE : highlight;
        }

        /** A grey {@code height × width} image (row-major) with values in {@code [low, high]}. */
        public static Image grey(float[] pixels, int height, int width, double low, double high) {
            return new Image(1, height, width, pixels, low, high, "", Highlight.NONE);
        }

        /** A grey image normalised from its own minimum (black) to its maximum (white). */
        public static Image grey(float[] pixels, int height, int width) {
            return new Image(1, height, width, pixels, Double.NaN, Double.NaN, "", Highlight.NONE);
        }

        /**
         * A colour image, {@code 3 × height × width} channel-major (as a CIFAR-10 record: 1,024 R, then
         * 1,024 G, then 1,024 B values for 32 × 32), with values in {@code [low, high]} (for example
         * 0 … 1 for {@code ToTensor()} output, or the range of normalised data).
         */
        public static Image rgb(float[] chw, int height, int width, double low, double high) {
            return new Image(3, height, width, chw, low, high, "", Highlight.NONE);
        }

        /** A colour image normalised per image over all three channels (min → 0, max → full). */
        public static Image rgb(float[] chw, int height, int width) {
            return new Image(3, height, width, chw, Double.NaN, Double.NaN, "", Highlight.NONE);
        }

        /** This image with another caption (message key, deferred message or text; may contain {@code \n}). */
        public Image withCaption(String text) { return new Image(channels, height, width, pixels, low, high, text, highlight); }

        /** This image with another frame. */
        public Image withHighlight(Highlight h) { return new Image(channels, height, width, pixels, low, high, caption, h); }

        /** Whether the range is the image's own minimum to maximum. */
        public boolean perImageRange() { return Double.isNaN(low); }

        /**
         * The range actually mapped to black … full intensity: {@code [low, high]}, or the finite minimum
         * and maximum of the pixels for a per-image range ({@code [min - 0.5, min + 0.5]} for a constant
         * image, {@code [0, 1]} when no pixel is finite).
         * @return {low, high}
         */
        public double[] displayRange() {
            if (!perImageRange()) return new double[] {low, high};
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (float v : pixels) {
                if (!Float.isFinite(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min > max) return new double[] {0, 1};
            if (min == max) return new double[] {min - 0.5, min + 0.5};
            return new double[] {min, max};
        }

        /**
         * The image as opaque 8-bit pixels {@code 0xFFRRGGBB}, {@code height × width} row-major (the
         * layout of JavaFX's {@code PixelFormat.getIntArgbInstance()}). Each value maps linearly
         * from the {@link #displayRange()} to 0 … 255, rounded, clamped; NaN gives 0. Grey images
         * have R = G = B.
         */
        public int[] toArgb() {
            double[] r = displayRange();
            double lo = r[0], scale = 255 / (r[1] - r[0]);
            int plane = height * width;
            int[] out = new int[plane];
            for (int i = 0; i < plane; i++) {
                int red = level(pixels[i], lo, scale);
                int green = channels == 3 ? level(pixels[plane + i], lo, scale) : red;
                int blue = channels == 3 ? level(pixels[2 * plane + i], lo, scale) : red;
                out[i] = 0xFF000000 | red << 16 | green << 8 | blue;
            }
            return out;
        }

        private static int level(float v, double lo, double scale) {
            if (Float.isNaN(v)) return 0;
            long k = Math.round((v - lo) * scale);
            return (int) Math.max(0, Math.min(255, k));
        }
    }

    private final int columns;
    private final List<Image> images = new ArrayList<>();
    private String notice = "";
    private volatile boolean selectable;

    /**
     * @param columns images per row, ≥ 1
     * @throws IllegalArgumentException if {@code columns < 1}
     */
    public ImageGridFigure(String id, String titleKey, int columns) {
        super(id, titleKey);
        if (columns < 1) throw new IllegalArgumentException("image grid " + id + " needs at least 1 column, got " + columns);
        this.columns = columns;
    }

    /** Images per row. */
    public int columns() { return columns; }

    /** Rows the current images fill: {@code ceil(images / columns)}. */
    public synchronized int rows() { return (images.size() + columns - 1) / columns; }

    /**
     * Makes images clickable (hand cursor, hover frame; each click reaches {@code LessonModel.select}).
     * Configuration: kept by {@link #clear()}.
     */
    public ImageGridFigure selectable(boolean on) { selectable = on; changed(); return this; }

    @Override public boolean isSelectable() { return selectable; }

    /** Replaces all images (row by row in the layout). */
    public void setImages(List<Image> newImages) {
        List<Image> copy = List.copyOf(newImages);
        synchronized (this) { images.clear(); images.addAll(copy); }
        changed();
    }

    /** The current images, in layout order. */
    public synchronized List<Image> images() { return new ArrayList<>(images); }

    /**
     * Sets the frame of image {@code index} to {@link Highlight#SELECTED} and removes SELECTED from all
     * others (their CORRECT / WRONG frames stay): how a lesson marks the image a click chose.
     * @throws IndexOutOfBoundsException if there is no such image
     */
    public void markSelected(int index) {
        synchronized (this) {
            if (index < 0 || index >= images.size()) {
                throw new IndexOutOfBoundsException("image grid " + id() + " has " + images.size() + " images, no index " + index);
            }
            for (int i = 0; i < images.size(); i++) {
                Image im = images.get(i);
                if (i == index) images.set(i, im.withHighlight(Highlight.SELECTED));
                else if (im.highlight() == Highlight.SELECTED) images.set(i, im.withHighlight(Highlight.NONE));
            }
        }
        changed();
    }

    /**
     * Text shown in place of the grid while it has no images (message key, deferred message or
     * text; "" for none). Configuration: kept by {@link #clear()}.
     */
    public void setNotice(String keyOrMessage) {
        synchronized (this) { notice = keyOrMessage == null ? "" : keyOrMessage; }
        changed();
    }

    public synchronized String notice() { return notice; }

    @Override public synchronized boolean hasData() { return !images.isEmpty(); }

    /** Title, notice, and captions that are keys or deferred messages. */
    @Override public synchronized Set<String> messageKeys() {
        Set<String> keys = super.messageKeys();
        addLabelKeys(keys, notice);
        for (Image im : images) addLabelKeys(keys, im.caption());
        return keys;
    }

    /** Removes the images; keeps columns, notice and selectability. */
    @Override public void clear() { synchronized (this) { images.clear(); } changed(); }

    /**
     * One line per image: its index, place in the layout, shape, the value range mapped to black …
     * full intensity, caption (unresolved key or text) and frame. Pixels are not exported: the PNG
     * shows them.
     */
    @Override public synchronized String toCsv() {
        StringBuilder sb = new StringBuilder("index,row,col,channels,height,width,low,high,per_image_range,caption,highlight\n");
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            double[] r = im.displayRange();
            sb.append(i).append(',').append(i / columns).append(',').append(i % columns).append(',')
              .append(im.channels()).append(',').append(im.height()).append(',').append(im.width()).append(',')
              .append(r[0]).append(',').append(r[1]).append(',').append(im.perImageRange()).append(',')
              .append(csvCell(im.caption())).append(',').append(im.highlight().name().toLowerCase(Locale.ROOT)).append('\n');
        }
        return sb.toString();
    }
}
