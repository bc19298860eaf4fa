package classlab.core.lesson.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.probe.DropoutMaskProbe;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegularizationLessonTest {
    private static final int EPOCHS = 8;
    private final RegularizationLesson lesson = new RegularizationLesson(TestEnvironments.mnistMini());

    private <F extends Figure> F fig(String id, Class<F> type) {
        for (Figure f : lesson.allFigures()) if (f.id().equals(id)) return type.cast(f);
        throw new AssertionError("no figure " + id);
    }

    /** Small, fast settings for everything except the thresholds test. */
    private ParamValues quick() {
        return lesson.defaults().with("epochs", "2").with("train_size", "1000").with("test_size", "300");
    }

    @Test
    void dropoutDemoAndMasks() {
        lesson.updateDemos(lesson.defaults());
        ResultTable demo = fig("dropout_demo", ResultTable.class);
        List<List<Object>> rows = demo.rows();
        assertEquals(7, rows.size(), "input + 5 training passes + 1 inference pass");
        assertEquals(20.0, (Double) demo.row("input").get(2), 0.0);
        assertEquals(20.0, (Double) demo.row("eval").get(2), 0.0, "inference returns the input exactly");
        assertEquals(demo.row("input").get(1), demo.row("eval").get(1));
        double scaled = 2.0 / (1 - 0.5);
        for (int i = 1; i <= 5; i++) {
            double sum = (Double) demo.row("train" + i).get(2);
            // each entry is 0 or 2/(1-p), so the sum is a multiple of 2/(1-p)
            assertEquals(0.0, Math.IEEEremainder(sum, scaled), 1e-6, "sum " + sum);
            assertEquals(sum / 10, (Double) demo.row("train" + i).get(3), 1e-9);
        }

        List<GridFigure.Panel> panels = fig("dropout_masks", GridFigure.class).panels();
        assertEquals(5, panels.size(), "p = 0.0, 0.2, 0.5, 0.8 and the slider's p");
        double[] ps = {0.0, 0.2, 0.5, 0.8, 0.5};
        for (int i = 0; i < 5; i++) {
            assertEquals(20, panels.get(i).values().length);
            // 400 cells, binomial sd <= 0.025: 4 sd tolerance
            assertEquals(1 - ps[i], DropoutMaskProbe.activeShare(panels.get(i).values()), 0.1);
        }
        lesson.updateDemos(lesson.defaults().with("demo_p", "0.8"));
        assertTrue(fig("dropout_masks", GridFigure.class).panels().get(4).caption().contains("0.8"));
    }

    @Test
    void batchNormFigure() {
        lesson.updateDemos(lesson.defaults());
        Map<String, HistogramFigure.Bins> h = fig("bn_histogram", HistogramFigure.class).all();
        HistogramFigure.Bins before = h.get("series.before_bn");
        HistogramFigure.Bins after = h.get("series.after_bn");
        // input randn·5+3: one feature of 256 samples has mean 3 ± 5/16·4 and std 5 ± ~1
        assertEquals(3.0, before.mean(), 1.3);
        assertEquals(5.0, before.std(), 1.0);
        assertEquals(0.0, after.mean(), 1e-4);
        assertEquals(1.0, after.std(), 1e-3);
        LineFigure scatter = fig("bn_scatter", LineFigure.class);
        double[][] post = null;
        for (LineFigure.Series s : scatter.allSeries()) if (s.name().equals("series.after_bn")) post = s.snapshot();
        assertEquals(128, post[0].length);
        for (int j = 0; j < 128; j++) {
            assertEquals(0.0, post[0][j], 1e-4);
            assertEquals(1.0, post[1][j], 3e-3); // unbiased std of a biased-normalised column: sqrt(256/255)
        }
    }

    /**
     * The comparison at the notebook's data (6,000/1,000 rows, seed 42) but 8 of its 30 epochs, to keep
     * the suite fast. At 30 epochs (`run regularization --experiment all_four`) the four reach test
     * accuracy 0.958 / 0.963 / 0.981 / 0.976; at 8 epochs the thresholds below hold with margin.
     */
    @Test
    void allFourConfigurationsReachTheThresholds() throws Exception {
        MetricLog log = new MetricLog();
        long start = System.nanoTime();
        ExperimentResult r = lesson.run("all_four", lesson.defaults().with("epochs", Integer.toString(EPOCHS)), RunControl.unattended(log));
        System.out.printf("L3 all_four (4 x %d epochs): %.1f s, metrics %s%n", EPOCHS, (System.nanoTime() - start) / 1e9, r.finalMetrics());
        Map<String, Double> m = r.finalMetrics();
        for (String c : List.of("none", "dropout", "batchnorm", "both")) {
            assertTrue(m.get("test_accuracy_" + c) >= 0.90, c + " test accuracy " + m.get("test_accuracy_" + c));
            assertEquals(m.get("train_accuracy_" + c) - m.get("test_accuracy_" + c), m.get("gap_" + c), 1e-12);
        }
        assertTrue(m.get("test_accuracy_batchnorm") >= 0.93, "batchnorm " + m.get("test_accuracy_batchnorm"));
        assertTrue(m.get("test_accuracy_both") >= 0.93, "both " + m.get("test_accuracy_both"));
        // the lesson's point, measured at 8 epochs: BatchNorm 0.980 against 0.953 without regularisation
        assertTrue(m.get("test_accuracy_batchnorm") > m.get("test_accuracy_none") + 0.01, m.toString());
        LineFigure acc = fig("test_accuracy", LineFigure.class);
        assertEquals(4, acc.allSeries().size());
        for (LineFigure.Series s : acc.allSeries()) assertEquals(EPOCHS, s.size());
        assertEquals(4, fig("results", ResultTable.class).rows().size());
        assertEquals(EPOCHS, log.rows().stream().filter(row -> row.experiment().equals("both") && row.metric().equals("train_loss")).count());
        assertEquals(4, fig("live_mask", GridFigure.class).panels().size(), "live mask filled by the dropout configurations");
        assertEquals(List.of("series.pre_bn", "series.post_bn"), fig("live_bn", HistogramFigure.class).names());
    }

    @Test
    void rerunReplacesItsSeriesAndLiveProbesMove() throws Exception {
        ParamValues v = quick().with("probe_every", "2");
        lesson.run("both", v, RunControl.unattended(new MetricLog()));
        long maskVersion = fig("live_mask", GridFigure.class).version();
        lesson.run("both", v, RunControl.unattended(new MetricLog()));
        assertTrue(fig("live_mask", GridFigure.class).version() > maskVersion);
        LineFigure loss = fig("train_loss", LineFigure.class);
        assertEquals(1, loss.allSeries().size());
        assertEquals(2, loss.allSeries().get(0).size(), "re-running must replace, not append");
        assertEquals(1, fig("results", ResultTable.class).rows().size());
        // live BN: the post-BN values of the probe batch are normalised per feature (training mode, gamma≈1, beta≈0)
        HistogramFigure.Bins post = fig("live_bn", HistogramFigure.class).all().get("series.post_bn");
        assertEquals(0.0, post.mean(), 0.1);
    }

    @Test
    void dropoutSweepNamesTheBestP() throws Exception {
        ParamValues v = quick().with("sweep_p", "0.0, 0.5");
        ExperimentResult r = lesson.run("dropout_sweep", v, RunControl.unattended(new MetricLog()));
        double best = r.finalMetrics().get("best_p");
        // best_p is the p of the highest point of the chart's test-accuracy line (first one on a tie)
        double[][] testLine = null;
        for (LineFigure.Series s : fig("sweep_accuracy", LineFigure.class).allSeries()) {
            if (s.name().equals("series.test_accuracy")) testLine = s.snapshot();
        }
        assertEquals(2, testLine[0].length, "one point per p");
        int highest = testLine[1][1] > testLine[1][0] ? 1 : 0;
        assertEquals(testLine[0][highest], best, 0.0);
        assertEquals(testLine[1][highest], r.finalMetrics().get("test_accuracy"), 0.0);
        LineFigure gap = fig("sweep_gap", LineFigure.class);
        assertEquals(2, gap.allSeries().get(0).size());
        ResultTable table = fig("sweep_results", ResultTable.class);
        assertEquals(3, table.rows().size(), "one row per p and the best-p row");
        List<Object> bestRow = table.row("p=" + RegularizationLesson.pText(best));
        assertEquals(r.finalMetrics().get("test_accuracy"), (Double) bestRow.get(2), 0.0);
        String message = (String) table.row("best").get(4);
        assertTrue(message.contains(RegularizationLesson.pText(best)), message);
        // the best p has the highest test accuracy of the sweep
        for (List<Object> row : table.rows()) {
            if (row.get(2) instanceof Double d) assertTrue(d <= r.finalMetrics().get("test_accuracy"));
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lesson.defaults().with("demo_p", "1.0"));
        assertTrue(e.getMessage().contains("demo_p"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lesson.defaults().with("sweep_p", "0.1, x"));
        assertTrue(e.getMessage().contains("sweep_p"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lesson.run("none", lesson.defaults().with("train_size", "9000"), RunControl.unattended(new MetricLog())));
        assertTrue(e.getMessage().contains("train_size") && e.getMessage().contains("8000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lesson.run("nope", lesson.defaults(), RunControl.unattended(new MetricLog())));
        assertTrue(e.getMessage().contains("all_four"), e.getMessage());
    }

    @Test
    void everyKeyHasBothTranslations() {
        for (String lang : LessonStrings.LANGUAGES) {
            LessonStrings s = LessonStrings.load(RegularizationLesson.ID, lang);
            for (String section : lesson.sections()) assertTrue(s.has("section." + section), lang + " section." + section);
            for (var e : lesson.experiments()) assertTrue(s.has("experiment." + e.name()), lang + " experiment." + e.name());
            for (var p : lesson.params()) assertTrue(s.has("param." + p.key()), lang + " param." + p.key());
            for (Figure f : lesson.allFigures()) assertTrue(s.has(f.titleKey()), lang + " " + f.titleKey());
        }
    }
}
