package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.classroom.Question;
import classlab.core.classroom.Questions;
import classlab.core.data.MnistData;
import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import classlab.core.lesson.bngradients.BatchNormGradientsLesson;
import classlab.core.lesson.rocsmoothing.RocSmoothingLesson;
import classlab.core.lesson.schedules.SchedulesLesson;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sentences of the lesson texts and instructor notes (ko and en) that name a chart's colours, line
 * styles, axis ranges or counts say what the chart draws (trial 3: texts named colours the charts
 * do not use). The colours are the light palette's ({@code styles/charts.css}, Okabe-Ito); every
 * theme keeps its hues (dark: lighter blue and orange).
 */
class LessonTextChartsTest {
    private static final LessonEnvironment NO_MNIST = new LessonEnvironment() {
        @Override public Path dataDir() { return Path.of("does-not-exist"); }
        @Override public MnistData mnist() { throw new AssertionError("not needed"); }
    };

    /** The words the texts use for the palette's first colours, per language; the test checks the palette still has them. */
    private static final Map<String, String[]> PALETTE_WORDS = Map.of(
            "#0072B2", new String[] {"blue", "파랑"},
            "#D55E00", new String[] {"orange", "주황"},
            "#009E73", new String[] {"green", "초록"});

    @Test
    void bnGridColoursAreThePanelsSlots() throws Exception {
        List<String> palette = lightPalette();
        BatchNormGradientsLesson lesson = new BatchNormGradientsLesson(NO_MNIST);
        lesson.run("bn_batch_sizes", lesson.defaults().with("epochs", "1").with("bn_batch_sizes", "200, 300, 400, 800"),
                RunControl.unattended(new MetricLog()));
        LineFigure panel = (LineFigure) figure(lesson, "bn_batch_size_1");
        String noBn = palette.get(panel.colorSlot(LessonStrings.message("series.no_bn_at_batch", 200)));
        String bn = palette.get(panel.colorSlot(LessonStrings.message("series.bn_at_batch", 200)));
        for (int lang = 0; lang < 2; lang++) {
            String l = lang == 0 ? "en" : "ko";
            String text = read("/lessons/batchnorm-gradients/text." + l + ".md");
            String notes = read("/lessons/batchnorm-gradients/instructor." + l + ".md");
            String without = PALETTE_WORDS.get(noBn)[lang], with = PALETTE_WORDS.get(bn)[lang];
            assertTrue(text.contains(lang == 0 ? without + " = without BN, " + with + " = with BN" : without + " = BN 없음, " + with + " = BN 있음"),
                    l + " text names " + without + "/" + with);
            assertTrue(notes.contains(lang == 0 ? without + " (no BN) and " + with + " (BN)" : without + "(BN 없음)과 " + with + "(BN 있음)"),
                    l + " notes name " + without + "/" + with);
        }
    }

    @Test
    void gradientBarsAreTheFiveLinearLayersTheTextsCount() throws Exception {
        BatchNormGradientsLesson lesson = new BatchNormGradientsLesson(NO_MNIST);
        lesson.run("gradients", lesson.defaults().with("gradient_epochs", "1"), RunControl.unattended(new MetricLog()));
        int bars = ((BarFigure) figure(lesson, "gradients_bn")).categories().size();
        assertEquals(bars, ((BarFigure) figure(lesson, "gradients_no_bn")).categories().size());
        Map<String, String> claim = Map.of("en", "ClassLab draws only the " + bars + " Linear layers in both charts",
                "ko", "ClassLab은 두 차트 모두 Linear " + bars + "개 층");
        for (Map.Entry<String, String> c : claim.entrySet()) {
            assertTrue(read("/lessons/batchnorm-gradients/text." + c.getKey() + ".md").contains(c.getValue()), c.getKey());
        }
    }

    @Test
    void earlyStoppingLinesAreNamedByTheirLabelsNotByAColourTheChartLacks() throws IOException {
        // the best/stop lines are markers: one muted (grey) style for both
        Matcher marker = Pattern.compile("\\.figure-marker-line \\{([^}]*)}").matcher(read("/styles/charts.css"));
        assertTrue(marker.find() && marker.group(1).contains("-chart-muted"), "markers are drawn in the muted grey");
        for (String l : new String[] {"en", "ko"}) {
            for (String doc : new String[] {"text", "instructor"}) {
                for (String line : read("/lessons/schedules/" + doc + "." + l + ".md").split("\n")) {
                    if (!line.contains("Best epoch") && !line.contains("최적 에폭") && !line.contains("green") && !line.contains("초록")) continue;
                    for (String[] words : PALETTE_WORDS.values()) {
                        assertFalse(line.contains(words[0]) || line.contains(words[1]), l + " " + doc + ": " + line);
                    }
                }
            }
        }
    }

    @Test
    void barAxesStartWhereTheTextsSay() throws IOException {
        RocSmoothingLesson lesson = new RocSmoothingLesson(NO_MNIST);
        for (String id : new String[] {"auc_bars", "smoothing_confidence"}) {
            assertNull(((BarFigure) figure(lesson, id)).yRange(), id + " has no fixed y range: its axis starts at 0");
        }
        Pattern start = Pattern.compile("(?:starts at|부터 시작)");
        Pattern value = Pattern.compile("(\\d+(?:\\.\\d+)?)(?: *부터 시작)|starts at (\\d+(?:\\.\\d+)?)");
        List<String> claims = new ArrayList<>();
        for (String l : new String[] {"en", "ko"}) {
            for (String line : read("/lessons/roc-smoothing/text." + l + ".md").split("\n")) {
                if (!start.matcher(line).find()) continue;
                Matcher m = value.matcher(line);
                assertTrue(m.find(), line);
                assertEquals("0", m.group(1) != null ? m.group(1) : m.group(2), l + ": " + line);
                claims.add(line);
            }
        }
        assertEquals(4, claims.size(), "AUC and confidence bars, both languages: " + claims);
    }

    @Test
    void theEarlyStoppingQuestionQuotesThePatienceTheExperimentUses() {
        int patience = new SchedulesLesson(NO_MNIST).defaults().getInt("es_patience");
        Question q = Questions.load("schedules").stream().filter(x -> x.experiment().equals("early_stopping")).findFirst().orElseThrow();
        for (String text : q.text().values()) {
            Matcher m = Pattern.compile("patience (\\d+)").matcher(text);
            assertTrue(m.find(), text);
            assertEquals(patience, Integer.parseInt(m.group(1)), text);
        }
    }

    private static Figure figure(LessonModel lesson, String id) {
        for (Figure f : lesson.allFigures()) if (f.id().equals(id)) return f;
        throw new AssertionError("no figure " + id);
    }

    /** The light theme's CHART_COLOR_1.. in order, upper-case hex. */
    private static List<String> lightPalette() throws IOException {
        Matcher m = Pattern.compile("CHART_COLOR_\\d: (#[0-9A-Fa-f]{6});").matcher(read("/styles/charts.css"));
        List<String> colours = new ArrayList<>();
        while (m.find() && colours.size() < 8) colours.add(m.group(1).toUpperCase());
        for (Map.Entry<String, String[]> w : PALETTE_WORDS.entrySet()) assertTrue(colours.contains(w.getKey()), w.getValue()[0]);
        return colours;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = LessonTextChartsTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
