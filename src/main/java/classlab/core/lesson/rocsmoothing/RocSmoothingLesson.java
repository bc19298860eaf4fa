package classlab.core.lesson.rocsmoothing;

import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import classlab.core.data.Subsets;
import classlab.core.figure.BarFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.EpochRecorder;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.UserException;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonData;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.metrics.Predictions;
import classlab.core.metrics.Roc;
import classlab.core.metrics.RocCurve;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Batches;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import classlab.core.train.loss.Losses;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Lesson L6 {@code roc-smoothing}: one-vs-rest ROC curves of a multiclass model and label
 * smoothing (notebook 000 Part 4).
 *
 * <ul>
 *   <li>{@code roc} (default): a 5-class model (digits 0–4, 784→256→128→5 with BatchNorm and
 *       Dropout 0.3, Adam 1e-3, 20 epochs). After every epoch the ROC curve of each class against
 *       the rest is redrawn from the test probabilities (hovering a point shows its threshold), with
 *       per-class AUC bars and the macro and weighted AUC.</li>
 *   <li>{@code smoothing}: the smoothed target distribution {@code (1−ε)·onehot + ε/K} for several
 *       ε (instant demo), the loss of the notebook's demo logits for each ε, and training with
 *       ε = 0, 0.1, 0.2: test accuracy per epoch and the mean confidence (mean max softmax
 *       probability on the test set).</li>
 * </ul>
 */
public final class RocSmoothingLesson extends LessonModel {
    public static final String ID = "roc-smoothing";

    static final String SECTION_ROC = "roc";
    static final String SECTION_SMOOTHING = "smoothing";
    static final String EXP_ROC = "roc";
    static final String EXP_LABEL_SMOOTHING = "label_smoothing";

    /** The notebook's demo logits {@code [5.0, 0.1 × 9]} (a float32 tensor, hence {@code 0.1f}) with target class 0 (K = 10). */
    static final double[] DEMO_LOGITS = {5.0, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f};
    static final int DEMO_TARGET = 0;

    /** Panels per row of the smoothed targets: the notebook's {@code plt.subplots(1, 4)} for its four ε. */
    static final int TARGET_PANEL_COLUMNS = 4;

    private final LineFigure rocFigure;
    private final BarFigure aucFigure;
    private final LineFigure rocTrainingFigure;
    private final ResultTable rocTable;
    private final BarFigure targetFigure;
    private final ResultTable demoLossTable;
    private final LineFigure smoothingAccuracyFigure;
    private final BarFigure confidenceFigure;
    private final ResultTable smoothingTable;

