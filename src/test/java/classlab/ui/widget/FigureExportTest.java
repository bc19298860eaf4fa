package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.LessonStrings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV export for readers: stamped, keys translated, quoting kept. */
class FigureExportTest {
    private static final ExportStamp STAMP = new ExportStamp("Regularisation", "All four", "lr=0.01", "seed 42",
            "2026-11-30 15:40", "dev");

    @Test
    void csvIsStampedAndTranslated(@TempDir Path dir) throws Exception {
        LineFigure loss = new LineFigure("train_loss", "figure.train_loss", "axis.epoch", "axis.loss");
        loss.series("series.none").add(1, 0.5);
        Path file = dir.resolve("loss.csv");
        FigureExport.csv(loss, LessonStrings.load("regularization", "ko"), STAMP, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("# Regularisation · All four · lr=0.01 · seed 42 · 2026-11-30 15:40 · ClassLab dev", lines.get(0));
        assertEquals("시리즈,x,y", lines.get(1));
        assertFalse(lines.get(2).contains("series."), lines.get(2));
        assertTrue(lines.get(2).endsWith(",1.0,0.5"), lines.get(2));
    }

    @Test
    void tableColumnsAndQuotedCellsSurvive(@TempDir Path dir) throws Exception {
        ResultTable t = new ResultTable("results", "figure.results", List.of("column.config", "column.test_accuracy"));
        t.putRow("a", "series.none", 0.9);
        t.putRow("b", "p=0.1, 0.2", 0.8);
        Path file = dir.resolve("t.csv");
        FigureExport.csv(t, LessonStrings.load("regularization", "en"), STAMP, file);
        List<String> lines = Files.readAllLines(file);
        assertFalse(lines.get(1).contains("column."), lines.get(1));
        assertTrue(lines.get(2).startsWith("No regularisation,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("\"p=0.1, 0.2\","), lines.get(3));
    }

    /** Trial 2 item 15: a footer longer than the image wraps onto more lines instead of ending in "… · Clas…". */
    @org.junit.jupiter.api.Test
    void aLongFooterWrapsInsteadOfBeingCut() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(520, 340, java.awt.image.BufferedImage.TYPE_INT_RGB);
        String shortLine = "Regularization · 2026-11-30 23:26";
        String longLine = "정규화: Dropout과 BatchNorm · 네 가지 구성 모두 · epochs=3, batch_size=256, lr=0.001, dropout=0.3"
                + " · seed 42 · 2026-11-30 23:26 · ClassLab 1.0";
        int oneLine = StampedImages.withFooter(image, shortLine).getHeight() - 340;
        int wrapped = StampedImages.withFooter(image, longLine).getHeight() - 340;
        assertTrue(wrapped >= 2 * oneLine - 8, "the long footer takes more lines: " + oneLine + " vs " + wrapped);
    }

    /** Trial report 3, item 19: the footer of a stopped run's slide read like a finished one. */
    @Test
    void theStampOfAStoppedRunSaysWhereItStopped() {
        assertEquals("Regularisation · All four · lr=0.01 · seed 42 · stopped at epoch 4/6 · 2026-11-30 15:40 · ClassLab dev",
                STAMP.stopped(4, 6, "epoch", LessonStrings.load("regularization", "en")).line());
        assertTrue(STAMP.stopped(12, 30, "step", LessonStrings.load("scratch", "ko")).line().contains(" · 걸음 12/30에서 중지됨 · "));
    }

    /** Trial 7, item 7: Export all during a run wrote two of three strategies with a footer that read like a finished run's. */
    @Test
    void theStampOfARunStillTrainingSaysWhereItIs() {
        assertEquals("Regularisation · All four · lr=0.01 · seed 42 · in progress at epoch 2/25, configuration 3/4 · 2026-11-30 15:40 · ClassLab dev",
                STAMP.inProgress(2, 25, 3, 4, "epoch", LessonStrings.load("regularization", "en")).line());
        assertTrue(STAMP.inProgress(5, 30, 1, 1, "epoch", LessonStrings.load("pattern", "ko")).line().contains(" · 진행 중, 에폭 5/30 · "));
    }
}
