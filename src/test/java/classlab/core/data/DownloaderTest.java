package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    /** Large enough for several 64 KiB read chunks. */
    private static final byte[] CONTENT = randomBytes(300_000);

    @TempDir
    Path dir;
    private LoopbackServer server;
    private final List<long[]> progress = new ArrayList<>();
    private final ProgressListener recorder = (name, soFar, total) -> progress.add(new long[] {soFar, total});

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer().serve("/file.bin", CONTENT);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        Path target = dir.resolve("sub/file.bin");

        new Downloader().download(server.url("/file.bin"), target, sha256(CONTENT), recorder);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertFalse(Files.exists(part(target)));
        assertTrue(progress.size() >= 3, "several progress events: " + progress.size());
        long previous = -1;
        for (long[] event : progress) {
            assertEquals(CONTENT.length, event[1], "total announced");
            assertTrue(event[0] >= previous, "progress never goes back");
            previous = event[0];
        }
        assertEquals(CONTENT.length, previous);
    }

    @Test
    void checksumMismatchDeletesEverythingAndSaysSo() {
        Path target = dir.resolve("file.bin");
        Checksum wrong = Checksum.md5("9fb629c4189551a2d022fa330f9573f3");

        DownloadException e = assertThrows(DownloadException.class,
                () -> new Downloader().download(server.url("/file.bin"), target, wrong, recorder));

        assertTrue(e.getMessage().contains("Checksum mismatch for file.bin") && e.getMessage().contains(md5Hex(CONTENT))
                && e.getMessage().contains("9fb629c4189551a2d022fa330f9573f3") && e.getMessage().contains("deleted"),
                e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(part(target)));
    }

    @Test
    void droppedConnectionKeepsPartThenResumesWithRange() throws Exception {
        server.dropOnRequest(1);
        Path target = dir.resolve("file.bin");
        Downloader singleAttempt = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ZERO);

        DownloadException e = assertThrows(DownloadException.class,
                () -> singleAttempt.download(server.url("/file.bin"), target, sha256(CONTENT), recorder));

        long kept = Files.size(part(target));
        assertTrue(e.getMessage().contains(kept + " bytes are kept in " + part(target)), e.getMessage());
        assertTrue(kept > 0 && kept <= CONTENT.length / 2, "kept " + kept + " of the half the server sent");
        assertFalse(Files.exists(target));

        singleAttempt.download(server.url("/file.bin"), target, sha256(CONTENT), recorder);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertEquals("bytes=" + kept + "-", server.requests().get(1).range());
        assertFalse(Files.exists(part(target)));
    }

    @Test
    void retriesWithinOneCallResumeAfterDrops() throws Exception {
        server.dropOnRequest(1).dropOnRequest(2);
        Path target = dir.resolve("file.bin");

        new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ZERO)
                .download(server.url("/file.bin"), target, sha256(CONTENT), recorder);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        List<LoopbackServer.Request> requests = server.requests();
        assertEquals(3, requests.size());
        assertNull(requests.get(0).range());
        // Each retry resumes from further on (how far exactly depends on bytes lost in flight at the drop).
        long first = resumeOffset(requests.get(1));
        long second = resumeOffset(requests.get(2));
        assertTrue(0 < first && first < second && second < CONTENT.length, first + ", " + second);
    }

    @Test
    void serverThatStopsSendingMidFileIsLeftAndTheDownloadResumes() throws Exception {
        server.stallOnRequest(1);
        Path target = dir.resolve("file.bin");

        new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ZERO, Duration.ofMillis(400))
                .download(server.url("/file.bin"), target, sha256(CONTENT), recorder);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        List<LoopbackServer.Request> requests = server.requests();
        assertEquals(2, requests.size(), "one stalled request, one resume");
        assertTrue(resumeOffset(requests.get(1)) > 0, "the second request resumed from the bytes kept");
    }

    @Test
    void stallOnEveryAttemptKeepsThePartAndSaysWhatHappened() throws Exception {
        server.stallOnRequest(1).stallOnRequest(2);
        Path target = dir.resolve("file.bin");

        DownloadException e = assertThrows(DownloadException.class, () ->
                new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ZERO, Duration.ofMillis(300))
                        .download(server.url("/file.bin"), target, sha256(CONTENT), recorder));

        assertTrue(e.getMessage().contains("no data arrived for"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.contains("2번 시도 끝에 실패했습니다") && ko.contains("초 동안 데이터가 오지 않음")
                && ko.contains("바이트를 " + part(target) + "에 남겨 두었습니다"), ko);
        assertTrue(Files.size(part(target)) > 0, "the bytes received are kept for a later resume");
    }

    @Test
    void serverWithoutRangeSupportRestartsCleanly() throws Exception {
        server.honourRange(false);
        Path target = dir.resolve("file.bin");
        Files.write(part(target), "stale bytes from an earlier try".getBytes());

        new Downloader().download(server.url("/file.bin"), target, sha256(CONTENT), recorder);

        assertEquals("bytes=31-", server.requests().get(0).range(), "a resume was asked for");
        assertArrayEquals(CONTENT, Files.readAllBytes(target), "the full 200 body replaced the stale part");
    }

    @Test
    void httpErrorIsReported() {
        DownloadException e = assertThrows(DownloadException.class, () -> new Downloader()
                .download(server.url("/missing.bin"), dir.resolve("missing.bin"), sha256(CONTENT), recorder));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/missing.bin"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.contains("/missing.bin 내려받기에 실패했습니다: 서버가 HTTP 404로 응답했습니다."), ko);
    }

    @Test
    void closedPortMeansOffline() throws Exception {
        Path target = dir.resolve("file.bin");

        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> new Downloader()
                .download(LoopbackServer.closedPortUrl("/file.bin"), target, sha256(CONTENT), recorder));

        assertTrue(e.getMessage().contains("Cannot reach 127.0.0.1") && e.getMessage().contains("offline")
                && e.getMessage().contains("unreachable"), e.getMessage());
        String ko = classlab.core.lesson.LessonStrings.load(null, "ko").describe(e);
        assertTrue(ko.startsWith("127.0.0.1에 연결할 수 없습니다 (연결 거부됨)"), ko);
        assertFalse(Files.exists(target));
    }

    @Test
    void cancelStopsAndKeepsThePart() throws Exception {
        Path target = dir.resolve("file.bin");
        Downloader downloader = new Downloader();
        ProgressListener cancelAfterFirstChunk = (name, soFar, total) -> {
            if (soFar > 0) {
                downloader.cancel();
            }
        };

        assertThrows(DownloadCancelledException.class,
                () -> downloader.download(server.url("/file.bin"), target, sha256(CONTENT), cancelAfterFirstChunk));

        long kept = Files.size(part(target));
        assertTrue(kept > 0 && kept < CONTENT.length, "part holds " + kept + " bytes");
        assertFalse(Files.exists(target));
    }

    private static long resumeOffset(LoopbackServer.Request request) {
        Matcher range = Pattern.compile("bytes=(\\d+)-").matcher(String.valueOf(request.range()));
        assertTrue(range.matches(), "Range header: " + request.range());
        return Long.parseLong(range.group(1));
    }

    private static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + Downloader.PART_SUFFIX);
    }

    private static Checksum sha256(byte[] content) throws Exception {
        return Checksum.sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    private static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
