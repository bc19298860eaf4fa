package classlab.core.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFixtures {
    private IdxFixtures() {
    }

    /** IDX image bytes: header (magic 2051, count, rows, cols) then the pixel bytes as given. */
    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return idx(IdxReader.IMAGE_MAGIC, new int[] {count, rows, cols}, pixels);
    }

    /** IDX label bytes: header (magic 2049, count) then one byte per label. */
    static byte[] labels(int... labels) {
        byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            body[i] = (byte) labels[i];
        }
        return idx(IdxReader.LABEL_MAGIC, new int[] {labels.length}, body);
    }

    /** Image bytes for {@code count} images of rows x cols whose pixel p of image i is (i * 31 + p * 7) mod 256. */
    static byte[] patternImages(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                pixels[i * rows * cols + p] = (byte) pattern(i, p);
            }
        }
        return images(count, rows, cols, pixels);
    }

    /** The unsigned pixel value {@link #patternImages} puts at pixel p of image i. */
    static int pattern(int image, int pixel) {
        return (image * 31 + pixel * 7) % 256;
    }

    /** Labels 0, 1, 2, ... cycling through {@code numClasses}. */
    static byte[] cyclicLabels(int count, int numClasses) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % numClasses;
        }
        return labels(labels);
    }

    static byte[] idx(int magic, int[] dims, byte[] body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes); // big-endian, as IDX requires
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(data);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, data);
    }
}
