package classlab.core.lesson.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.CifarData;
import classlab.core.data.CifarFixtures;
import classlab.core.data.CifarSource;
import classlab.core.data.Augmentation;
import classlab.core.data.MnistData;
import classlab.core.data.ProgressListener;
import classlab.core.figure.Figure;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.GridFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.ParamValues;
import classlab.core.lesson.TestEnvironments;
import classlab.core.train.ImageBatches;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarLessonTest {

    /**
     * Issue 12 kind 5: a test set holding two of the ten classes (as sklearn's
     * {@code confusion_matrix(y, p, labels=range(10))} of y = [0,0,1], p = [0,1,0], whose rows 2-9 are all 0):
     * the empty rows are named and their labels marked, the others are not.
     */
    @Test
    void classesWithoutTestImagesAreNamedAndTheirRowsMarked() {
        classlab.core.metrics.ConfusionMatrix cm = classlab.core.metrics.ConfusionMatrix.of(new int[]{0, 0, 1}, new int[]{0, 1, 0}, 10);
        assertEquals(1, cm.count(0, 1));
        String[] names = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
        assertEquals(classlab.core.UserException.message("note.metric.confusion_row_empty",
                "bird, cat, deer, dog, frog, horse, ship, truck", 3), CifarLesson.emptyRowsNote(cm, names));
        assertEquals(classlab.core.UserException.message("note.metric.no_test_example_label", "bird"),
                classlab.core.metrics.ClassificationReport.of(cm).classLabels(names).get(2));
        assertEquals(null, CifarLesson.emptyRowsNote(classlab.core.metrics.ConfusionMatrix.of(new int[]{0, 1}, new int[]{1, 1}, 2),
                new String[]{"a", "b"}));
    }
    @TempDir
    Path dir;

    private static <F extends Figure> F fig(CifarLesson lesson, String id, Class<F> type) {
        for (Figure f : lesson.allFigures()) if (f.id().equals(id)) return type.cast(f);
        throw new AssertionError("no figure " + id);
    }

    /** MNIST from mnist-mini and CIFAR-10 from a generated archive in {@code dir}. */
    static LessonEnvironment fixtureEnvironment(Path dir) throws Exception {
        CifarFixtures.writeArchive(dir.resolve("cifar-10"), 20, 30);
        LessonEnvironment mnist = TestEnvironments.mnistMini();
        return new LessonEnvironment() {
            @Override public Path dataDir() { return dir; }
            @Override public MnistData mnist() throws Exception { return mnist.mnist(); }
            @Override public CifarData cifar10() throws Exception { return new CifarSource().ensure(cifarDir(), ProgressListener.NONE); }
        };
    }

    /**
     * The lesson's claim on MNIST (offline mode): after the same number of epochs, fixed seed, a CNN_V1-style
     * net (the notebook's blocks at half width) beats the MLP on the validation and the test set. Measured with
     * {@code run cifar --experiment baselines --set dataset=mnist} and these settings, with Adam's PyTorch rule
     * (TorchAdam): test CNN 0.956, MLP 0.946; validation 0.930 vs 0.865. The global-average-pooled CNN learns
     * slower at first (at 12 epochs it trailed the MLP). The MLP's figures follow float rounding over the 40
     * epochs: with its large products on oneDNN's kernel instead of OpenBLAS's (MatrixProducts) they are test
     * 0.954, validation 0.900, so the validation margin asked for is 2 points (measured 3.0 and 6.5).
     */
    @Test
    void onMnistTheCnnBeatsTheMlpAfterTheSameEpochs() throws Exception {
        CifarLesson lesson = new CifarLesson(TestEnvironments.mnistMini());
        ParamValues v = lesson.defaults().with("dataset", "mnist").with("train_size", "1000").with("test_size", "500")
                .with("epochs", "40").with("mlp_epochs", "40").with("batch_size", "32").with("lr", "0.003")
                .with("cnn_width", "16").with("seed", "42");
        Map<String, Double> m = lesson.run("baselines", v, RunControl.unattended(new MetricLog())).finalMetrics();
        assertTrue(m.get("test_accuracy_cnn_v1") > m.get("test_accuracy_mlp"), m.toString());
        assertTrue(m.get("val_accuracy_cnn_v1") > m.get("val_accuracy_mlp") + 0.02, m.toString());
        // trial 4, item 5: the live loss chart colours each network as its training curve on the epoch charts
        classlab.core.figure.LineFigure accuracy = (classlab.core.figure.LineFigure) lesson.allFigures().stream()
                .filter(f -> f.id().equals("baseline_accuracy")).findFirst().orElseThrow();
        classlab.core.figure.LineFigure live = new classlab.core.figure.LineFigure("live", "t", "axis.iteration", "axis.loss");
        lesson.colourLikeLesson(live);
        for (String net : new String[] {"mlp", "cnn_v1"}) {
            assertEquals(accuracy.colorSlot(classlab.core.lesson.LessonStrings.message("series.train_of", "cell." + net)),
                    live.colorSlot("cell." + net), net);
        }
        assertTrue(live.colorSlot("cell.cnn_v1") != accuracy.colorSlot(classlab.core.lesson.LessonStrings.message("series.val_of", "cell.mlp")),
                "CNN_V1 is not in MLP val's colour");
    }

    @Test
    void offlineTheLessonSaysSoAndRunsOnMnistWithDrillDown() throws Exception {
        java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
        LessonEnvironment mini = TestEnvironments.mnistMini();
        CifarLesson lesson = new CifarLesson(new LessonEnvironment() {
            @Override public Path dataDir() { return mini.dataDir(); }
            @Override public MnistData mnist() throws Exception { return mini.mnist(); }
            @Override public CifarData cifar10() throws Exception {
                downloads.incrementAndGet();
                return mini.cifar10();   // not available: as offline
            }
        });
        ParamValues v = lesson.defaults().with("train_size", "300").with("test_size", "200").with("epochs", "1")
                .with("mlp_epochs", "1").with("batch_size", "32").with("cnn_width", "8");
        lesson.updateDemos(v);
        List<Object> notice = fig(lesson, "data_info", ResultTable.class).row("notice");
        assertTrue(notice.get(1).toString().startsWith("message.cifar_missing|"), notice.toString());
        assertTrue(notice.get(1).toString().contains("cifar-10"), "names the folder: " + notice);
        assertEquals(50, fig(lesson, "samples", ImageGridFigure.class).images().size());
        assertEquals(1, fig(lesson, "samples", ImageGridFigure.class).images().get(0).channels());

        assertEquals(0, downloads.get(), "opening the lesson does not try to download CIFAR-10");
        assertEquals("mnist", lesson.inEffect(v).getString("dataset"), "the settings in use say MNIST, not the chosen CIFAR-10");
        MetricLog log = new MetricLog();
        classlab.core.classroom.RunHistory history = new classlab.core.classroom.RunHistory(lesson, log);
        history.begin("baselines", v, java.time.Instant.now());
        ExperimentResult r = lesson.run("baselines", v, RunControl.unattended(log));
        classlab.core.classroom.RunRecord record = history.end("FINISHED", null);
        assertEquals("mnist", record.settings().get("dataset"), "a saved run records the data it trained on");
        assertEquals("mnist", record.changed().get("dataset"));
        assertEquals(1, downloads.get(), "a run tries once");
        assertEquals("mnist", r.details().get("dataset"));
        assertEquals(784L * 256 + 256 + 2570, r.details().get("params_mlp"));

        // Drill-down: a click on a cell shows exactly the test images of that cell.
        GridFigure cm = fig(lesson, "confusion", GridFigure.class);
        double[][] counts = cm.panels().get(0).values();
        int row = 0, col = 0;
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) if (i != j && counts[i][j] > counts[row][col]) { row = i; col = j; }
        lesson.select("confusion", FigureSelection.cell(0, row, col));
        List<ImageGridFigure.Image> shown = fig(lesson, "cell_images", ImageGridFigure.class).images();
        CifarDataset.Split split = lesson.dataForTests(v).split(300, 200, 42);
        double[][] out = Trainer.outputs(lesson.trainedNetForTests(), new ImageBatches(split.test(), ImageBatches.MNIST_MEAN,
                ImageBatches.MNIST_STD, Augmentation.NONE));
        int[] expected = ErrorAnalysis.of(split.test().labels(), out).cell(row, col);
        assertEquals((int) counts[row][col], expected.length);
        assertEquals(Math.min(expected.length, CifarLesson.MAX_CELL_IMAGES), shown.size());
        for (int k = 0; k < shown.size(); k++) {
            assertArrayEquals(CifarLesson.image(split.test(), expected[k]).pixels(), shown.get(k).pixels(), 0f);
            assertTrue(shown.get(k).caption().startsWith("message.cell_caption|" + expected[k] + "|"), shown.get(k).caption());
        }
        assertEquals(List.of(String.valueOf(row), String.valueOf(col), expected.length, shown.size()),
                fig(lesson, "selected_cell", ResultTable.class).row("cell"));

        // A click on the strip shows the first layer's maps of that test image (16 of 32 in the notebook; cnn_width 8 has 8).
        lesson.select("test_strip", FigureSelection.image(3, 10));
        assertEquals(8, fig(lesson, "feature_maps", ImageGridFigure.class).images().size());
        assertEquals(ImageGridFigure.Highlight.SELECTED, fig(lesson, "test_strip", ImageGridFigure.class).images().get(3).highlight());
        assertEquals(8, fig(lesson, "filters_mean", ImageGridFigure.class).images().size());
    }

    /**
     * How many of {@code draws} draws of the data set's training augmentation (§5's; §6 adds RandomErasing,
     * which mirrors nothing) mirror an image whose only bright pixels are two columns near its left edge.
     * Crops move them by at most 4 pixels and jitter keeps them above 0.5 (factors 0.8-1.2): a bright pixel
     * in the right half means the image was mirrored.
     */
    private static int mirrored(CifarDataset d, int draws) {
        int c = d.train().channels(), h = d.train().height(), w = d.train().width();
        int count = 0;
        Random rng = new Random(11);   // one stream, as a run's augmentation draws (first draws of seeds 0, 1, ... correlate)
        for (int draw = 0; draw < draws; draw++) {
            float[] img = new float[c * h * w];
            for (int ch = 0; ch < c; ch++) for (int y = 0; y < h; y++) for (int x = 5; x <= 6; x++) img[(ch * h + y) * w + x] = 1f;
            d.augmentation().apply(img, c, h, w, d.mean(), rng);
            boolean left = false, right = false;
            for (int i = 0; i < img.length; i++) {
                if (img[i] > 0.5f && i % w < w / 2) left = true;
                if (img[i] > 0.5f && i % w >= w / 2) right = true;
            }
            assertTrue(left != right, "draw " + draw + ": the two columns are on one side");
            if (right) count++;
        }
        return count;
    }

    /**
     * Teacher's trial: the MNIST fallback kept CIFAR-10's RandomHorizontalFlip, and a mirrored 2, 3 or 7 is not
     * a digit. The fallback's augmentation never mirrors (crop and jitter stay), CIFAR-10's mirrors about half
     * the images; the runs, their notes, their saved details and the §5 preview say which was used.
     */
    @Test
    void theMnistFallbacksAugmentationNeverMirrorsAndCifarsStillDoes() throws Exception {
        CifarLesson lesson = new CifarLesson(TestEnvironments.mnistMini());
        ParamValues v = lesson.defaults().with("dataset", "mnist").with("train_size", "300").with("test_size", "200")
                .with("v2_epochs", "1").with("batch_size", "32");
        CifarDataset mnist = lesson.dataForTests(v);
        assertEquals(0, mirrored(mnist, 400), "MNIST images mirrored in 400 draws");
        assertEquals(4, mnist.augmentation().cropPadding());
        CifarDataset cifar = new CifarLesson(fixtureEnvironment(dir)).dataForTests(lesson.defaults());
        assertEquals("cifar10", cifar.id());
        int m = mirrored(cifar, 400);
        assertTrue(m > 150 && m < 250, "CIFAR-10 images mirrored in 400 draws: " + m);

        lesson.updateDemos(v);
        ImageGridFigure.Image flip = fig(lesson, "augmentation_preview", ImageGridFigure.class).images().get(1);
        assertEquals("caption.flip_not_used", flip.caption());
        assertEquals(ImageGridFigure.Highlight.WRONG, flip.highlight());
        List<String> notes = new java.util.ArrayList<>();
        ExperimentResult improve = lesson.run("improve", v, RunControl.unattended(new MetricLog(), notes::add));
        assertEquals("RandomCrop(28, padding=4), ColorJitter(brightness=0.2, contrast=0.2)", improve.details().get("augmentation"));
        assertTrue(notes.contains(classlab.core.lesson.LessonStrings.message("message.no_flip_on_digits", improve.details().get("augmentation"))),
                notes.toString());
    }

    @Test
    void onCifarFormatDataTheSummaryHasTheNotebooksNumbers() throws Exception {
        CifarLesson lesson = new CifarLesson(fixtureEnvironment(dir));
        ParamValues v = lesson.defaults().with("epochs", "1").with("mlp_epochs", "1");
        lesson.updateDemos(v);
        assertEquals(null, fig(lesson, "data_info", ResultTable.class).row("notice"));
        assertEquals("cifar10", lesson.inEffect(v).getString("dataset"));
        ImageGridFigure.Image first = fig(lesson, "samples", ImageGridFigure.class).images().get(0);
        assertEquals(3, first.channels());
        assertEquals("airplane", first.caption());
        assertEquals(6, fig(lesson, "augmentation_preview", ImageGridFigure.class).images().size());
        List<ImageGridFigure.Image> before = fig(lesson, "augmentation_preview", ImageGridFigure.class).images();
        lesson.select("augmentation_preview", FigureSelection.image(0, 6));
        List<ImageGridFigure.Image> after = fig(lesson, "augmentation_preview", ImageGridFigure.class).images();
        assertArrayEquals(before.get(1).pixels(), after.get(1).pixels(), 0f, "the flip is not random");
        boolean reseeded = false;
        for (int k = 2; k < 6; k++) reseeded |= !java.util.Arrays.equals(before.get(k).pixels(), after.get(k).pixels());
        assertTrue(reseeded, "a click draws new random crops, jitters and erasures");

        ExperimentResult r = lesson.run("baselines", v, RunControl.unattended(new MetricLog()));
        assertEquals("cifar10", r.details().get("dataset"));
        assertEquals(789_258L, r.details().get("params_mlp"));
        assertEquals(94_538L, r.details().get("params_cnn_v1"));
        assertEquals(Map.of("mlp", r.finalMetrics().get("test_accuracy_mlp"), "cnn_v1", r.finalMetrics().get("test_accuracy_cnn_v1")),
                r.details().get("test_accuracy"));
        assertTrue(((Map<?, ?>) r.details().get("seconds_per_epoch")).size() == 2);
        List<?> pairs = (List<?>) r.details().get("top_confused_pairs");
        assertTrue(pairs.size() <= 3);
        for (Object p : pairs) assertTrue(((Map<?, ?>) p).keySet().containsAll(List.of("true", "predicted", "count")), p.toString());
        assertEquals(32, fig(lesson, "filters_colour", ImageGridFigure.class).images().size());
        assertEquals(16, fig(lesson, "feature_maps", ImageGridFigure.class).images().size());

        // §5: CNN_V2 with augmentation, SGD(momentum) and Adam overlaid; §6: the challenge over the CNN_V1 baseline.
        ExperimentResult improve = lesson.run("improve", v.with("v2_epochs", "1"), RunControl.unattended(new MetricLog()));
        assertEquals(List.of("cnn_v2_sgd_momentum", "cnn_v2_adam"), List.copyOf(((Map<?, ?>) improve.details().get("test_accuracy")).keySet()));
        assertEquals(4, fig(lesson, "v2_accuracy", classlab.core.figure.LineFigure.class).allSeries().size(), "train and val per optimizer");
        assertEquals("RandomHorizontalFlip(), RandomCrop(32, padding=4), ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2)",
                improve.details().get("augmentation"));
        assertEquals("caption.flip", fig(lesson, "augmentation_preview", ImageGridFigure.class).images().get(1).caption());
        ExperimentResult challenge = lesson.run("challenge", v.with("extra_blocks", "1").with("schedule", "step"),
                RunControl.unattended(new MetricLog()));
        assertEquals(141_354 + 128 * 128 * 9 + 128 + 256, challenge.finalMetrics().get("params_challenge"), 0.0);
        assertEquals(r.finalMetrics().get("val_accuracy_cnn_v1"), challenge.finalMetrics().get("baseline_val_accuracy"), 0.0,
                "the baseline is the CNN_V1 trained in section 2");
        assertEquals(2, fig(lesson, "challenge_accuracy", classlab.core.figure.LineFigure.class).allSeries().size());
        assertEquals("RandomHorizontalFlip(), RandomCrop(32, padding=4), ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2), "
                + "RandomErasing(p=0.5)", challenge.details().get("augmentation"));
    }
}
