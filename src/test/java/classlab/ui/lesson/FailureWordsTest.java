package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.data.DataFormatException;
import classlab.core.data.FileAccessException;
import classlab.core.lesson.LessonStrings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 kind 4: failures reach the pane as deferred messages, which it words in its language. */
class FailureWordsTest {
    private static final LessonStrings KO = LessonStrings.load(null, "ko");

    @Test
    void theProblemLineGetsTheFailuresMessageNotItsEnglish() {
        DataFormatException e = new DataFormatException("data.cifar.class_names", "batches.meta.txt", 3, 10);
        assertEquals(e.deferredMessage(), LessonSession.problemOf(new CompletionException(e)));
        assertEquals("batches.meta.txt에 클래스 이름이 3개 있습니다. CIFAR-10의 클래스는 10개입니다.",
                LessonStrings.resolve(KO, LessonSession.problemOf(e)));
        assertEquals("plain words", LessonSession.problemOf(new IllegalStateException("plain words")));
    }

    @Test
    void aFailedExportWriteIsToldInThePanesLanguage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("curve.png");
        try (ExportService service = new ExportService(dir)) {
            ExportService.Outcome outcome = service.submit(dir.resolve("out"), List.of(() -> {
                throw new FileAccessException(FileAccessException.Attempt.EXPORTS, FileAccessException.Reason.NO_SPACE, file, null, null);
            })).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(file.toAbsolutePath() + ": 내보낸 파일을 저장할 수 없습니다. 저장 장치에 남은 공간이 없습니다."
                    + " 공간을 비우거나 다른 드라이브의 폴더를 고르세요."),
                    outcome.failures().stream().map(f -> LessonStrings.resolve(KO, f)).toList());
        }
    }
}
