package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheArchiveRecordByRecord() throws Exception {
        Map<String, byte[]> files = CifarFixtures.files(20, 30);
        Files.write(dir.resolve(CifarFiles.ARCHIVE), CifarFixtures.tarGz(files));
        CifarData data = CifarReader.read(CifarFiles.find(dir));
        assertEquals(100, data.train().size());
        assertEquals(30, data.test().size());
        assertArrayEquals(CifarFixtures.CLASS_NAMES, data.train().classNames());
        assertEquals(3, data.train().channels());
        // Record 3 of data_batch_2.bin is training image 23: label byte, then R plane, G plane, B plane.
        byte[] batch2 = files.get("data_batch_2.bin");
        int rec = 3 * CifarFiles.RECORD_BYTES;
        assertEquals(batch2[rec] & 0xFF, data.train().labels()[23]);
        assertEquals(batch2[rec + 1] & 0xFF, data.train().value(23, 0, 0, 0));
        assertEquals(batch2[rec + 1 + 1024 + 5 * 32 + 7] & 0xFF, data.train().value(23, 1, 5, 7));
        assertEquals(batch2[rec + 3072] & 0xFF, data.train().value(23, 2, 31, 31));
    }

    @Test
    void theExtractedFolderReadsTheSame() throws Exception {
        Map<String, byte[]> files = CifarFixtures.files(10, 10);
        Path bin = Files.createDirectories(dir.resolve(CifarFiles.BATCHES_DIR));
        for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(bin.resolve(f.getKey()), f.getValue());
        CifarFiles.Location loc = CifarFiles.find(dir);
        assertInstanceOf(CifarFiles.Location.Folder.class, loc);
        CifarData fromFolder = CifarReader.read(loc);
        Path other = Files.createDirectories(dir.resolve("a"));
        Files.write(other.resolve(CifarFiles.ARCHIVE), CifarFixtures.tarGz(files));
        CifarData fromArchive = CifarReader.read(CifarFiles.find(other));
        assertArrayEquals(fromArchive.train().pixels(), fromFolder.train().pixels());
        assertArrayEquals(fromArchive.test().labels(), fromFolder.test().labels());
        // --data-dir may point at the folder holding the archive, at cifar-10-batches-bin, or at its parent.
        assertEquals(other, DataCache.cifarDir(other));
        assertEquals(dir, DataCache.cifarDir(dir));
        assertEquals(dir.resolve("b").resolve("cifar-10"), DataCache.cifarDir(dir.resolve("b")));
    }

    @Test
    void aShortRecordNamesTheFile() throws Exception {
        Map<String, byte[]> files = CifarFixtures.files(10, 10);
        byte[] b3 = files.get("data_batch_3.bin");
        files.put("data_batch_3.bin", java.util.Arrays.copyOf(b3, b3.length - 1));
        Path archive = Files.write(dir.resolve(CifarFiles.ARCHIVE), CifarFixtures.tarGz(files));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readArchive(archive));
        assertTrue(e.getMessage().startsWith(archive + ": cifar-10-batches-bin/data_batch_3.bin has 30,729 bytes, not a whole number"
                + " of 3,073-byte records"), e.getMessage());
    }

    @Test
    void aBadLabelNamesFileAndRecord() throws Exception {
        Map<String, byte[]> files = CifarFixtures.files(10, 10);
        files.get(CifarFiles.TEST_BATCH)[4 * CifarFiles.RECORD_BYTES] = 12;
        Path archive = Files.write(dir.resolve(CifarFiles.ARCHIVE), CifarFixtures.tarGz(files));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readArchive(archive));
        assertEquals(archive + ": cifar-10-batches-bin/test_batch.bin: record 4 has label 12; CIFAR-10 labels are 0 to 9.", e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertEquals(archive + ": cifar-10-batches-bin/test_batch.bin: 레코드 4의 레이블이 12입니다. CIFAR-10 레이블은 0에서 9까지입니다.", ko);
    }

    @Test
    void aMissingBatchFileIsNamed() throws Exception {
        Map<String, byte[]> files = CifarFixtures.files(10, 10);
        files.remove("data_batch_4.bin");
        Path archive = Files.write(dir.resolve(CifarFiles.ARCHIVE), CifarFixtures.tarGz(files));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readArchive(archive));
        assertTrue(e.getMessage().contains("is missing data_batch_4.bin;"), e.getMessage());
    }

    @Test
    void notATarGzIsSaidSo() throws Exception {
        Path archive = Files.write(dir.resolve(CifarFiles.ARCHIVE), new byte[] {1, 2, 3, 4});
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarReader.readArchive(archive));
        assertTrue(e.getMessage().startsWith(archive + " is not a readable CIFAR-10 tar.gz archive"), e.getMessage());
    }

    @Test
    void downloadsWithChecksumAndRejectsAWrongOne() throws Exception {
        byte[] archive = CifarFixtures.tarGz(CifarFixtures.files(10, 10));
        Checksum good = Checksum.md5(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive)));
        try (LoopbackServer server = new LoopbackServer()) {
            server.serve("/c/" + CifarFiles.ARCHIVE, archive);
            Downloader fast = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ZERO);
            Path bad = dir.resolve("bad");
            DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () ->
                    new CifarSource(server.url("/c/" + CifarFiles.ARCHIVE), CifarFiles.ARCHIVE_MD5, fast).ensure(bad, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("Checksum mismatch") && e.getMessage().contains(bad.toAbsolutePath().toString()), e.getMessage());
            assertFalse(Files.exists(bad.resolve(CifarFiles.ARCHIVE)));

            Path ok = dir.resolve("ok");
            CifarData data = new CifarSource(server.url("/c/" + CifarFiles.ARCHIVE), good, fast).ensure(ok, ProgressListener.NONE);
            assertEquals(50, data.train().size());
            assertTrue(Files.isRegularFile(ok.resolve(CifarFiles.ARCHIVE)));
        }
    }

    @Test
    void offlineTheMessageSaysWhereToPutTheArchive() throws Exception {
        CifarSource offline = new CifarSource(LoopbackServer.closedPortUrl("/" + CifarFiles.ARCHIVE), CifarFiles.ARCHIVE_MD5,
                new Downloader(Duration.ofSeconds(2), Duration.ofSeconds(2), 1, Duration.ZERO));
        Path cifarDir = dir.resolve("cifar-10");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> offline.ensure(cifarDir, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("Cannot download CIFAR-10: this computer seems to be offline"), e.getMessage());
        assertTrue(e.getMessage().contains(CifarFiles.ARCHIVE) && e.getMessage().contains(cifarDir.toAbsolutePath().toString()), e.getMessage());
        // trial 4, item 24: offline, no empty cifar-10/ is left in the user's data folder
        assertFalse(Files.exists(cifarDir), "nothing created before a download starts");
    }
}
