package classlab.core.data;

import classlab.testsupport.SharedData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {
    @Test
    void loadsMnistMiniQuickly() throws Exception {
        long start = System.nanoTime();
        MnistData data = MnistLoader.load(SharedData.mnistMini());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("mnist-mini loaded in " + millis + " ms");

        assertEquals(8000, data.train().size());
        assertEquals(2000, data.test().size());
        for (LabeledData split : new LabeledData[] {data.train(), data.test()}) {
            assertEquals(784, split.featureCount());
            assertEquals(10, split.numClasses());
            assertArrayEquals(new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, split.classNames());
            for (int label : split.labels()) {
                assertTrue(label >= 0 && label <= 9, "label " + label);
            }
            for (int count : split.classCounts()) {
                assertTrue(count > 0, "every digit occurs");
            }
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float[] row : split.features()) {
                for (float v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
        }
        // Generous bound for a loaded 2-core machine; typically a few hundred ms.
        assertTrue(millis < 3000, "loading took " + millis + " ms");
    }

    @Test
    void mnistMiniIsTheGenuineTestSplitResplit() throws Exception {
        // README of mnist-mini: train = rows 0..7999, test = rows 8000..9999 of the genuine t10k files.
        Path full = SharedData.mnistTestOnly();
        LabeledData t10k = IdxReader.readLabeled(full.resolve("t10k-images-idx3-ubyte.gz"),
                full.resolve("t10k-labels-idx1-ubyte.gz"), MnistLoader.digitClassNames());
        MnistData mini = MnistLoader.load(SharedData.mnistMini());

        assertEquals(10000, t10k.size());
        for (int i = 0; i < 10000; i += 997) {
            LabeledData split = i < 8000 ? mini.train() : mini.test();
            int row = i < 8000 ? i : i - 8000;
            assertEquals(t10k.labels()[i], split.labels()[row], "label of row " + i);
            assertArrayEquals(t10k.features()[i], split.features()[row], "pixels of row " + i);
        }
    }

    @Test
    void missingFilesAreListedWithTheFolder() {
        Path testOnly = SharedData.mnistTestOnly();

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> MnistLoader.load(testOnly));

        String m = e.getMessage();
        assertTrue(m.contains(testOnly.toAbsolutePath().toString()), m);
        assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("train-labels-idx1-ubyte.gz"), m);
        assertFalse(m.contains("t10k"), m);
    }

    @Test
    void readsUncompressedFilesAndChecksImageSizes(@TempDir Path dir) throws Exception {
        IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_IMAGES), IdxFixtures.patternImages(12, 5, 5));
        IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_LABELS), IdxFixtures.cyclicLabels(12, 10));
        IdxFixtures.write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), IdxFixtures.gzip(IdxFixtures.patternImages(4, 5, 5)));
        IdxFixtures.write(dir.resolve(MnistFiles.TEST_LABELS + ".gz"), IdxFixtures.gzip(IdxFixtures.cyclicLabels(4, 10)));

        MnistData data = MnistLoader.load(dir);
        assertEquals(12, data.train().size());
        assertEquals(4, data.test().size());
        assertEquals(25, data.test().featureCount());

        IdxFixtures.write(dir.resolve(MnistFiles.TEST_IMAGES + ".gz"), IdxFixtures.gzip(IdxFixtures.patternImages(4, 6, 6)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> MnistLoader.load(dir));
        assertTrue(e.getMessage().contains("different sizes: 25 vs 36"), e.getMessage());
    }
}
