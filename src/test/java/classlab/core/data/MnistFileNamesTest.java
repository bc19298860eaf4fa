package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.testsupport.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 kind 4: the MNIST file names as archives unpack them are accepted, and the files used are named. */
class MnistFileNamesTest {
    @Test
    void canonicalNamesReadDotsUnderscoresCaseAndGz() {
        assertEquals(MnistFiles.TRAIN_IMAGES, MnistFiles.canonical("train-images.idx3-ubyte"));
        assertEquals(MnistFiles.TRAIN_IMAGES, MnistFiles.canonical("Train-Images.idx3-ubyte.gz"));
        assertEquals(MnistFiles.TEST_LABELS, MnistFiles.canonical("t10k-labels.idx1-ubyte"));
        assertEquals(MnistFiles.TEST_LABELS, MnistFiles.canonical("t10k_labels_idx1_ubyte"));
    }

    /** The instance: uncompressed files with a dot, straight in --data-dir, next to an empty mnist/ left by an earlier attempt. */
    @Test
    void dottedUncompressedFilesInTheDataFolderAreFoundAndNamed(@TempDir Path dataDir) throws Exception {
        Path mini = SharedData.mnistMini();
        for (String base : MnistFiles.BASE_NAMES) {
            String dotted = base.replace("-idx", ".idx");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(mini.resolve(base + MnistFiles.GZ)))) {
                Files.copy(in, dataDir.resolve(dotted));
            }
        }
        Files.createDirectories(dataDir.resolve("mnist"));
        DataCache cache = DataCache.resolve(dataDir.toString(), java.util.Map.of(), dataDir, "Linux");
        assertEquals(dataDir.toAbsolutePath(), cache.mnistDir());

        MnistData data = MnistLoader.load(cache.mnistDir());
        assertEquals(8000, data.train().size());
        assertEquals(2000, data.test().size());
        assertEquals(List.of("train-images.idx3-ubyte", "train-labels.idx1-ubyte", "t10k-images.idx3-ubyte",
                "t10k-labels.idx1-ubyte"), data.files().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void publishedSpellingAndGzArePreferred(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train-images.idx3-ubyte"), "x");
        Files.writeString(dir.resolve("train-images.idx3-ubyte.gz"), "x");
        assertEquals("train-images.idx3-ubyte.gz", MnistFiles.find(dir, MnistFiles.TRAIN_IMAGES).orElseThrow().getFileName().toString());
        Files.writeString(dir.resolve(MnistFiles.TRAIN_IMAGES), "x");
        assertEquals(MnistFiles.TRAIN_IMAGES, MnistFiles.find(dir, MnistFiles.TRAIN_IMAGES).orElseThrow().getFileName().toString());
        assertTrue(MnistFiles.find(dir, MnistFiles.TEST_IMAGES).isEmpty());
    }
}
