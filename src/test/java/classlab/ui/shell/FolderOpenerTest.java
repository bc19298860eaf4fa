package classlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOpenerTest {
    @TempDir Path folder;

    @Test
    void anOpenerThatCannotRunOrFailsIsReported() throws Exception {
        CompletableFuture<String> missing = new CompletableFuture<>();
        new FolderOpener(List.of("classlab-no-such-opener"), f -> {}, (f, reason) -> missing.complete(f + ": " + reason)).accept(folder);
        assertEquals(folder + ": no classlab-no-such-opener to run", missing.get(10, TimeUnit.SECONDS));

        CompletableFuture<String> failing = new CompletableFuture<>();
        new FolderOpener(List.of("false"), f -> {}, (f, reason) -> failing.complete(reason)).accept(folder);
        assertEquals("false ended with code 1", failing.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anOpenerThatSucceedsIsQuietAndOtherSystemsUseTheirOwn() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        new FolderOpener(List.of("true"), f -> {}, (f, reason) -> heard.complete(reason)).accept(folder);
        Thread.sleep(500);
        assertTrue(!heard.isDone(), "no failure reported");

        CompletableFuture<Path> system = new CompletableFuture<>();
        new FolderOpener(FolderOpener.systemOpener("Windows 11"), system::complete, (f, reason) -> {}).accept(folder);
        assertEquals(folder, system.get(1, TimeUnit.SECONDS), "Windows: HostServices");
        assertNull(FolderOpener.systemOpener("Mac OS X"));
        assertEquals(List.of("xdg-open"), FolderOpener.systemOpener("Linux"));
    }
}
