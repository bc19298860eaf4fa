package classlab.core.data;

import classlab.testsupport.SharedData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistSourceTest {
    private static final int TRAIN = 60;
    private static final int TEST = 20;

    @TempDir
    Path dir;
    private LoopbackServer server;
    /** The synthetic .gz files the server offers, by file name. */
    private final Map<String, byte[]> served = new HashMap<>();
    private final Map<String, Checksum> checksums = new HashMap<>();

    @BeforeEach
    void serveSyntheticMnist() throws Exception {
        served.put(MnistFiles.TRAIN_IMAGES + ".gz", IdxFixtures.gzip(IdxFixtures.patternImages(TRAIN, 28, 28)));
        served.put(MnistFiles.TRAIN_LABELS + ".gz", IdxFixtures.gzip(IdxFixtures.cyclicLabels(TRAIN, 10)));
        served.put(MnistFiles.TEST_IMAGES + ".gz", IdxFixtures.gzip(IdxFixtures.patternImages(TEST, 28, 28)));
        served.put(MnistFiles.TEST_LABELS + ".gz", IdxFixtures.gzip(IdxFixtures.cyclicLabels(TEST, 10)));
        server = new LoopbackServer();
        for (Map.Entry<String, byte[]> file : served.entrySet()) {
            server.serve("/mnist/" + file.getKey(), file.getValue());
            checksums.put(file.getKey(), Checksum.md5(
                    HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file.getValue()))));
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void publishedChecksumsMatchTheGenuineTestFiles() throws Exception {
        Path genuine = SharedData.mnistTestOnly();
        for (String name : List.of(MnistFiles.TEST_IMAGES + ".gz", MnistFiles.TEST_LABELS + ".gz")) {
            assertTrue(MnistSource.PUBLISHED_MD5.get(name).matches(genuine.resolve(name)), name);
        }
    }

    @Test
    void downloadsAllFourIntoAnEmptyFolderThenLoads() throws Exception {
        Path mnistDir = dir.resolve("cache/mnist");
        Set<String> progressFiles = new TreeSet<>();

        MnistData data = source(server.url("/mnist")).ensureMnist(mnistDir,
                (name, soFar, total) -> progressFiles.add(name));

        assertEquals(TRAIN, data.train().size());
        assertEquals(TEST, data.test().size());
        assertEquals(784, data.train().featureCount());
        assertEquals(3, data.test().labels()[13]);
        assertEquals(new TreeSet<>(served.keySet()), progressFiles);
        for (Map.Entry<String, byte[]> file : served.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(mnistDir.resolve(file.getKey())));
        }
        try (Stream<Path> files = Files.list(mnistDir)) {
            assertEquals(4, files.count(), "no .part files left behind");
        }

        int requests = server.requests().size();
        source(server.url("/mnist")).ensureMnist(mnistDir, ProgressListener.NONE);
        assertEquals(requests, server.requests().size(), "a complete folder needs no download");
    }

    @Test
    void downloadsOnlyTheMissingFiles() throws Exception {
        // User-supplied, uncompressed training files of their own (no checksum applies to them).
        IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_IMAGES), IdxFixtures.patternImages(7, 28, 28));
        IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_LABELS), IdxFixtures.cyclicLabels(7, 10));

        MnistData data = source(server.url("/mnist/")).ensureMnist(dir, ProgressListener.NONE);

        assertEquals(7, data.train().size());
        assertEquals(TEST, data.test().size());
        Set<String> requested = server.requests().stream().map(LoopbackServer.Request::path).collect(Collectors.toSet());
        assertEquals(Set.of("/mnist/" + MnistFiles.TEST_IMAGES + ".gz", "/mnist/" + MnistFiles.TEST_LABELS + ".gz"),
                requested);
    }

    @Test
    void fallsBackToTheNextMirror() throws Exception {
        MnistData data = new MnistSource(List.of(LoopbackServer.closedPortUrl("/mnist/"), server.url("/mnist/")),
                checksums, fastDownloader()).ensureMnist(dir, ProgressListener.NONE);

        assertEquals(TRAIN, data.train().size());
    }

    @Test
    void offlineExplainsWhereToCopyTheFiles() throws Exception {
        MnistSource offline = new MnistSource(
                List.of(LoopbackServer.closedPortUrl("/a/"), LoopbackServer.closedPortUrl("/b/")),
                checksums, fastDownloader());
        Path mnistDir = dir.resolve("mnist");

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> offline.ensureMnist(mnistDir, ProgressListener.NONE));

        String m = e.getMessage();
        assertTrue(m.contains("offline") && m.contains("unreachable"), m);
        assertTrue(m.contains(mnistDir.toAbsolutePath().toString()), m);
        for (String name : MnistFiles.BASE_NAMES) {
            assertTrue(m.contains(name + ".gz"), name + " in: " + m);
        }
        assertTrue(m.contains("--data-dir") && m.contains(DataCache.ENV_VAR), m);
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.startsWith("MNIST를 내려받을 수 없습니다: 이 컴퓨터가 오프라인이거나"), ko);
        assertTrue(ko.contains("연결 거부됨") && ko.contains("직접 이 폴더에 복사하세요:\n    " + mnistDir.toAbsolutePath())
                && ko.contains(DataCache.ENV_VAR), ko);
    }

    @Test
    void checksumMismatchOnEveryMirrorIsUnavailable() throws Exception {
        checksums.put(MnistFiles.TEST_LABELS + ".gz", Checksum.md5("00000000000000000000000000000000"));

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> source(server.url("/mnist/")).ensureMnist(dir, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("Cannot download MNIST file " + MnistFiles.TEST_LABELS + ".gz")
                && e.getMessage().contains("Checksum mismatch"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.contains("MNIST 파일 " + MnistFiles.TEST_LABELS + ".gz을(를) 내려받을 수 없습니다.")
                && ko.contains("의 체크섬이 맞지 않습니다"), ko);
        assertFalse(Files.exists(dir.resolve(MnistFiles.TEST_LABELS + ".gz")));
    }

    @Test
    void userFolderIsValidatedByFormatNotChecksum() throws Exception {
        // mnist-mini's checksums are not the published ones, and no server is reachable: it must still load.
        MnistSource offline = new MnistSource(List.of(LoopbackServer.closedPortUrl("/")),
                MnistSource.PUBLISHED_MD5, fastDownloader());

        MnistData data = offline.ensureMnist(SharedData.mnistMini(), ProgressListener.NONE);

        assertEquals(8000, data.train().size());
    }

    @Test
    void corruptUserFileIsReportedNotReplaced() throws Exception {
        Path corrupt = IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_IMAGES + ".gz"),
                IdxFixtures.gzip(IdxFixtures.labels(1, 2, 3)));

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> source(server.url("/mnist/")).ensureMnist(dir, ProgressListener.NONE));

        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("delete it"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.startsWith(corrupt + ": IDX 이미지 파일이 아닙니다. 매직 넘버가 2049(0x00000801)인데 2051(0x00000803)이어야 합니다.")
                && ko.endsWith("그 파일을 온전한 사본으로 바꾸거나, 지워서 ClassLab이 다시 내려받게 하세요."), ko);
        assertArrayEquals(IdxFixtures.gzip(IdxFixtures.labels(1, 2, 3)), Files.readAllBytes(corrupt));
    }

    private MnistSource source(URI base) {
        return new MnistSource(List.of(base), checksums, fastDownloader());
    }

    private static Downloader fastDownloader() {
        return new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ZERO);
    }
}
