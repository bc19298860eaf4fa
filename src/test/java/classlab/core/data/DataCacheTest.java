package classlab.core.data;

import classlab.testsupport.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCacheTest {
    private static final Path HOME = Path.of("/home/student");

    @Test
    void overrideWinsOverEnvironmentAndDefault() {
        DataCache cache = DataCache.resolve("/data/override", Map.of(DataCache.ENV_VAR, "/data/env"), HOME, "Linux");
        assertEquals(Path.of("/data/override"), cache.dataDir());
        assertEquals(DataCache.Origin.OVERRIDE, cache.origin());
    }

    @Test
    void environmentWinsOverDefault() {
        DataCache cache = DataCache.resolve(null, Map.of(DataCache.ENV_VAR, "/data/env"), HOME, "Linux");
        assertEquals(Path.of("/data/env"), cache.dataDir());
        assertEquals(DataCache.Origin.ENVIRONMENT, cache.origin());
    }

    @Test
    void blankValuesCountAsUnset() {
        DataCache cache = DataCache.resolve("  ", Map.of(DataCache.ENV_VAR, ""), HOME, "Linux");
        assertEquals(HOME.resolve(".cache/classlab"), cache.dataDir());
        assertEquals(DataCache.Origin.DEFAULT, cache.origin());
    }

    @Test
    void relativeOverrideBecomesAbsolute() {
        DataCache cache = DataCache.resolve("some/folder", Map.of(), HOME, "Linux");
        assertEquals(Path.of("some/folder").toAbsolutePath(), cache.dataDir());
    }

    @Test
    void linuxDefaultFollowsXdgCacheHome() {
        assertEquals(Path.of("/var/cache/u/classlab"),
                DataCache.resolve(null, Map.of("XDG_CACHE_HOME", "/var/cache/u"), HOME, "Linux").dataDir());
        // The XDG spec says relative values are invalid and must be ignored.
        assertEquals(HOME.resolve(".cache/classlab"),
                DataCache.resolve(null, Map.of("XDG_CACHE_HOME", "rel/cache"), HOME, "Linux").dataDir());
        assertEquals(HOME.resolve(".cache/classlab"), DataCache.resolve(null, Map.of(), HOME, "FreeBSD").dataDir());
    }

    @Test
    void macAndWindowsDefaults() {
        assertEquals(HOME.resolve("Library/Caches/ClassLab"),
                DataCache.resolve(null, Map.of("XDG_CACHE_HOME", "/x"), HOME, "Mac OS X").dataDir());
        assertEquals(Path.of("/c/Users/student/AppData/Local/ClassLab"),
                DataCache.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/student/AppData/Local"), HOME, "Windows 11").dataDir());
        assertEquals(HOME.resolve("AppData/Local/ClassLab"),
                DataCache.resolve(null, Map.of(), HOME, "Windows 10").dataDir());
    }

    @Test
    void mnistLivesInSubfolderUnlessTheDataFolderHoldsTheFilesDirectly(@TempDir Path dir) throws Exception {
        DataCache empty = DataCache.resolve(dir.resolve("empty").toString(), Map.of(), HOME, "Linux");
        assertEquals(dir.resolve("empty/mnist"), empty.mnistDir());

        DataCache mini = DataCache.resolve(SharedData.mnistMini().toString(), Map.of(), HOME, "Linux");
        assertEquals(SharedData.mnistMini().toAbsolutePath(), mini.mnistDir());

        Path both = dir.resolve("both");
        Files.createDirectories(both.resolve("mnist"));
        Files.createFile(both.resolve(MnistFiles.TEST_LABELS + ".gz"));
        // an empty mnist/ (left by an earlier failed download) does not hide the files beside it (issue 12)
        assertEquals(both, DataCache.resolve(both.toString(), Map.of(), HOME, "Linux").mnistDir());
        Files.createFile(both.resolve("mnist").resolve(MnistFiles.TEST_LABELS + ".gz"));
        assertEquals(both.resolve("mnist"), DataCache.resolve(both.toString(), Map.of(), HOME, "Linux").mnistDir());
    }
}
