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
        new FolderOpener(List.of("classlab-no-such-opener"), f -> {}, (f, opener, code) -> missing.complete(f + ": " + opener + " " + code)).accept(folder);
        assertEquals(folder + ": classlab-no-such-opener null", missing.get(10, TimeUnit.SECONDS), "not installed: no exit code");

        CompletableFuture<String> failing = new CompletableFuture<>();
        new FolderOpener(List.of("false"), f -> {}, (f, opener, code) -> failing.complete(opener + " " + code)).accept(folder);
        assertEquals("false 1", failing.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anOpenerThatSucceedsIsQuietAndOtherSystemsUseTheirOwn() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        new FolderOpener(List.of("true"), f -> {}, (f, opener, code) -> heard.complete(opener)).accept(folder);
        Thread.sleep(500);
        assertTrue(!heard.isDone(), "no failure reported");

        CompletableFuture<Path> system = new CompletableFuture<>();
        new FolderOpener(FolderOpener.systemOpener("Windows 11"), system::complete, (f, opener, code) -> {}).accept(folder);
        assertEquals(folder, system.get(1, TimeUnit.SECONDS), "Windows: HostServices");
        assertNull(FolderOpener.systemOpener("Mac OS X"));
        assertEquals(List.of("xdg-open"), FolderOpener.systemOpener("Linux"));
    }
}
