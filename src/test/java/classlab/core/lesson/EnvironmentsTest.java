package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.UserException;
import classlab.core.data.Downloader;
import classlab.core.data.MnistFiles;
import classlab.core.data.MnistSource;
import classlab.core.data.ProgressListener;
import classlab.testsupport.SharedData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 kind 4: when MNIST cannot be had, the user hears what was found, what is missing and what to do, in their language. */
class EnvironmentsTest {
    @Test
    void offlineWithTwoOfFourFilesNamesBothAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path mini = SharedData.mnistMini();
        Files.copy(mini.resolve(MnistFiles.TRAIN_IMAGES + ".gz"), dir.resolve("train-images.idx3-ubyte.gz"));
        Files.copy(mini.resolve(MnistFiles.TRAIN_LABELS + ".gz"), dir.resolve("train-labels.idx1-ubyte.gz"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MnistSource offline = new MnistSource(List.of(URI.create("http://127.0.0.1:" + port + "/")), MnistSource.PUBLISHED_MD5,
                new Downloader(Duration.ofMillis(500), Duration.ofMillis(500), 1, Duration.ZERO));

        UserException e = assertThrows(UserException.class, () -> Environments.loadMnist(dir, offline, ProgressListener.NONE));

        String en = e.getMessage();
        assertTrue(en.contains("found train-images.idx3-ubyte.gz, train-labels.idx1-ubyte.gz"), en);
        assertTrue(en.contains("still missing: " + MnistFiles.TEST_IMAGES + ", " + MnistFiles.TEST_LABELS), en);
        assertTrue(en.contains(dir.toAbsolutePath().toString()) && en.contains("--data-dir"), en);
        String ko = LessonStrings.resolve(LessonStrings.load(null, "ko"), e.deferredMessage());
        assertTrue(ko.contains("찾은 파일: train-images.idx3-ubyte.gz") && ko.contains("--data-dir"), ko);
        // the download failure inside is Korean too: the mirror tried, and why it could not be reached
        assertTrue(ko.contains("내려받기에 실패했습니다: MNIST를 내려받을 수 없습니다: 이 컴퓨터가 오프라인이거나")
                && ko.contains("127.0.0.1:" + port + "/") && ko.contains("(연결 거부됨)"), ko);
        assertTrue(en.contains("Downloading them failed: Cannot download MNIST: this computer seems to be offline"), en);
        assertEquals(1, ko.split("오프라인", -1).length - 1, "offline is said once, not once per mirror: " + ko);
        assertEquals("error.mnist.unavailable", e.key());
    }

    /** Trial 2 item 3: a replayed snapshot without data must not try the mirrors (nor draw their failure). */
    @Test
    void replayEnvironmentNeverDownloadsAndUsesLocalFiles(@TempDir Path empty) throws Exception {
        LessonEnvironment none = Environments.withoutDownloads(empty);
        Environments.NotHere e = assertThrows(Environments.NotHere.class, none::mnist);
        assertTrue(e.getMessage().contains(empty.toAbsolutePath().toString()), e.getMessage());
        assertThrows(Environments.NotHere.class, none::cifar10);
        assertTrue(Files.list(empty).findAny().isEmpty(), "nothing downloaded or created");

        LessonEnvironment local = Environments.withoutDownloads(SharedData.mnistMini());
        assertEquals(8000, local.mnist().train().size());
    }
}
