package classlab.core.data;

import classlab.core.Localized;
import classlab.core.Deferred;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format): unsigned-byte images (magic 2051, three dimensions: count, rows,
 * columns) and unsigned-byte labels (magic 2049, one dimension: count). Files may be gzip-compressed or
 * plain; compression is detected from the gzip magic bytes, not from the file name.
 *
 * <p>Every inconsistency (bad magic, wrong dimension count, truncated body, trailing bytes, image/label
 * count mismatch, label outside the class range) is a {@link DataFormatException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an unsigned-byte, three-dimensional IDX file (images). */
    public static final int IMAGE_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, one-dimensional IDX file (labels). */
    public static final int LABEL_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    private static final int IMAGE_HEADER_BYTES = 16;
    private static final int LABEL_HEADER_BYTES = 8;

    private IdxReader() {
    }

    /**
     * Images of an IDX image file.
     *
     * @param rows   image height
     * @param cols   image width
     * @param pixels one row per image, {@code rows * cols} values in row-major order, scaled to [0, 1]
     *               by dividing the byte value by 255 (as torchvision's {@code ToTensor})
     */
    public record IdxImages(int rows, int cols, float[][] pixels) {
        public int count() {
            return pixels.length;
        }
    }

    /** Reads an IDX image file (magic 2051), gzip or plain. */
    public static IdxImages readImages(Path file) throws IOException, DataFormatException {
        byte[] bytes = readDecompressed(file);
        checkHeader(file, bytes, IMAGE_HEADER_BYTES, 3, "data.idx.kind.image", "2051");
        int count = dimension(file, bytes, 0, "data.idx.dimension.images");
        int rows = dimension(file, bytes, 1, "data.idx.dimension.rows");
        int cols = dimension(file, bytes, 2, "data.idx.dimension.columns");
        if (rows == 0 || cols == 0) {
            throw new DataFormatException("data.idx.no_pixels", file, rows, cols);
        }
        long imageBytes = (long) rows * cols;
        checkBodyLength(file, bytes, IMAGE_HEADER_BYTES, count * imageBytes,
                () -> Deferred.of("data.idx.declared.images", count, rows, cols), "data.idx.unit.pixels");

        // One row at a time, not new float[count][pixels]: the JVM allocates a multi-dimensional array in one
        // call that no safepoint can interrupt, and the collector's first pause of a run waited 55-78 ms for
        // it (8,000 images), holding every thread, the window's too (-XX:+SafepointTimeout, snapshot multiclass).
        float[][] pixels = new float[count][];
        int offset = IMAGE_HEADER_BYTES;
        for (int i = 0; i < count; i++) {
            float[] image = new float[(int) imageBytes];
            for (int p = 0; p < image.length; p++) {
                image[p] = (bytes[offset++] & 0xFF) / 255f;
            }
            pixels[i] = image;
        }
        return new IdxImages(rows, cols, pixels);
    }

    /** Reads an IDX label file (magic 2049), gzip or plain; labels are returned as unsigned byte values. */
    public static int[] readLabels(Path file) throws IOException, DataFormatException {
        byte[] bytes = readDecompressed(file);
        checkHeader(file, bytes, LABEL_HEADER_BYTES, 1, "data.idx.kind.label", "2049");
        int count = dimension(file, bytes, 0, "data.idx.dimension.labels");
        checkBodyLength(file, bytes, LABEL_HEADER_BYTES, count, () -> Deferred.of("data.idx.declared.labels", count),
                "data.idx.unit.labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[LABEL_HEADER_BYTES + i] & 0xFF;
        }
        return labels;
    }

    /**
     * Reads an image file and its label file into one data set, checking that both hold the same number
     * of examples and that every label is a valid class index.
     *
     * @param classNames one name per class; labels must lie in {@code 0..classNames.length-1}
     */
    public static LabeledData readLabeled(Path imageFile, Path labelFile, String[] classNames)
            throws IOException, DataFormatException {
        IdxImages images = readImages(imageFile);
        int[] labels = readLabels(labelFile);
        if (images.count() != labels.length) {
            throw new DataFormatException("data.idx.count_mismatch", imageFile, labelFile, images.count(), labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.length) {
                throw new DataFormatException("data.idx.label_outside", labelFile, labels[i], i, classNames.length,
                        classNames.length - 1);
            }
        }
        return new LabeledData(images.pixels(), labels, classNames.length, classNames.clone());
    }

    /** The file's content, gunzipped if it starts with the gzip magic bytes 1f 8b. */
    static byte[] readDecompressed(Path file) throws IOException, DataFormatException {
        byte[] raw = Files.readAllBytes(file);
        boolean gzip = raw.length >= 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b;
        if (!gzip) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DataFormatException(e, "data.idx.gzip_truncated", file);
        } catch (ZipException e) {
            throw new DataFormatException(e, "data.idx.gzip_corrupt", file, e.getMessage());
        }
    }

    private static void checkHeader(Path file, byte[] bytes, int headerBytes, int dims, String kind,
                                    String magicDecimal) throws DataFormatException {
        if (bytes.length < 4) {
            throw new DataFormatException("data.idx.too_short", file, kind, bytes.length);
        }
        int magic = readInt(bytes, 0);
        int expectedMagic = (UNSIGNED_BYTE_TYPE << 8) | dims;
        if (magic != expectedMagic) {
            String hint;
            if (magic == IMAGE_MAGIC) {
                hint = Deferred.of("data.idx.hint.image_file");
            } else if (magic == LABEL_MAGIC) {
                hint = Deferred.of("data.idx.hint.label_file");
            } else if ((magic >>> 16) == 0 && ((magic >> 8) & 0xFF) == UNSIGNED_BYTE_TYPE) {
                hint = Deferred.of("data.idx.hint.dimensions", magic & 0xFF, dims);
            } else {
                hint = Deferred.of("data.idx.hint.not_idx");
            }
            Localized because = () -> hint;
            throw new DataFormatException("data.idx.bad_magic", file, kind, magic, String.format("%08x", magic),
                    magicDecimal, String.format("%08x", expectedMagic), because);
        }
        if (bytes.length < headerBytes) {
            throw new DataFormatException("data.idx.short_header", file, bytes.length, kind, headerBytes);
        }
    }

    /**
     * The index-th dimension size from the header (after the 4-byte magic), which must be non-negative;
     * {@code what} is the message key naming it.
     */
    private static int dimension(Path file, byte[] bytes, int index, String what) throws DataFormatException {
        int value = readInt(bytes, 4 + 4 * index);
        if (value < 0) {
            throw new DataFormatException("data.idx.negative", file, what, value);
        }
        return value;
    }

    /**
     * @param declared what the header declares (a deferred message: "8000 images of 28x28")
     * @param unit     message key of what the body bytes are ("bytes of pixels")
     */
    private static void checkBodyLength(Path file, byte[] bytes, int headerBytes, long expectedBody,
                                        Localized declared, String unit) throws DataFormatException {
        long actualBody = bytes.length - headerBytes;
        if (actualBody < expectedBody) {
            throw new DataFormatException("data.idx.truncated", file, declared, actualBody, unit, expectedBody);
        }
        if (actualBody > expectedBody) {
            throw new DataFormatException("data.idx.trailing", file, actualBody - expectedBody, declared);
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }
}
