package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private static final String[] DIGITS = MnistLoader.digitClassNames();

    @TempDir
    Path dir;

    @Test
    void readsPlainImagesScaledToUnitRange() throws Exception {
        byte[] pixels = {0, (byte) 255, (byte) 128, 1, 2, 3, 10, 20, 30, 40, 50, 60};
        Path file = IdxFixtures.write(dir.resolve("images"), IdxFixtures.images(2, 2, 3, pixels));

        IdxReader.IdxImages images = IdxReader.readImages(file);

        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < 6; p++) {
                assertEquals((pixels[i * 6 + p] & 0xFF) / 255f, images.pixels()[i][p], 0f, "image " + i + " pixel " + p);
            }
        }
        assertEquals(0f, images.pixels()[0][0]);
        assertEquals(1f, images.pixels()[0][1]);
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws Exception {
        byte[] plain = IdxFixtures.patternImages(5, 4, 4);
        Path gzNamedPlain = IdxFixtures.write(dir.resolve("a-images.gz"), IdxFixtures.gzip(plain));
        Path gzWithoutSuffix = IdxFixtures.write(dir.resolve("b-images"), IdxFixtures.gzip(plain));
        Path plainWithGzSuffix = IdxFixtures.write(dir.resolve("c-images.gz"), plain);

        float[][] expected = IdxReader.readImages(IdxFixtures.write(dir.resolve("d-images"), plain)).pixels();
        for (Path file : new Path[] {gzNamedPlain, gzWithoutSuffix, plainWithGzSuffix}) {
            assertTrue(Arrays.deepEquals(expected, IdxReader.readImages(file).pixels()), file.toString());
        }
        assertEquals(IdxFixtures.pattern(3, 5) / 255f, expected[3][5]);
    }

    @Test
    void readsLabelsPlainAndGzip() throws Exception {
        byte[] labels = IdxFixtures.labels(7, 0, 9, 3, 255);
        assertArrayEquals(new int[] {7, 0, 9, 3, 255}, IdxReader.readLabels(IdxFixtures.write(dir.resolve("l"), labels)));
        assertArrayEquals(new int[] {7, 0, 9, 3, 255},
                IdxReader.readLabels(IdxFixtures.write(dir.resolve("l.gz"), IdxFixtures.gzip(labels))));
    }

    @Test
    void readLabeledPairsImagesWithLabels() throws Exception {
        Path images = IdxFixtures.write(dir.resolve("i.gz"), IdxFixtures.gzip(IdxFixtures.patternImages(6, 3, 3)));
        Path labels = IdxFixtures.write(dir.resolve("l.gz"), IdxFixtures.gzip(IdxFixtures.cyclicLabels(6, 4)));

        LabeledData data = IdxReader.readLabeled(images, labels, DIGITS);

        assertEquals(6, data.size());
        assertEquals(9, data.featureCount());
        assertEquals(10, data.numClasses());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1}, data.labels());
    }

    @Test
    void truncatedImageBodyIsReportedWithCounts() throws Exception {
        byte[] full = IdxFixtures.patternImages(10, 28, 28);
        byte[] cut = Arrays.copyOf(full, full.length - 100);
        Path file = IdxFixtures.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFixtures.gzip(cut));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: header declares 10 images of 28x28 but only "
                + (10 * 784 - 100) + " bytes of pixels follow"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.startsWith(file + ": 파일이 잘렸습니다. 헤더에 적힌 크기는 28x28 이미지 10장인데, 뒤따르는 픽셀 데이터는 "
                + (10 * 784 - 100) + "바이트뿐입니다"), ko);
    }

    @Test
    void truncatedGzipStreamIsReported() throws Exception {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.patternImages(50, 28, 28));
        Path file = IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated gzip"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.contains(file.toString()) && ko.contains("gzip 데이터가 중간에 끊겼습니다"), ko);
    }

    @Test
    void truncatedHeaderIsReported() throws Exception {
        Path file = IdxFixtures.write(dir.resolve("short"), Arrays.copyOf(IdxFixtures.patternImages(1, 2, 2), 10));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("truncated header: 10 bytes"), e.getMessage());
    }

    @Test
    void wrongMagicNamesBothNumbers() throws Exception {
        Path labelFile = IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(1, 2, 3));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(labelFile));

        assertTrue(e.getMessage().contains(labelFile + ": not an IDX image file: magic number 2049"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2051") && e.getMessage().contains("label file"), e.getMessage());

        Path random = IdxFixtures.write(dir.resolve("notes.txt"), "hello, this is text".getBytes());
        DataFormatException e2 = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(random));
        assertTrue(e2.getMessage().contains("not an IDX label file") && e2.getMessage().contains("expected 2049"),
                e2.getMessage());
    }

    @Test
    void wrongDimensionCountIsReported() throws Exception {
        // unsigned-byte type, but 2 dimensions where images need 3
        Path file = IdxFixtures.write(dir.resolve("two-d"), IdxFixtures.idx(0x0802, new int[] {2, 4}, new byte[8]));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("2 dimensions instead of 3"), e.getMessage());
    }

    @Test
    void trailingBytesAreReported() throws Exception {
        byte[] images = IdxFixtures.patternImages(3, 2, 2);
        byte[] withGarbage = Arrays.copyOf(images, images.length + 5);
        Path imageFile = IdxFixtures.write(dir.resolve("images.gz"), IdxFixtures.gzip(withGarbage));
        byte[] labels = IdxFixtures.labels(1, 2);
        Path labelFile = IdxFixtures.write(dir.resolve("labels"), Arrays.copyOf(labels, labels.length + 1));

        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(imageFile));
        assertTrue(e.getMessage().contains(imageFile + ": 5 unexpected trailing bytes after the 3 images of 2x2"),
                e.getMessage());
        DataFormatException e2 = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(labelFile));
        assertTrue(e2.getMessage().contains(labelFile + ": 1 unexpected trailing bytes after the 2 labels"),
                e2.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.patternImages(3, 2, 2));
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(1, 2, 3, 4));

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readLabeled(images, labels, DIGITS));

        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains(labels.toString())
                && e.getMessage().contains("3 images but 4 labels"), e.getMessage());
    }

    @Test
    void labelOutsideClassRangeIsReported() throws Exception {
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.patternImages(3, 2, 2));
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(1, 12, 3));

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.readLabeled(images, labels, DIGITS));

        assertTrue(e.getMessage().contains(labels + ": label 12 at index 1"), e.getMessage());
    }

    @Test
    void emptyFileIsNotIdx() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.gz"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("only 0 bytes"), e.getMessage());
    }
}
