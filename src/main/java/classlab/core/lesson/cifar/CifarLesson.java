package classlab.core.lesson.cifar;

import classlab.core.data.Augmentation;
import classlab.core.data.ImageData;
import classlab.core.figure.FigureSelection;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.EpochRecorder;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.metrics.ClassificationReport;
import classlab.core.metrics.ConfusionMatrix;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunHealth;
import classlab.core.train.ImageBatches;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import classlab.core.train.schedule.CosineAnnealingLR;
import classlab.core.train.schedule.LrSchedule;
import classlab.core.train.schedule.StepLR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * L7 "cifar" (notebook 002): CIFAR-10 with an MLP and CNNs, in the notebook's six sections.
 *
 * <ul>
 *   <li>{@code explore} (§1): 5 training images per class in a 10×5 grid; R/G/B histograms of 200
 *       automobiles vs 200 dogs (pixel values 0..255); sizes, shape and value range.</li>
 *   <li>{@code baselines} (§2): MLP (789,258 parameters) vs CNN_V1 (94,538) trained with Adam 1e-3 on the
 *       notebook's 80/20 split; train/val accuracy and loss per epoch, test accuracy, seconds per epoch.</li>
 *   <li>{@code inside} (§3): the trained CNN_V1's first-layer filters (channel mean, and in colour) and the
 *       16 first feature maps of the test image clicked in a strip of test images.</li>
 *   <li>{@code errors} (§4): confusion matrix on the test images, the top-3 confused pairs with 6 images
 *       each; a click on any cell shows that cell's test images with the predicted probability.</li>
 *   <li>{@code improve} (§5): the augmentation pipeline applied to one real image (a click reseeds it);
 *       CNN_V2 (BatchNorm, Dropout) trained with augmentation by SGD(momentum 0.9) and by Adam, overlaid.</li>
 *   <li>{@code challenge} (§6): more conv blocks, RandomErasing, StepLR / cosine; overlaid on CNN_V1.</li>
 * </ul>
 *
 * <p>Offline, or when the user picks it, the same sections run on MNIST (28×28×1) and a notice says how to
 * get CIFAR-10 and where to put it. Opening the lesson reads CIFAR-10 only if it is on disk; a run may
 * download it (170 MB). Deviations from the notebook, for a live class: the default subset is
 * the first 10,000 images of a seeded shuffle of the 50,000 (8,000 train / 2,000 val) and the first
 * 2,000 test images ({@code train_size} up to 50,000 and {@code test_size} up to 10,000 give the
 * notebook's sizes); train accuracy is measured after each epoch in inference mode on up to 2,000
 * training images (the notebook averages the running training-mode predictions).
 */
public final class CifarLesson extends LessonModel {
    public static final String ID = "cifar";

    static final int SAMPLES_PER_CLASS = 5;
    static final int HISTOGRAM_IMAGES = 200;
    static final int[] HISTOGRAM_CLASSES = {1, 5};   // automobile, dog (digits 1 and 5 on MNIST)
    static final int FEATURE_MAPS = 16;
    static final int PAIR_IMAGES = 6;
    static final int TOP_PAIRS = 3;
    static final int MAX_CELL_IMAGES = 40;
    private static final int TRAIN_PROBE = 2000;
    private static final String[] CHANNEL_NAMES = {"R", "G", "B"};

    /** A trained CNN_V1 with its test predictions, published after training for clicks (select) to read. */
    private record Trained(MultiLayerNetwork cnn, CifarDataset data, ImageData test, ErrorAnalysis errors) {}

    /** What one training run reports. */
    record Outcome(MultiLayerNetwork net, double trainAccuracy, double valAccuracy, double testAccuracy,
                   double trainLoss, double valLoss, double secondsPerEpoch, int epochs, ErrorAnalysis test, double[] valCurve) {}

    private final ImageGridFigure dataNotice;
    private final ResultTable dataInfo;
    private final ImageGridFigure samples;
    private final HistogramFigure[] histograms = new HistogramFigure[3];
    private final ResultTable dataSource;
    private final ResultTable models;
    private final LineFigure accuracy;
    private final LineFigure loss;
    private final ImageGridFigure testStrip;
    private final ImageGridFigure filtersMean;
    private final ImageGridFigure filtersColour;
    private final ImageGridFigure featureMaps;
    private final GridFigure confusion;
    private final ResultTable topPairs;
    private final ImageGridFigure pairImages;
    private final ResultTable selectedCell;
    private final ImageGridFigure cellImages;
    private final ImageGridFigure augmentationPreview;
    private final LineFigure v2Accuracy;
    private final LineFigure v2Loss;
    private final ResultTable v2Results;
    private final LineFigure challengeAccuracy;
    private final ResultTable challengeResults;

    private volatile CifarDataset dataset;
    private volatile Trained trained;
    private volatile ParamValues demoValues;
    private volatile double[] baselineCurve;
    private volatile String baselineData;
    private volatile String modelsShape;
    private final AtomicInteger previewClicks = new AtomicInteger();
    private final Object selectLock = new Object();

    public CifarLesson(LessonEnvironment env) {
        super(env);
        dataNotice = figure("explore", new ImageGridFigure("data_notice", "figure.data_notice", 1));
        dataInfo = figure("explore", new ResultTable("data_info", "figure.data_info", List.of("column.item", "column.value")));
        samples = figure("explore", new ImageGridFigure("samples", "figure.samples", 10));
        for (int c = 0; c < 3; c++) {
            histograms[c] = figure("explore", new HistogramFigure("histogram_" + CHANNEL_NAMES[c].toLowerCase(Locale.ROOT),
                    "figure.histogram_" + CHANNEL_NAMES[c].toLowerCase(Locale.ROOT), "axis.pixel_value", 50).range(0, 255));
        }
        dataSource = figure("baselines", new ResultTable("data_source", "figure.data_source", List.of("column.item", "column.value")));
        models = figure("baselines", new ResultTable("models", "figure.models", List.of("column.model", "column.parameters",
                "column.epochs", "column.seconds_per_epoch", "column.train_accuracy", "column.val_accuracy", "column.test_accuracy")));
        accuracy = figure("baselines", new LineFigure("baseline_accuracy", "figure.baseline_accuracy", "axis.epoch", "axis.accuracy"));
        loss = figure("baselines", new LineFigure("baseline_loss", "figure.baseline_loss", "axis.epoch", "axis.loss"));
        testStrip = figure("inside", new ImageGridFigure("test_strip", "figure.test_strip", 5).selectable(true));
        filtersMean = figure("inside", new ImageGridFigure("filters_mean", "figure.filters_mean", 8));
        filtersColour = figure("inside", new ImageGridFigure("filters_colour", "figure.filters_colour", 8));
        featureMaps = figure("inside", new ImageGridFigure("feature_maps", "figure.feature_maps", 4));
        confusion = figure("errors", new GridFigure("confusion", "figure.confusion", GridFigure.Palette.HEAT, 1).selectable(true).large(true));
        topPairs = figure("errors", new ResultTable("top_pairs", "figure.top_pairs",
                List.of("column.rank", "column.true_class", "column.predicted_class", "column.count")));
        pairImages = figure("errors", new ImageGridFigure("pair_images", "figure.pair_images", PAIR_IMAGES));
        selectedCell = figure("errors", new ResultTable("selected_cell", "figure.selected_cell",
                List.of("column.true_class", "column.predicted_class", "column.count", "column.shown")));
        cellImages = figure("errors", new ImageGridFigure("cell_images", "figure.cell_images", 8));
        augmentationPreview = figure("improve", new ImageGridFigure("augmentation_preview", "figure.augmentation_preview", 6)
                .selectable(true));
        v2Accuracy = figure("improve", new LineFigure("v2_accuracy", "figure.v2_accuracy", "axis.epoch", "axis.val_accuracy"));
        v2Loss = figure("improve", new LineFigure("v2_loss", "figure.v2_loss", "axis.epoch", "axis.val_loss"));
        v2Results = figure("improve", new ResultTable("v2_results", "figure.v2_results", List.of("column.model", "column.parameters",
                "column.epochs", "column.seconds_per_epoch", "column.train_accuracy", "column.val_accuracy", "column.test_accuracy")));
        challengeAccuracy = figure("challenge", new LineFigure("challenge_accuracy", "figure.challenge_accuracy", "axis.epoch",
                "axis.val_accuracy"));
        challengeResults = figure("challenge", new ResultTable("challenge_results", "figure.challenge_results",
                List.of("column.model", "column.parameters", "column.epochs", "column.seconds_per_epoch", "column.train_accuracy",
                        "column.val_accuracy", "column.test_accuracy")));
        filtersMean.setNotice("message.train_first");
        filtersColour.setNotice("message.train_first");
        featureMaps.setNotice("message.train_first");
        cellImages.setNotice("message.train_first");
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                ParamSpec.choice("dataset", CifarDataset.CIFAR10, CifarDataset.CIFAR10, CifarDataset.MNIST),
                CommonParams.trainSize(10000),
                CommonParams.testSize(2000),
                CommonParams.batchSize(128),
                CommonParams.lr(0.001),
                ParamSpec.integer("epochs", 10, 1, 200),
                ParamSpec.integer("mlp_epochs", 5, 1, 200).in("baselines"),
                ParamSpec.integer("cnn_width", 32, 1, 256).in("baselines"),
                ParamSpec.integer("preview_image", 0, 0, 1000).in("improve").asDemo(),
                ParamSpec.integer("v2_epochs", 11, 1, 200).in("improve"),
                ParamSpec.real("sgd_lr", 0.01, 1e-6, 1.0).in("improve"),
                ParamSpec.integer("extra_blocks", 1, 0, 4).in("challenge"),
                ParamSpec.real("erasing_p", 0.5, 0.0, 1.0).in("challenge"),
                ParamSpec.choice("optimizer", "adam", "adam", "sgd_momentum").in("challenge"),
                ParamSpec.choice("schedule", "cosine", "none", "step", "cosine").in("challenge"));
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment("baselines", "baselines", true),
                new Experiment("improve", "improve", false),
                new Experiment("challenge", "challenge", false));
    }

    /** The data set of {@code values}, loaded once per choice. */
    private CifarDataset data(ParamValues values) throws Exception {
        return data(values, false);
    }

    /**
     * The data set of {@code values}, loaded once per choice. Opening the lesson and changing demo settings
     * only read CIFAR-10 that is already on disk ({@code download} false); a run ({@code download} true) may
     * download it, once per run while the MNIST fallback is in use.
     */
    private synchronized CifarDataset data(ParamValues values, boolean download) throws Exception {
        String choice = values.getString("dataset");
        boolean fallback = dataset != null && !dataset.notice().isEmpty();
        boolean stale = dataset == null || !dataset.id().equals(choice) && !(fallback && choice.equals(CifarDataset.CIFAR10))
                || fallback && (choice.equals(CifarDataset.MNIST) || download);
        if (stale) dataset = CifarDataset.load(env(), choice, download);
        return dataset;
    }

    /** {@code dataset=mnist} while the CIFAR-10 choice falls back to MNIST (CIFAR-10 missing or damaged). */
    @Override public ParamValues inEffect(ParamValues values) {
        CifarDataset d = dataset;
        boolean fallback = d != null && !d.notice().isEmpty() && values.getString("dataset").equals(CifarDataset.CIFAR10);
        ParamValues used = fallback ? values.with("dataset", d.id()) : values;
        if (d == null || !d.id().equals(used.getString("dataset"))) return used;
        // more images than the data set holds (10,000 of mnist-mini's 8,000): the run uses them all (CifarDataset#split)
        return used.atMost("train_size", d.train().size()).atMost("test_size", d.test().size());
    }

    /** The loaded data set (tests check drill-down against it). */
    CifarDataset dataForTests(ParamValues values) throws Exception { return data(values); }

    /** The CNN_V1 that §3 and §4 show, or null before training. */
    MultiLayerNetwork trainedNetForTests() {
        Trained t = trained;
        return t == null ? null : t.cnn();
    }

    // ---------------------------------------------------------------- instant figures (§1, §2 counts, §5 preview)

    @Override public void updateDemos(ParamValues values) throws Exception {
        demoValues = values;
        CifarDataset d = data(values);
        fillDataInfo(d);
        fillSamples(d);
        fillHistograms(d);
        // Parameter counts before training; trained rows stay until the data set or the width changes them.
        String shape = d.id() + "/" + values.getInt("cnn_width");
        if (!shape.equals(modelsShape)) {
            models.clear();
            for (CifarNets.Kind k : List.of(CifarNets.Kind.MLP, CifarNets.Kind.CNN_V1)) {
                models.putRow(k.name(), modelKey(k), spec(k, d, values).trainableParameterCount(), "", "", "", "", "");
            }
            modelsShape = shape;
        }
        fillPreview(d, values);
        fillStrip(d, values);
    }

    private void fillDataInfo(CifarDataset d) {
        dataNotice.setNotice(!d.notice().isEmpty() ? d.notice() : LessonStrings.message("message.data_cifar",
                env().cifarDir().toAbsolutePath().normalize(), d.train().size(), d.test().size()));
        dataInfo.clear();
        if (!d.notice().isEmpty()) dataInfo.putRow("notice", "cell.notice", d.notice());
        dataInfo.putRow("dataset", "cell.dataset", "cell." + d.id());
        dataInfo.putRow("train", "cell.train_images", d.train().size());
        dataInfo.putRow("test", "cell.test_images", d.test().size());
        dataInfo.putRow("shape", "cell.shape", d.train().channels() + " × " + d.train().height() + " × " + d.train().width());
        dataInfo.putRow("range", "cell.value_range", LessonStrings.message("message.value_range", fmt(d.mean()), fmt(d.std())));
        dataInfo.putRow("classes", "cell.classes", String.join(", ", d.train().classNames()));
        dataSource.clear();
        dataSource.putRow("dataset", "cell.dataset", "cell." + d.id());
        if (!d.notice().isEmpty()) dataSource.putRow("notice", "cell.notice", d.notice());
    }

    /** The notebook's 10 × 5 grid, transposed to fit a tile: one column per class (named on the first row), 5 rows. */
    private void fillSamples(CifarDataset d) {
        int[][] idx = new int[d.numClasses()][];
        for (int k = 0; k < d.numClasses(); k++) idx[k] = d.train().firstOfClass(k, SAMPLES_PER_CLASS);
        List<ImageGridFigure.Image> images = new ArrayList<>();
        for (int j = 0; j < SAMPLES_PER_CLASS; j++) {
            for (int k = 0; k < d.numClasses(); k++) {
                images.add(j < idx[k].length ? image(d.train(), idx[k][j]).withCaption(j == 0 ? d.className(k) : "") : blank(d.train()));
            }
        }
        samples.setImages(images);
    }

    private void fillHistograms(CifarDataset d) {
        for (HistogramFigure h : histograms) h.clear();
        for (int k : HISTOGRAM_CLASSES) {
            int[] idx = d.train().firstOfClass(k, HISTOGRAM_IMAGES);
            int plane = d.train().height() * d.train().width();
            for (int c = 0; c < d.train().channels(); c++) {
                double[] v = new double[idx.length * plane];
                for (int i = 0; i < idx.length; i++) {
                    int base = idx[i] * d.train().imageSize() + c * plane;
                    for (int p = 0; p < plane; p++) v[i * plane + p] = d.train().pixels()[base + p] & 0xFF;
                }
                histograms[c].set(LessonStrings.message("series.class_images", d.className(k), idx.length), v);
            }
        }
    }

    /**
     * The §5 preview: one training image, then flip, crop, jitter, erasing and the whole pipeline; seeded by clicks.
     * On MNIST the flip is shown marked as not used (red frame): the pipeline of digits leaves it out.
     */
    private void fillPreview(CifarDataset d, ParamValues values) {
        ImageData train = d.train();
        int index = Math.min(values.getInt("preview_image"), train.size() - 1);
        int c = train.channels(), h = train.height(), w = train.width();
        Random rng = new Random(values.getInt("seed") * 31L + previewClicks.get());
        float[] original = unitPixels(train, index);
        List<ImageGridFigure.Image> images = new ArrayList<>();
        images.add(rgbOrGrey(original, c, h, w).withCaption("caption.original"));
        float[] f = original.clone();
        Augmentation.flip(f, c, h, w);
        images.add(d.augmentation().flip() ? rgbOrGrey(f, c, h, w).withCaption("caption.flip")
                : rgbOrGrey(f, c, h, w).withCaption("caption.flip_not_used").withHighlight(ImageGridFigure.Highlight.WRONG));
        f = original.clone();
        Augmentation.crop(f, c, h, w, d.augmentation().cropPadding(), rng);
        images.add(rgbOrGrey(f, c, h, w).withCaption("caption.crop"));
        f = original.clone();
        d.augmentation().jitter(f, c, h, w, rng);
        images.add(rgbOrGrey(f, c, h, w).withCaption(c == 3 ? "caption.jitter" : "caption.jitter_grey"));
        f = original.clone();
        Augmentation.erase(f, c, h, w, d.mean(), rng);
        images.add(rgbOrGrey(f, c, h, w).withCaption("caption.erasing"));
        f = original.clone();
        d.augmentation().withErasing(0.5).apply(f, c, h, w, d.mean(), rng);
        images.add(rgbOrGrey(f, c, h, w).withCaption("caption.pipeline"));
        augmentationPreview.setImages(images);
    }

    /** One test image per class (the first of each in the test subset) to choose the feature-map image from. */
    private void fillStrip(CifarDataset d, ParamValues values) {
        ImageData test = d.test().head(Math.min(values.getInt("test_size"), d.test().size()));
        List<ImageGridFigure.Image> images = new ArrayList<>();
        for (int k = 0; k < d.numClasses(); k++) {
            int[] idx = test.firstOfClass(k, 1);
            if (idx.length == 1) images.add(image(test, idx[0]).withCaption(d.className(k)));
        }
        testStrip.setImages(images);
    }

    // ---------------------------------------------------------------- clicks

    @Override public void select(String figureId, FigureSelection selection) throws Exception {
        synchronized (selectLock) {
            switch (figureId) {
                case "confusion": showCell(selection.row(), selection.col()); break;
                case "test_strip": showFeatureMaps(selection.index()); break;
                case "augmentation_preview":
                    previewClicks.incrementAndGet();
                    ParamValues v = demoValues != null ? demoValues : defaults();
                    fillPreview(data(v), v);
                    break;
                default: break;
            }
        }
    }

    /** Fills {@code cell_images} with the test images of confusion cell (true {@code row}, predicted {@code col}). */
    void showCell(int row, int col) {
        Trained t = trained;
        if (t == null) return;
        int[] all = t.errors().cell(row, col);
        List<ImageGridFigure.Image> images = new ArrayList<>();
        for (int k = 0; k < Math.min(all.length, MAX_CELL_IMAGES); k++) {
            int i = all[k];
            images.add(image(t.test(), i).withCaption(LessonStrings.message("message.cell_caption", i,
                    String.format(Locale.ROOT, "%.2f", t.errors().probabilities()[i][col])))
                    .withHighlight(row == col ? ImageGridFigure.Highlight.CORRECT : ImageGridFigure.Highlight.WRONG));
        }
        cellImages.setNotice(LessonStrings.message("message.cell_empty", t.data().className(row), t.data().className(col)));
        cellImages.setImages(images);
        selectedCell.clear();
        selectedCell.putRow("cell", t.data().className(row), t.data().className(col), all.length, images.size());
    }

    /** Fills {@code feature_maps} with layer 0's first 16 maps for the strip's image {@code stripIndex}. */
    void showFeatureMaps(int stripIndex) {
        Trained t = trained;
        List<ImageGridFigure.Image> strip = testStrip.images();
        if (stripIndex >= strip.size()) return;
        testStrip.markSelected(stripIndex);
        if (t == null) return;
        int testIndex = t.test().firstOfClass(stripClass(stripIndex, t), 1)[0];
        float[][] maps = CnnInside.featureMaps(t.cnn(), new ImageBatches(t.test(), t.data().mean(), t.data().std(), Augmentation.NONE)
                .batch(new int[] {testIndex}, null).features());
        int h = t.test().height(), w = t.test().width();
        List<ImageGridFigure.Image> images = new ArrayList<>();
        for (int m = 0; m < Math.min(FEATURE_MAPS, maps.length); m++) {
            images.add(ImageGridFigure.Image.grey(maps[m], h, w).withCaption(LessonStrings.message("message.map_caption", m + 1)));
        }
        featureMaps.setImages(images);
    }

    /** The class of strip image {@code i}: the strip holds the first test image of each class present, in class order. */
    private static int stripClass(int i, Trained t) {
        int seen = -1;
        for (int k = 0; k < t.data().numClasses(); k++) {
            if (t.test().firstOfClass(k, 1).length == 1 && ++seen == i) return k;
        }
        throw new IllegalArgumentException("no strip image " + i);
    }

    // ---------------------------------------------------------------- training

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment);
        CifarDataset before = dataset;
        CifarDataset d = data(values, true);
        if (before != null && !before.id().equals(d.id())) updateDemos(values); // CIFAR-10 arrived: section 1 shows it
        if (!d.notice().isEmpty()) {
            // the whole way to CIFAR-10 here too: on the command line there is no section 1 to look at
            control.note(LessonStrings.message("message.mnist_note", env().cifarDir().toAbsolutePath().normalize(), classlab.core.data.CifarSource.DEFAULT_URL));
        }
        CifarDataset.Split split = d.split(values.getInt("train_size"), values.getInt("test_size"), values.getInt("seed"));
        int trainUsed = split.train().size() + split.val().size();
        if (trainUsed < values.getInt("train_size") || split.test().size() < values.getInt("test_size")) {
            control.note(LessonStrings.message("message.sizes_capped", values.getInt("train_size"), values.getInt("test_size"),
                    trainUsed, split.test().size()));
        }
        switch (experiment) {
            case "improve": return runImprove(d, split, values, control);
            case "challenge": return runChallenge(d, split, values, control);
            default: return runBaselines(d, split, values, control);
        }
    }

    private ExperimentResult runBaselines(CifarDataset d, CifarDataset.Split split, ParamValues values, RunControl control) {
        fillDataInfo(d);
        accuracy.clear();
        loss.clear();
        models.clear();
        control.plan(2);
        Outcome mlp = train("mlp", spec(CifarNets.Kind.MLP, d, values), Augmentation.NONE, values.getInt("mlp_epochs"), null,
                d, split, values, control, accuracy, loss);
        putModelRow(models, CifarNets.Kind.MLP.name(), modelKey(CifarNets.Kind.MLP), spec(CifarNets.Kind.MLP, d, values), mlp);
        Outcome cnn = train("cnn_v1", spec(CifarNets.Kind.CNN_V1, d, values), Augmentation.NONE, values.getInt("epochs"), null,
                d, split, values, control, accuracy, loss);
        putModelRow(models, CifarNets.Kind.CNN_V1.name(), modelKey(CifarNets.Kind.CNN_V1), spec(CifarNets.Kind.CNN_V1, d, values), cnn);
        modelsShape = d.id() + "/" + values.getInt("cnn_width");
        baselineCurve = cnn.valCurve();
        baselineData = baselineKey(d, values);
        publish(new Trained(cnn.net(), d, split.test(), cnn.test()), values);
        String emptyRows = emptyRowsNote(cnn.test().confusion(d.numClasses()), d.train().classNames());
        if (emptyRows != null) control.note(emptyRows);

        long paramsMlp = spec(CifarNets.Kind.MLP, d, values).trainableParameterCount();
        long paramsCnn = spec(CifarNets.Kind.CNN_V1, d, values).trainableParameterCount();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("params_mlp", (double) paramsMlp);
        metrics.put("params_cnn_v1", (double) paramsCnn);
        putMetrics(metrics, "_mlp", mlp);
        putMetrics(metrics, "_cnn_v1", cnn);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dataset", d.id());
        details.put("params_mlp", paramsMlp);
        details.put("params_cnn_v1", paramsCnn);
        details.put("test_accuracy", Map.of("mlp", mlp.testAccuracy(), "cnn_v1", cnn.testAccuracy()));
        details.put("seconds_per_epoch", Map.of("mlp", mlp.secondsPerEpoch(), "cnn_v1", cnn.secondsPerEpoch()));
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (ErrorAnalysis.Pair p : cnn.test().topConfusedPairs(d.numClasses(), TOP_PAIRS)) {
            pairs.add(Map.of("true", d.className(p.trueClass()), "predicted", d.className(p.predictedClass()), "count", p.count()));
        }
        details.put("top_confused_pairs", pairs);
        return new ExperimentResult("baselines", Math.max(mlp.epochs(), cnn.epochs()), metrics, details);
    }

    /** Makes a trained CNN_V1 the one §3 and §4 show, and fills their figures. */
    private void publish(Trained t, ParamValues values) {
        synchronized (selectLock) {
            trained = t;
            float[][] filters = CnnInside.filters(t.cnn());
            int channels = t.test().channels();
            float[][] means = CnnInside.channelMeans(filters, channels);
            int k = (int) Math.round(Math.sqrt(means[0].length));
            List<ImageGridFigure.Image> grey = new ArrayList<>();
            List<ImageGridFigure.Image> colour = new ArrayList<>();
            for (int o = 0; o < filters.length; o++) {
                String caption = LessonStrings.message("message.filter_caption", o + 1);
                grey.add(ImageGridFigure.Image.grey(means[o], k, k).withCaption(caption));
                if (channels == 3) colour.add(ImageGridFigure.Image.rgb(filters[o], k, k).withCaption(caption));
            }
            filtersMean.setImages(grey);
            filtersColour.setNotice(channels == 3 ? "" : "message.filters_grey_data");
            filtersColour.setImages(colour);
            fillStrip(t.data(), values);
            showFeatureMaps(0);
            fillErrors(t);
        }
    }

    /**
     * The note naming the classes without a test image (an all-zero confusion-matrix row, marked "n=0"),
     * whose errors the matrix cannot show; null when every class has a test image.
     *
     * @param names class names, one per row of {@code cm}
     */
    static String emptyRowsNote(ConfusionMatrix cm, String[] names) {
        java.util.StringJoiner empty = new java.util.StringJoiner(", ");
        for (int c = 0; c < cm.numClasses(); c++) if (cm.support(c) == 0) empty.add(names[c]);
        return empty.length() == 0 ? null : classlab.core.UserException.message("note.metric.confusion_row_empty", empty, cm.total());
    }

    private void fillErrors(Trained t) {
        int k = t.data().numClasses();
        long[][] counts = t.errors().confusion(k).toArray();
        double[][] cells = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) cells[i][j] = counts[i][j];
        String[] names = t.data().train().classNames();
        // a row of zeros is a class without test images, not a class never confused: its row label says so
        String[] rows = ClassificationReport.of(t.errors().confusion(k)).classLabels(names).toArray(new String[0]);
        confusion.setPanels(List.of(new GridFigure.Panel(LessonStrings.message("message.confusion_caption",
                String.format(Locale.ROOT, "%.3f", t.errors().accuracy()), t.test().size()), cells, rows, names, true)));
        topPairs.clear();
        List<ImageGridFigure.Image> images = new ArrayList<>();
        int rank = 0;
        for (ErrorAnalysis.Pair p : t.errors().topConfusedPairs(k, TOP_PAIRS)) {
            rank++;
            topPairs.putRow("pair" + rank, rank, t.data().className(p.trueClass()), t.data().className(p.predictedClass()), p.count());
            int[] idx = t.errors().cell(p.trueClass(), p.predictedClass(), PAIR_IMAGES);
            for (int j = 0; j < PAIR_IMAGES; j++) {
                images.add(j < idx.length
                        ? image(t.test(), idx[j]).withCaption(LessonStrings.message("message.true_pred_lines", t.data().className(p.trueClass()),
                                t.data().className(p.predictedClass()))).withHighlight(ImageGridFigure.Highlight.WRONG)
                        : blank(t.test()));
            }
        }
        pairImages.setNotice(rank == 0 ? "message.no_confusion" : "");
        pairImages.setImages(images);
        cellImages.clear();
        selectedCell.clear();
        cellImages.setNotice("message.click_cell");
    }

    private ExperimentResult runImprove(CifarDataset d, CifarDataset.Split split, ParamValues values, RunControl control) {
        v2Accuracy.clear();
        v2Loss.clear();
        v2Results.clear();
        int epochs = values.getInt("v2_epochs");
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Double> testAcc = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<NetSpec.Optimizer> optimizers = List.of(NetSpec.Optimizer.SGD_MOMENTUM, NetSpec.Optimizer.ADAM);
        Augmentation aug = augmentationOf(d, 0, control);
        control.plan(optimizers.size());
        for (NetSpec.Optimizer o : optimizers) {
            double lr = o == NetSpec.Optimizer.ADAM ? values.getDouble("lr") : values.getDouble("sgd_lr");
            NetSpec spec = spec(CifarNets.Kind.CNN_V2, d, values).withOptimizer(o, lr);
            String name = o == NetSpec.Optimizer.ADAM ? "cnn_v2_adam" : "cnn_v2_sgd_momentum";
            Outcome out = train(name, spec, aug, epochs, null, d, split, values, control, v2Accuracy, v2Loss);
            putModelRow(v2Results, name, "cell." + name, spec, out);
            putMetrics(metrics, "_" + name, out);
            testAcc.put(name, out.testAccuracy());
            seconds.put(name, out.secondsPerEpoch());
        }
        details.put("dataset", d.id());
        details.put("augmentation", aug.transforms(d.train().height()));
        details.put("test_accuracy", testAcc);
        details.put("seconds_per_epoch", seconds);
        return new ExperimentResult("improve", epochs, metrics, details);
    }

    private ExperimentResult runChallenge(CifarDataset d, CifarDataset.Split split, ParamValues values, RunControl control) {
        challengeAccuracy.clear();
        challengeResults.clear();
        int epochs = values.getInt("epochs");
        double[] baseline = baselineCurve;
        boolean trainBaseline = baseline == null || !baselineKey(d, values).equals(baselineData);
        control.plan(trainBaseline ? 2 : 1);
        if (trainBaseline) {
            Outcome b = train("cnn_v1", spec(CifarNets.Kind.CNN_V1, d, values), Augmentation.NONE, epochs, null, d, split, values, control,
                    null, null);
            putModelRow(challengeResults, "baseline", modelKey(CifarNets.Kind.CNN_V1), spec(CifarNets.Kind.CNN_V1, d, values), b);
            baseline = b.valCurve();
        }
        LineFigure.Series base = challengeAccuracy.series("series.baseline_val");
        for (int e = 0; e < baseline.length; e++) base.add(e + 1, baseline[e]);

        boolean adam = values.getString("optimizer").equals("adam");
        double lr = adam ? values.getDouble("lr") : values.getDouble("sgd_lr");
        NetSpec spec = NetSpec.sequential(d.shape(), CifarNets.cnnV2Deeper(values.getInt("extra_blocks")), d.numClasses(),
                adam ? NetSpec.Optimizer.ADAM : NetSpec.Optimizer.SGD_MOMENTUM, lr, values.getInt("seed"));
        LrSchedule schedule = switch (values.getString("schedule")) {
            case "step" -> new StepLR(lr, Math.max(1, epochs / 3), 0.1);
            case "cosine" -> new CosineAnnealingLR(lr, epochs, 0);
            default -> null;
        };
        Augmentation aug = augmentationOf(d, values.getDouble("erasing_p"), control);
        Outcome mine = train("challenge", spec, aug, epochs, schedule, d, split, values, control, null, null);
        LineFigure.Series s = challengeAccuracy.series("series.challenge_val");
        for (int e = 0; e < mine.valCurve().length; e++) s.add(e + 1, mine.valCurve()[e]);
        putModelRow(challengeResults, "challenge", "cell.challenge", spec, mine);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("params_challenge", (double) spec.trainableParameterCount());
        putMetrics(metrics, "_challenge", mine);
        metrics.put("baseline_val_accuracy", baseline[baseline.length - 1]);
        return new ExperimentResult("challenge", epochs, metrics,
                Map.of("dataset", d.id(), "augmentation", aug.transforms(d.train().height())));
    }

    /**
     * The data set's training augmentation with RandomErasing of probability {@code erasingP}; on MNIST the run's
     * notes say that it leaves out the flip (the lesson text and the preview describe CIFAR-10's).
     */
    private static Augmentation augmentationOf(CifarDataset d, double erasingP, RunControl control) {
        Augmentation aug = d.augmentation().withErasing(erasingP);
        if (!d.augmentation().flip()) control.note(LessonStrings.message("message.no_flip_on_digits", aug.transforms(d.train().height())));
        return aug;
    }

    /**
     * Trains one network, logging {@code train_loss}, {@code train_accuracy}, {@code val_loss},
     * {@code val_accuracy} per epoch under {@code name} and drawing them into {@code acc} / {@code lossFig} (either
     * may be null) as series "name train" / "name val".
     */
    private Outcome train(String name, NetSpec spec, Augmentation aug, int epochs, LrSchedule schedule, CifarDataset d,
                          CifarDataset.Split split, ParamValues values, RunControl control, LineFigure acc, LineFigure lossFig) {
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, control, values.getInt("batch_size"), seed);
        if (schedule != null) trainer.learningRateSchedule(schedule::lrAt);
        ImageBatches train = new ImageBatches(split.train(), d.mean(), d.std(), aug);
        ImageBatches trainProbe = new ImageBatches(split.train().head(TRAIN_PROBE), d.mean(), d.std(), Augmentation.NONE);
        ImageBatches val = new ImageBatches(split.val(), d.mean(), d.std(), Augmentation.NONE);
        String model = "cell." + name;
        if (acc != null) {
            // the live loss per mini-batch names the network "cell.<name>": it takes its training curve's colour
            // here, not the next free one ("MLP val"'s orange for CNN_V1: trial 4, item 5)
            acc.colorSlot(LessonStrings.message("series.train_of", model));
            colors().sameAs(model, LessonStrings.message("series.train_of", model));
        }
        double seconds = 0, trainLoss = Double.NaN, trainAcc = Double.NaN;
        ErrorAnalysis valResult = null;
        double[] valCurve = new double[epochs];
        RunHealth health = new RunHealth(EpochRecorder.chanceAccuracy(split.val().labels()));
        // names the network on the progress line from its first mini-batch, not after its first epoch
        control.progress(name, 0, epochs);
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            trainLoss = trainer.fitEpoch(train);
            seconds += (System.nanoTime() - t0) / 1e9;
            trainAcc = ErrorAnalysis.of(split.train().head(TRAIN_PROBE).labels(), Trainer.outputs(net, trainProbe)).accuracy();
            valResult = ErrorAnalysis.of(split.val().labels(), Trainer.outputs(net, val));
            valCurve[e - 1] = valResult.accuracy();
            if (acc != null) {
                acc.series(LessonStrings.message("series.train_of", model)).add(e, trainAcc);
                acc.series(LessonStrings.message("series.val_of", model)).add(e, valResult.accuracy());
            }
            if (lossFig != null) {
                lossFig.series(LessonStrings.message("series.train_of", model)).add(e, trainLoss);
                lossFig.series(LessonStrings.message("series.val_of", model)).add(e, valResult.loss());
            }
            control.log(name, e, "train_loss", trainLoss);
            control.log(name, e, "train_accuracy", trainAcc);
            control.log(name, e, "val_loss", valResult.loss());
            control.log(name, e, "val_accuracy", valResult.accuracy());
            control.progress(name, e, epochs);
            String verdict = health.afterEpoch(e, trainLoss, trainAcc, net.params().amaxNumber().doubleValue());
            if (verdict != null) control.note(verdict);
        }
        ErrorAnalysis test = ErrorAnalysis.of(split.test().labels(),
                Trainer.outputs(net, new ImageBatches(split.test(), d.mean(), d.std(), Augmentation.NONE)));
        control.log(name, epochs, "test_accuracy", test.accuracy());
        return new Outcome(net, trainAcc, valResult.accuracy(), test.accuracy(), trainLoss, valResult.loss(), seconds / epochs, epochs,
                test, valCurve);
    }

    /** The notebook's net {@code kind} for the data; CNN_V1 with {@code cnn_width} filters in its first block. */
    static NetSpec spec(CifarNets.Kind kind, CifarDataset d, ParamValues values) {
        if (kind != CifarNets.Kind.CNN_V1) {
            return CifarNets.spec(kind, d.shape(), d.numClasses(), NetSpec.Optimizer.ADAM, values.getDouble("lr"), values.getInt("seed"));
        }
        return NetSpec.sequential(d.shape(), CifarNets.cnnV1(values.getInt("cnn_width")), d.numClasses(), NetSpec.Optimizer.ADAM,
                values.getDouble("lr"), values.getInt("seed"));
    }

    /** What the section-2 CNN_V1 curve depends on: the challenge reuses it only when all of these are the same. */
    private static String baselineKey(CifarDataset d, ParamValues v) {
        StringBuilder key = new StringBuilder(d.id());
        for (String p : List.of("seed", "train_size", "test_size", "batch_size", "lr", "epochs", "cnn_width")) key.append('/').append(v.text(p));
        return key.toString();
    }

    private static void putModelRow(ResultTable table, String key, String label, NetSpec spec, Outcome o) {
        table.putRow(key, label, spec.trainableParameterCount(), o.epochs(), o.secondsPerEpoch(), o.trainAccuracy(),
                o.valAccuracy(), o.testAccuracy());
    }

    private static void putMetrics(Map<String, Double> metrics, String suffix, Outcome o) {
        metrics.put("test_accuracy" + suffix, o.testAccuracy());
        metrics.put("val_accuracy" + suffix, o.valAccuracy());
        metrics.put("train_accuracy" + suffix, o.trainAccuracy());
        metrics.put("train_loss" + suffix, o.trainLoss());
        metrics.put("seconds_per_epoch" + suffix, o.secondsPerEpoch());
    }

    private static String modelKey(CifarNets.Kind k) { return "cell." + k.name().toLowerCase(Locale.ROOT); }

    // ---------------------------------------------------------------- images

    private static float[] unitPixels(ImageData data, int i) {
        int per = data.imageSize();
        float[] px = new float[per];
        for (int j = 0; j < per; j++) px[j] = (data.pixels()[i * per + j] & 0xFF) / 255f;
        return px;
    }

    private static ImageGridFigure.Image rgbOrGrey(float[] px, int c, int h, int w) {
        return c == 3 ? ImageGridFigure.Image.rgb(px, h, w, 0, 1) : ImageGridFigure.Image.grey(px, h, w, 0, 1);
    }

    /** Image {@code i} of {@code data} as stored (values 0..1). */
    static ImageGridFigure.Image image(ImageData data, int i) {
        return rgbOrGrey(unitPixels(data, i), data.channels(), data.height(), data.width());
    }

    private static ImageGridFigure.Image blank(ImageData data) {
        return rgbOrGrey(new float[data.imageSize()], data.channels(), data.height(), data.width());
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
        return sb.append(')').toString();
    }
}
