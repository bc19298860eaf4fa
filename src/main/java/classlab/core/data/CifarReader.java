package classlab.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the CIFAR-10 binary release: {@code data_batch_1..5.bin} and {@code test_batch.bin}, each a
 * sequence of records of 1 label byte (0..9) and 3,072 pixel bytes (1,024 R, 1,024 G, 1,024 B, each
 * 32×32 row-major), plus {@code batches.meta.txt} with one class name per line. The official files hold
 * 10,000 records each; any whole number of records is accepted (tests use small files). The tar.gz is
 * read with Apache Commons Compress, without extracting it.
 *
 * <p>Every problem (missing batch file, size that is not a whole number of records, label outside 0..9,
 * missing or short class-name list, a file that is not a tar.gz) is a {@link DataFormatException} naming
 * the file.
 */
public final class CifarReader {
    private static final int CLASSES = 10;
    private static final int SIDE = 32;
    private static final int CHANNELS = 3;
    /** Larger than any official file (30,730,000 bytes): a bigger entry is not a CIFAR-10 batch. */
    private static final long MAX_BATCH_BYTES = 10_000L * CifarFiles.RECORD_BYTES * 2;

    private CifarReader() {
    }

    /** Reads whichever {@link CifarFiles.Location} was found. */
    public static CifarData read(CifarFiles.Location location) throws IOException, DataFormatException {
        return location instanceof CifarFiles.Location.Archive a ? readArchive(a.file()) : readFolder(((CifarFiles.Location.Folder) location).dir());
    }

    /** Reads {@code cifar-10-binary.tar.gz} (entries may sit in any folder of the archive). */
    public static CifarData readArchive(Path archive) throws IOException, DataFormatException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) continue;
                String name = Path.of(entry.getName()).getFileName().toString();
                if (!name.equals(CifarFiles.META) && !name.equals(CifarFiles.TEST_BATCH) && !CifarFiles.TRAIN_BATCHES.contains(name)) continue;
                if (entry.getSize() > MAX_BATCH_BYTES) {
                    throw new DataFormatException("data.cifar.entry_too_big", archive, entry.getName(),
                            String.format(Locale.ROOT, "%,d", entry.getSize()));
                }
                files.put(name, tar.readAllBytes());
            }
        } catch (IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) throw e;
            throw new DataFormatException(e, "data.cifar.not_archive", archive, String.valueOf(e.getMessage()));
        }
        return assemble(archive + ": " + CifarFiles.BATCHES_DIR + "/", files);
    }

    /** Reads the extracted {@code cifar-10-batches-bin} folder (or any folder holding its files). */
    public static CifarData readFolder(Path dir) throws IOException, DataFormatException {
        Map<String, byte[]> files = new HashMap<>();
        List<String> names = new ArrayList<>(CifarFiles.TRAIN_BATCHES);
        names.add(CifarFiles.TEST_BATCH);
        names.add(CifarFiles.META);
        for (String name : names) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) files.put(name, Files.readAllBytes(f));
        }
        return assemble(dir.toAbsolutePath() + java.io.File.separator, files);
    }

    private static CifarData assemble(String where, Map<String, byte[]> files) throws DataFormatException {
        List<String> missing = new ArrayList<>();
        for (String name : CifarFiles.TRAIN_BATCHES) if (!files.containsKey(name)) missing.add(name);
        if (!files.containsKey(CifarFiles.TEST_BATCH)) missing.add(CifarFiles.TEST_BATCH);
        if (!files.containsKey(CifarFiles.META)) missing.add(CifarFiles.META);
        if (!missing.isEmpty()) {
            throw new DataFormatException("data.cifar.missing_files", where, String.join(", ", missing));
        }
        String[] classes = classNames(where + CifarFiles.META, files.get(CifarFiles.META));
        List<byte[]> train = new ArrayList<>();
        for (String name : CifarFiles.TRAIN_BATCHES) train.add(files.remove(name));
        ImageData trainData = records(where, CifarFiles.TRAIN_BATCHES, train, classes);
        ImageData testData = records(where, List.of(CifarFiles.TEST_BATCH), List.of(files.remove(CifarFiles.TEST_BATCH)), classes);
        return new CifarData(trainData, testData);
    }

    private static String[] classNames(String file, byte[] bytes) throws DataFormatException {
        List<String> names = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) names.add(line.trim());
        }
        if (names.size() != CLASSES) {
            throw new DataFormatException("data.cifar.class_names", file, names.size(), CLASSES);
        }
        return names.toArray(new String[0]);
    }

    /** Concatenates the records of the named files, checking sizes and labels. */
    private static ImageData records(String where, List<String> names, List<byte[]> contents, String[] classes)
            throws DataFormatException {
        int per = CifarFiles.RECORD_BYTES - 1;
        long total = 0;
        for (int k = 0; k < names.size(); k++) {
            byte[] b = contents.get(k);
            if (b.length == 0 || b.length % CifarFiles.RECORD_BYTES != 0) {
                throw new DataFormatException("data.cifar.record_size", where, names.get(k),
                        String.format(Locale.ROOT, "%,d", b.length), String.format(Locale.ROOT, "%,d", CifarFiles.RECORD_BYTES));
            }
            total += b.length / CifarFiles.RECORD_BYTES;
        }
        byte[] pixels = new byte[Math.toIntExact(total * per)];
        int[] labels = new int[(int) total];
        int n = 0;
        for (int k = 0; k < names.size(); k++) {
            byte[] b = contents.get(k);
            for (int r = 0; r < b.length / CifarFiles.RECORD_BYTES; r++, n++) {
                int label = b[r * CifarFiles.RECORD_BYTES] & 0xFF;
                if (label >= CLASSES) {
                    throw new DataFormatException("data.cifar.bad_label", where, names.get(k), r, label);
                }
                labels[n] = label;
                System.arraycopy(b, r * CifarFiles.RECORD_BYTES + 1, pixels, n * per, per);
            }
        }
        return new ImageData(pixels, labels, CHANNELS, SIDE, SIDE, classes);
    }
}