    public RocSmoothingLesson(LessonEnvironment env) {
        super(env);
        rocFigure = figure(SECTION_ROC, new LineFigure("roc_curves", "figure.roc_curves", "axis.fpr", "axis.tpr")
                .diagonal(true).xRange(0.0, 1.0).yRange(0.0, 1.0));
        aucFigure = figure(SECTION_ROC, new BarFigure("auc_bars", "figure.auc_bars", "axis.class", "axis.auc"));
        rocTrainingFigure = figure(SECTION_ROC, new LineFigure("roc_training", "figure.roc_training", "axis.epoch", "axis.value"));
        rocTable = figure(SECTION_ROC, new ResultTable("roc_results", "figure.roc_results",
                List.of("column.class", "column.support", "column.auc")));
        targetFigure = figure(SECTION_SMOOTHING, new BarFigure("smoothing_targets", "figure.smoothing_targets", "axis.class", "axis.label_value")
                .smallMultiples(TARGET_PANEL_COLUMNS).yRange(0, 1.1));
        demoLossTable = figure(SECTION_SMOOTHING, new ResultTable("smoothing_demo_loss", "figure.smoothing_demo_loss",
                List.of("column.epsilon", "column.target_probability", "column.loss")));
        smoothingAccuracyFigure = figure(SECTION_SMOOTHING, new LineFigure("smoothing_accuracy", "figure.smoothing_accuracy",
                "axis.epoch", "axis.accuracy"));
        confidenceFigure = figure(SECTION_SMOOTHING, new BarFigure("smoothing_confidence", "figure.smoothing_confidence",
                "axis.epsilon", "axis.mean_confidence"));
        smoothingTable = figure(SECTION_SMOOTHING, new ResultTable("smoothing_results", "figure.smoothing_results",
                List.of("column.epsilon", "column.test_accuracy", "column.mean_confidence")));
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                CommonParams.trainSize(6000),
                CommonParams.testSize(1000),
                CommonParams.batchSize(256),
                CommonParams.lr(1e-3),
                ParamSpec.real("dropout", 0.3, 0, 0.9),
                ParamSpec.integer("roc_classes", 5, 2, 10).in(SECTION_ROC),
                ParamSpec.integer("epochs", 20, 1, 500).in(SECTION_ROC),
                ParamSpec.realList("target_epsilons", "0, 0.05, 0.1, 0.2", 0, 0.99).in(SECTION_SMOOTHING).asDemo(),
                ParamSpec.real("eps", 0.1, 0, 0.99).in(SECTION_SMOOTHING).asDemo(),
                ParamSpec.integer("num_classes", 10, 2, 20).in(SECTION_SMOOTHING).asDemo(),
                ParamSpec.integer("target_class", 3, 0, 19).in(SECTION_SMOOTHING).asDemo(),
                ParamSpec.realList("ls_epsilons", "0, 0.1, 0.2", 0, 0.9).in(SECTION_SMOOTHING),
                ParamSpec.integer("ls_epochs", 25, 1, 500).in(SECTION_SMOOTHING));
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment(EXP_ROC, SECTION_ROC, true),
                new Experiment(EXP_LABEL_SMOOTHING, SECTION_SMOOTHING, false));
    }

    // ---------------------------------------------------------------- label smoothing demo

    /** The ε values the demo shows: {@code target_epsilons} plus the slider's {@code eps}, ascending, without repeats. */
    static List<Double> demoEpsilons(ParamValues v) {
        TreeSet<Double> set = new TreeSet<>(v.getDoubleList("target_epsilons"));
        set.add(v.getDouble("eps"));
        return new ArrayList<>(set);
    }

    /** Cross-entropy of the demo logits with label smoothing ε ({@code nn.CrossEntropyLoss(label_smoothing=ε)}). */
    static double demoLoss(double eps) {
        return Losses.crossEntropy(DEMO_LOGITS, DEMO_TARGET, eps);
    }

    @Override public void updateDemos(ParamValues v) {
        int k = v.getInt("num_classes");
        int target = v.getInt("target_class");
        if (target >= k) {
            throw new UserException("target_class", "error.target_class.outside", target, k, k - 1);
        }
        List<Double> epsilons = demoEpsilons(v);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) classes.add(Integer.toString(c));
        targetFigure.clear();
        targetFigure.highlight(Integer.toString(target), LessonStrings.message("series.target_class", target), "series.other_classes");
        demoLossTable.clear();
        for (double eps : epsilons) {
            double[] smoothed = Losses.smoothedTarget(target, k, eps);
            targetFigure.setGroup(targetPanel(eps, smoothed[target], smoothed[(target + 1) % k]), classes, smoothed);
            double targetProbability = Losses.smoothedTarget(DEMO_TARGET, DEMO_LOGITS.length, eps)[DEMO_TARGET];
            demoLossTable.putRow(epsLabel(eps), epsLabel(eps), targetProbability, demoLoss(eps));
        }
    }

    // ---------------------------------------------------------------- training

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment);  // rejects unknown names
        Nd4jSeeds.seedGlobal(values.getInt("seed"));
        MnistData mnist = env().mnist();
        LabeledData train = LessonData.head(mnist.train(), values.getInt("train_size"), "train_size", LessonData.TRAIN);
        LabeledData test = LessonData.head(mnist.test(), values.getInt("test_size"), "test_size", LessonData.TEST);
        if (EXP_ROC.equals(experiment)) return runRoc(values, train, test, control);
        return runLabelSmoothing(values, train, test, control);
    }

    private ExperimentResult runRoc(ParamValues v, LabeledData trainAll, LabeledData testAll, RunControl control) {
        int k = v.getInt("roc_classes");
        int[] digits = new int[k];
        for (int c = 0; c < k; c++) digits[c] = c;
        LessonData.requireClasses(trainAll, "train_size", LessonData.TRAIN, digits);  // a class never seen cannot be learnt
        Batches train = Batches.of(Subsets.filterClasses(trainAll, digits), Batches.LabelEncoding.ONE_HOT);
        Batches test = Batches.of(Subsets.filterClasses(testAll, digits), Batches.LabelEncoding.ONE_HOT);
        long seed = v.getInt("seed");
        NetSpec spec = NetSpec.mlp(784, List.of(256, 128), NetSpec.Output.SOFTMAX_CE, k, NetSpec.Optimizer.ADAM, v.getDouble("lr"), seed)
                .withBatchNorm(true).withDropout(v.getDouble("dropout"));
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, control, v.getInt("batch_size"), seed);
        rocFigure.clear();
        aucFigure.clear();
        rocTrainingFigure.clear();
        rocTable.clear();
        int epochs = v.getInt("epochs");
        EpochRecorder rec = new EpochRecorder(EXP_ROC, control, epochs)
                .plot("train_loss", rocTrainingFigure.series("series.train_loss"))
                .plot("test_accuracy", rocTrainingFigure.series("series.test_accuracy"))
                // a NaN line draws nothing: its name says why (the averages' definedness follows from the labels alone)
                .plot("auc_macro", rocTrainingFigure.series(
                        undefinedLabel("series.auc_macro", Roc.averagesDefined(test.data().labels(), k))))
                .watch("train_loss", "test_accuracy", EpochRecorder.chanceAccuracy(test.data().labels()))
                .watchWeights(net);
        Roc roc = null;
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double trainLoss = trainer.fitEpoch(train);
            double[][] probs = Trainer.outputs(net, test.features(), false);  // softmax output layer: probabilities
            roc = Roc.oneVsRest(test.data().labels(), probs);
            accuracy = accuracy(probs, test.data().labels());
            drawRoc(roc, test.data().classNames());
            rec.record(epoch, "train_loss", trainLoss);
            rec.record(epoch, "test_accuracy", accuracy);
            rec.record(epoch, "auc_macro", roc.macroAuc());
            rec.record(epoch, "auc_weighted", roc.weightedAuc());
            rec.endEpoch(epoch);
        }
        roc.notes().forEach(control::note);  // undefined AUC: which class, why
        String[] names = test.data().classNames();
        for (int c = 0; c < k; c++) rocTable.putRow("class" + c, undefinedLabel(names[c], roc.isDefined(c)), roc.support(c), roc.auc(c));
        // named as the chart's average lines are ("Macro AUC", not "macro")
        rocTable.putRow("macro", undefinedLabel("level.auc_macro", roc.averagesDefined()), test.size(), roc.macroAuc());
        rocTable.putRow("weighted", undefinedLabel("level.auc_weighted", roc.averagesDefined()), test.size(), roc.weightedAuc());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", accuracy);
        metrics.put("auc_macro", roc.macroAuc());
        metrics.put("auc_weighted", roc.weightedAuc());
        for (int c = 0; c < k; c++) metrics.put("auc_class_" + c, roc.auc(c));
        return new ExperimentResult(EXP_ROC, epochs, metrics);
    }

    /** Replaces the curves (named with their AUC, thresholds as point notes) and the AUC bars. */
    private void drawRoc(Roc roc, String[] classNames) {
        rocFigure.clear();
        List<String> categories = new ArrayList<>();
        double[] aucs = new double[roc.numClasses()];
        for (int c = 0; c < roc.numClasses(); c++) {
            RocCurve curve = roc.curve(c);
            double[] fpr = curve.falsePositiveRates();
            double[] tpr = curve.truePositiveRates();
            double[] thresholds = curve.thresholds();
            boolean defined = roc.isDefined(c);
            // an undefined curve is all NaN and draws nothing: its legend entry and bar category stay, marked.
            // The name changes with the AUC every epoch; the colour is the class's (trial 4, item 2).
            LineFigure.Series s = rocFigure.series(defined ? classNames[c] + " (AUC=" + format(curve.auc(), "0.000") + ")"
                    : undefinedLabel(classNames[c] + " (AUC)", false), classNames[c]);
            for (int i = 0; i < fpr.length; i++) s.add(fpr[i], tpr[i], "threshold " + format(thresholds[i], "0.0000"));
            categories.add(undefinedLabel(classNames[c], defined));
            aucs[c] = curve.auc();
        }
        aucFigure.clear();
        if (roc.averagesDefined()) {
            aucFigure.setGroup("series.auc", categories, aucs);
            aucFigure.addLevel("level.auc_macro", roc.macroAuc());
            aucFigure.addLevel("level.auc_weighted", roc.weightedAuc());
        } else {
            aucFigure.setGroup("note.metric.auc_bars_no_average", categories, aucs);  // the two level lines cannot be drawn
        }
    }

    private ExperimentResult runLabelSmoothing(ParamValues v, LabeledData trainData, LabeledData testData, RunControl control) {
        Batches train = Batches.of(trainData, Batches.LabelEncoding.ONE_HOT);
        Batches test = Batches.of(testData, Batches.LabelEncoding.ONE_HOT);
        long seed = v.getInt("seed");
        int epochs = v.getInt("ls_epochs");
        smoothingAccuracyFigure.clear();
        confidenceFigure.clear();
        smoothingTable.clear();
        Map<String, Double> metrics = new LinkedHashMap<>();
        control.plan(v.getDoubleList("ls_epsilons").size());
        for (double eps : v.getDoubleList("ls_epsilons")) {
            Nd4jSeeds.seedGlobal(seed);  // torch.manual_seed(42) inside train_with_ls: same start for every ε
            // make_classifier(use_dropout=True, use_bn=True): 784→256→128→64→10
            NetSpec spec = NetSpec.mlp(784, List.of(256, 128, 64), NetSpec.Output.SOFTMAX_CE, testData.numClasses(),
                            NetSpec.Optimizer.ADAM, v.getDouble("lr"), seed)
                    .withBatchNorm(true).withDropout(v.getDouble("dropout")).withLabelSmoothing(eps);
            MultiLayerNetwork net = NetBuilder.build(spec);
            Trainer trainer = new Trainer(net, control, v.getInt("batch_size"), seed);
            String label = epsLabel(eps);
            String key = metricSuffix(eps);
            LineFigure.Series accuracySeries = smoothingAccuracyFigure.series(label);
            double accuracy = Double.NaN;
            control.progress(EXP_LABEL_SMOOTHING + " " + label, 0, epochs);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double trainLoss = trainer.fitEpoch(train);
                accuracy = Trainer.accuracy(net, test, false, false);
                accuracySeries.add(epoch, accuracy);
                control.log(EXP_LABEL_SMOOTHING, epoch, "train_loss_" + key, trainLoss);
                control.log(EXP_LABEL_SMOOTHING, epoch, "test_accuracy_" + key, accuracy);
                control.progress(EXP_LABEL_SMOOTHING + " " + label, epoch, epochs);
            }
            double confidence = Predictions.meanMaxProbability(Trainer.outputs(net, test.features(), false));
            confidenceFigure.set("series.mean_confidence", label, confidence);
            smoothingTable.putRow(label, label, accuracy, confidence);
            control.log(EXP_LABEL_SMOOTHING, epochs, "mean_confidence_" + key, confidence);
            metrics.put("test_accuracy_" + key, accuracy);
            metrics.put("mean_confidence_" + key, confidence);
        }
        return new ExperimentResult(EXP_LABEL_SMOOTHING, epochs, metrics);
    }

    // ---------------------------------------------------------------- helpers

    private static double accuracy(double[][] probs, int[] labels) {
        int[] predicted = Predictions.argmax(probs);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) correct++;
        return (double) correct / labels.length;
    }


    /** {@code label}, or "label (undefined)" (note key {@code note.metric.undefined_label}) when the value it names is undefined. */
    private static String undefinedLabel(String label, boolean defined) {
        return defined ? label : UserException.message("note.metric.undefined_label", label);
    }

    /** "ε=0.1" as in the notebook's legends. */
    static String epsLabel(double eps) { return "ε=" + format(eps, "0.####"); }

    /**
     * Caption of one panel of the smoothed targets, as the notebook titles its subplots
     * ({@code f'ε={eps}\n정답 클래스 목표={y_smooth[target_class]:.2f}'}), with the other classes' value,
     * which a bar of 0.01 on a 0–1.1 axis hardly shows. The target keeps the digits that make
     * 1 − ε + ε/K visible (ε = 0.05, K = 10: 0.955, where the notebook's {@code :.2f} shows 0.95 = 1 − ε).
     */
    static String targetPanel(double eps, double targetValue, double otherValue) {
        return LessonStrings.message("panel.smoothing_target", epsLabel(eps), format(targetValue, "0.00##"), format(otherValue, "0.####"));
    }

    /** Metric-name form of ε: 0.1 → "eps_0_1". */
    static String metricSuffix(double eps) { return "eps_" + format(eps, "0.####").replace('.', '_'); }

    private static String format(double value, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
