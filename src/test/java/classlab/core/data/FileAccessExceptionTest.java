package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import classlab.core.lesson.LessonStrings;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operating-system errors become what was attempted, what the system said and what to do, in both languages. */
class FileAccessExceptionTest {
    @TempDir Path tmp;

    @Test
    void aFileWhereAFolderIsNeededIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("results"), "x");
        for (Path dir : new Path[] {file, file.resolve("lesson")}) {
            FileAccessException e = assertThrows(FileAccessException.class,
                    () -> Destinations.requireWritableFolder(dir, FileAccessException.Attempt.RESULTS));
            assertEquals(FileAccessException.Reason.NOT_A_DIRECTORY, e.reason());
            String en = LessonStrings.resolve(LessonStrings.load(null, "en"), e.deferredMessage());
            assertTrue(en.startsWith("Cannot write the results to " + dir) && en.contains(file + " is a file"), en);
        }
    }

    @Test
    void aWritableFolderIsCreatedAndLeftEmpty() throws Exception {
        Path dir = tmp.resolve("a/b");
        Destinations.requireWritableFolder(dir, FileAccessException.Attempt.EXPORTS);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the probe file is removed");
        }
    }

    /** sysfs refuses new entries even to root, so this runs as any user on Linux. */
    @Test
    void permissionDeniedBySysfs() {
        assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "Linux sysfs");
        FileAccessException e = assertThrows(FileAccessException.class,
                () -> Destinations.requireWritableFolder(Path.of("/sys/classlab-test"), FileAccessException.Attempt.DATA));
        assertEquals(FileAccessException.Reason.PERMISSION_DENIED, e.reason());
        String ko = LessonStrings.resolve(LessonStrings.load(null, "ko"), e.deferredMessage());
        assertTrue(ko.contains("/sys/classlab-test") && ko.contains("데이터를 저장할 수 없습니다") && ko.contains("권한"), ko);
    }

    @Test
    void systemReasonsAreClassified() {
        Path p = tmp.resolve("f");
        assertEquals(FileAccessException.Reason.PERMISSION_DENIED, reason(new AccessDeniedException(p.toString())));
        assertEquals(FileAccessException.Reason.NO_SPACE, reason(new FileSystemException(p.toString(), null, "No space left on device")));
        assertEquals(FileAccessException.Reason.READ_ONLY, reason(new FileSystemException(p.toString(), null, "Read-only file system")));
        assertEquals(FileAccessException.Reason.IS_A_DIRECTORY, reason(new FileSystemException(p.toString(), null, "Is a directory")));
        FileAccessException other = FileAccessException.translate(
                new FileSystemException(p.toString(), null, "Too many open files"), FileAccessException.Attempt.READ_DATA, p);
        String en = LessonStrings.resolve(LessonStrings.load(null, "en"), other.deferredMessage());
        assertEquals("Cannot read " + p + ": the system said \"Too many open files\".", en);
    }

    private static FileAccessException.Reason reason(java.io.IOException e) {
        return FileAccessException.translate(e, FileAccessException.Attempt.RESULTS, Path.of("/x")).reason();
    }

    /** The data folder's cases: a file where the folder should be, a folder where a data file should be. */
    @Test
    void dataFolderProblemsAreNamedBeforeAnyDownload() throws Exception {
        MnistSource unreachable = new MnistSource(List.of(LoopbackServer.closedPortUrl("/")), MnistSource.PUBLISHED_MD5, new Downloader());
        Path file = Files.writeString(tmp.resolve("cache"), "x");
        FileAccessException e = assertThrows(FileAccessException.class,
                () -> unreachable.ensureMnist(file.resolve("mnist"), ProgressListener.NONE));
        assertEquals(FileAccessException.Reason.NOT_A_DIRECTORY, e.reason());

        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        Files.createDirectories(dir.resolve(MnistFiles.TRAIN_LABELS + MnistFiles.GZ));
        e = assertThrows(FileAccessException.class, () -> unreachable.ensureMnist(dir, ProgressListener.NONE));
        assertEquals(FileAccessException.Reason.IS_A_DIRECTORY, e.reason());
        String en = LessonStrings.resolve(LessonStrings.load(null, "en"), e.deferredMessage());
        assertTrue(en.contains(MnistFiles.TRAIN_LABELS + MnistFiles.GZ) && en.contains("a folder is where a file should be"), en);
    }
}
