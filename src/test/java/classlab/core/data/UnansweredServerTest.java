package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network that accepts connections and never answers costs one bounded wait, and the wait can be cancelled. */
class UnansweredServerTest {
    @TempDir Path dir;

    /** Each request alone may wait 20 s; two silent mirrors together must take the 1 s budget, not 40 s. */
    @Test
    void silentMirrorsShareOneBoundedWait() throws Exception {
        try (BlackholeServer hole = new BlackholeServer()) {
            MnistSource source = new MnistSource(List.of(hole.url("/a/"), hole.url("/b/")), MnistSource.PUBLISHED_MD5,
                    new Downloader(Duration.ofSeconds(20), Duration.ofSeconds(20), 3, Duration.ZERO), Duration.ofSeconds(1));
            long start = System.nanoTime();
            DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                    () -> source.ensureMnist(dir, ProgressListener.NONE));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 10, "gave up after " + seconds + " s");
            assertTrue(e.getMessage().contains("offline") && e.getMessage().contains("no response in time"), e.getMessage());
            assertTrue(hole.connections() >= 1, "the server was asked");
        }
    }

    @Test
    void interruptingTheWaitCancelsTheDownload() throws Exception {
        try (BlackholeServer hole = new BlackholeServer()) {
            MnistSource source = new MnistSource(List.of(hole.url("/")), MnistSource.PUBLISHED_MD5,
                    new Downloader(Duration.ofSeconds(20), Duration.ofSeconds(20), 1, Duration.ZERO), Duration.ofSeconds(20));
            AtomicReference<Exception> thrown = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    source.ensureMnist(dir, ProgressListener.NONE);
                } catch (Exception e) {
                    thrown.set(e);
                }
            });
            t.start();
            while (hole.connections() == 0 && t.isAlive()) Thread.sleep(10);
            t.interrupt();
            t.join(10_000);
            assertTrue(!t.isAlive(), "the download ended after the interrupt");
            assertTrue(thrown.get() instanceof DownloadCancelledException, String.valueOf(thrown.get()));
        }
    }
}
