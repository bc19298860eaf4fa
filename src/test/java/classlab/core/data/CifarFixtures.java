package classlab.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Small CIFAR-10-format data for tests (never the network): records of 1 label byte + 3,072 pixel bytes
 * with a learnable pattern per class (a class colour, and a bright 8×8 square whose place depends on the
 * class) over seeded noise, packed as {@code cifar-10-batches-bin/...} in a {@code .tar.gz}.
 */
public final class CifarFixtures {
    public static final String[] CLASS_NAMES = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};

    private CifarFixtures() {}

    /** {@code n} records, labels cycling 0..9 from {@code firstLabel}. */
    public static byte[] batch(int n, long seed, int firstLabel) {
        Random rng = new Random(seed);
        byte[] out = new byte[n * CifarFiles.RECORD_BYTES];
        for (int r = 0; r < n; r++) {
            int label = (firstLabel + r) % 10;
            int base = r * CifarFiles.RECORD_BYTES;
            out[base] = (byte) label;
            int sqY = (label % 4) * 8, sqX = (label / 4) * 8 + 4;
            for (int c = 0; c < 3; c++) {
                int tint = 60 + 140 * (((label + c * 3) % 10) / 9);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean square = y >= sqY && y < sqY + 8 && x >= sqX && x < sqX + 8;
                        int v = (square ? 250 : tint) + (int) Math.round(rng.nextGaussian() * 25);
                        out[base + 1 + (c * 32 + y) * 32 + x] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
        return out;
    }

    /** The files of a complete small release: five training batches of {@code perBatch} records and a test batch. */
    public static Map<String, byte[]> files(int perBatch, int test) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CifarFiles.META, (String.join("\n", CLASS_NAMES) + "\n\n").getBytes(StandardCharsets.UTF_8));
        for (int b = 0; b < CifarFiles.TRAIN_BATCHES.size(); b++) {
            files.put(CifarFiles.TRAIN_BATCHES.get(b), batch(perBatch, 100 + b, b));
        }
        files.put(CifarFiles.TEST_BATCH, batch(test, 7, 0));
        return files;
    }

    /** A {@code .tar.gz} holding {@code files} under {@value CifarFiles#BATCHES_DIR}/ (as the official archive). */
    public static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GzipCompressorOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry dir = new TarArchiveEntry(CifarFiles.BATCHES_DIR + "/");
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(CifarFiles.BATCHES_DIR + "/" + f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes a small archive as {@code dir/cifar-10-binary.tar.gz}; returns the file. */
    public static Path writeArchive(Path dir, int perBatch, int test) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(CifarFiles.ARCHIVE), tarGz(files(perBatch, test)));
    }
}
