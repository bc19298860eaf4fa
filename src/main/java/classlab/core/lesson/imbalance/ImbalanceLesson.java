package classlab.core.lesson.imbalance;

import classlab.core.data.ClassWeightedSampler;
import classlab.core.data.ClassWeights;
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
import classlab.core.Localized;
import classlab.core.UserException;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonData;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.metrics.ClassificationReport;
import classlab.core.metrics.Predictions;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunHealth;
import classlab.core.train.Batches;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * L4 "imbalance" (notebook 000 Part 2, Exercise 2): class imbalance on MNIST.
 *
 * <ul>
 *   <li>{@code data}: the 6,000-image subset with the minority classes (default 5–9) cut to a percentage
 *       (default 10 %), class counts balanced vs imbalanced, and the class weights
 *       {@code w_c = N/(K·n_c)}; redrawn instantly when the percentage or the minority classes change.</li>
 *   <li>{@code experiment}: three strategies trained one after another with the notebook's model
 *       ({@code make_classifier(use_dropout=True, use_bn=True)}: 784→256→128→64→10, BatchNorm, Dropout 0.3,
 *       Adam 1e-3, batch 256, 25 epochs): plain, class-weighted cross-entropy (PyTorch normalisation), and a
 *       class-weighted random sampler with replacement. Test accuracy and macro F1 per epoch, per-class F1,
 *       and the accuracy paradox stated with the live numbers.</li>
 *   <li>{@code exercise2}: 5 % minority, weighted loss vs sampler, per-class precision/recall and the macro
 *       recall over the minority classes.</li>
 * </ul>
 */
public final class ImbalanceLesson extends LessonModel {
    public static final String ID = "imbalance";

    static final int INPUTS = 784;
    static final List<Integer> HIDDEN = List.of(256, 128, 64);
    static final int CLASSES = 10;

    /** How the imbalance is handled. */
    enum Strategy {
        PLAIN("plain"), WEIGHTED_LOSS("weighted_loss"), SAMPLER("sampler");

        final String id;

        Strategy(String id) { this.id = id; }

        String seriesKey() { return "series." + id; }
    }

    /** Final numbers of one trained strategy. */
    record Outcome(ClassificationReport report, double trainLoss, double trainAccuracy, double minorityRecall,
                   double majorityRecall, int epochs) {}

    private final BarFigure classCounts;
    private final ResultTable classWeights;
    private final LineFigure testAccuracy;
    private final LineFigure macroF1;
    private final BarFigure perClassF1;
    private final ResultTable results;
    private final ResultTable paradox;
    private final LineFigure ex2MinorityRecall;
    private final BarFigure ex2Recall;
    private final ResultTable ex2PerClass;
    private final ResultTable ex2Summary;

    public ImbalanceLesson(LessonEnvironment env) {
        super(env);
        classCounts = figure("data", new BarFigure("class_counts", "figure.class_counts", "axis.digit", "axis.count"));
        classWeights = figure("data", new ResultTable("class_weights", "figure.class_weights",
                List.of("column.class", "column.count", "column.weight")));
        testAccuracy = figure("experiment", new LineFigure("test_accuracy", "figure.test_accuracy", "axis.epoch", "axis.accuracy")
                .yRange(0.5, 1.0));
        macroF1 = figure("experiment", new LineFigure("macro_f1", "figure.macro_f1", "axis.epoch", "axis.macro_f1")
                .yRange(0.3, 1.0));
        perClassF1 = figure("experiment", new BarFigure("per_class_f1", "figure.per_class_f1", "axis.digit", "axis.f1"));
        results = figure("experiment", new ResultTable("results", "figure.results",
                List.of("column.strategy", "column.test_accuracy", "column.macro_f1", "column.minority_recall", "column.majority_recall")));
        paradox = figure("experiment", new ResultTable("accuracy_paradox", "figure.accuracy_paradox", List.of("column.statement")));
        ex2MinorityRecall = figure("exercise2", new LineFigure("ex2_minority_recall", "figure.ex2_minority_recall",
                "axis.epoch", "axis.minority_recall"));
        ex2Recall = figure("exercise2", new BarFigure("ex2_recall", "figure.ex2_recall", "axis.digit", "axis.recall"));
        ex2PerClass = figure("exercise2", new ResultTable("ex2_per_class", "figure.ex2_per_class",
                List.of("column.class", "column.precision_weighted_loss", "column.recall_weighted_loss",
                        "column.precision_sampler", "column.recall_sampler")));
        ex2Summary = figure("exercise2", new ResultTable("ex2_summary", "figure.ex2_summary",
                List.of("column.strategy", "column.test_accuracy", "column.macro_f1", "column.minority_recall")));
        // Exercise 2 shows two of the three strategies: each keeps the colour it has on the comparison tab.
        colors().reserve(java.util.Arrays.stream(Strategy.values()).map(Strategy::seriesKey).toArray(String[]::new));
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                ParamSpec.integer("data_seed", 0, 0, Integer.MAX_VALUE),
                ParamSpec.integer("epochs", 25, 1, 500),
                CommonParams.batchSize(256),
                CommonParams.lr(0.001),
                ParamSpec.real("dropout_p", 0.3, 0.0, 0.95),
                CommonParams.trainSize(6000),
                CommonParams.testSize(1000),
                ParamSpec.integer("minority_percent", 10, 1, 100).asDemo().in("data", "experiment"),
                ParamSpec.intList("minority_classes", "5, 6, 7, 8, 9", 0, CLASSES - 1).asDemo(),
                ParamSpec.integer("exercise_percent", 5, 1, 100).in("exercise2"));
    }

    @Override public List<Experiment> experiments() {
        List<Experiment> list = new ArrayList<>();
        list.add(new Experiment("strategies", "experiment", true));
        for (Strategy s : Strategy.values()) list.add(new Experiment(s.id, "experiment", false));
        list.add(new Experiment("exercise2", "exercise2", false));
        return list;
    }

    /** strategies trains the three strategies, so a full run does not train them again one by one. */
    @Override public List<Experiment> experimentsOfAFullRun() {
        return experiments().stream().filter(e -> Arrays.stream(Strategy.values()).noneMatch(st -> st.id.equals(e.name()))).toList();
    }

    // ---------------------------------------------------------------- instant figures

    @Override public void updateDemos(ParamValues values) throws Exception {
        LabeledData balanced = trainSubset(values);
        LabeledData imbalanced = imbalanced(balanced, values, values.getInt("minority_percent"));
        List<String> digits = Arrays.asList(balanced.classNames());
        classCounts.setGroup("series.balanced", digits, toDouble(balanced.classCounts()));
        classCounts.setGroup("series.imbalanced", digits, toDouble(imbalanced.classCounts()));
        int[] counts = imbalanced.classCounts();
        double[] w = ClassWeights.inverseFrequency(counts);
        classWeights.clear();
        for (int c = 0; c < CLASSES; c++) classWeights.putRow(digits.get(c), digits.get(c), (double) counts[c], w[c]);
    }

    // ---------------------------------------------------------------- training

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of valid ones
        MnistData mnist = env().mnist();
        LabeledData balanced = trainSubset(values);
        LabeledData testData = LessonData.head(mnist.test(), values.getInt("test_size"), "test_size", LessonData.TEST);
        Batches test = Batches.of(testData, Batches.LabelEncoding.ONE_HOT);
        boolean[] minority = minorityMask(values);
        String minorityNote = minorityRecallNote(testData.classCounts(), minority);
        if (minorityNote != null) control.note(minorityNote);

        if (experiment.equals("exercise2")) {
            LabeledData train = imbalanced(balanced, values, values.getInt("exercise_percent"));
            return runExercise2(values, train, test, minority, control);
        }
        LabeledData train = imbalanced(balanced, values, values.getInt("minority_percent"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (experiment.equals("strategies")) {
            int epochs = 0;
            control.plan(Strategy.values().length);
            for (Strategy s : Strategy.values()) {
                Outcome o = runStrategy(s, values, train, test, minority, control);
                putMetrics(metrics, o, "_" + s.id);
                epochs = Math.max(epochs, o.epochs());
            }
            return new ExperimentResult(experiment, epochs, metrics);
        }
        Strategy s = strategyNamed(experiment);
        Outcome o = runStrategy(s, values, train, test, minority, control);
        putMetrics(metrics, o, "");
        return new ExperimentResult(experiment, o.epochs(), metrics);
    }

    private Outcome runStrategy(Strategy s, ParamValues values, LabeledData train, Batches test, boolean[] minority,
                                RunControl control) {
        testAccuracy.removeSeries(s.seriesKey());
        macroF1.removeSeries(s.seriesKey());
        LineFigure.Series acc = testAccuracy.series(s.seriesKey());
        LineFigure.Series f1 = macroF1.series(s.seriesKey());
        Outcome o = train(s.id, s, values, train, test, minority, control, (epoch, report, minorityRecall) -> {
            acc.add(epoch, report.accuracy());
            f1.add(epoch, report.f1Macro());
        });
        ClassificationReport r = o.report();
        perClassF1.setGroup(s.seriesKey(), r.classLabels(train.classNames()), r.f1PerClass());
        String label = s.seriesKey();
        results.putRow(s.id, label, r.accuracy(), r.f1Macro(), o.minorityRecall(), o.majorityRecall());
        String statement = paradoxKey(r.accuracy(), o.minorityRecall());
        paradox.putRow(s.id, LessonStrings.message(statement, label, fmt(r.accuracy()), fmt(o.minorityRecall()),
                fmt(o.majorityRecall()), fmt(r.f1Macro())));
        return o;
    }

    private ExperimentResult runExercise2(ParamValues values, LabeledData train, Batches test, boolean[] minority,
                                          RunControl control) {
        ex2MinorityRecall.clear();
        ex2Recall.clear();
        ex2PerClass.clear();
        ex2Summary.clear();
        Strategy[] compared = {Strategy.WEIGHTED_LOSS, Strategy.SAMPLER};
        Outcome[] outcomes = new Outcome[compared.length];
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> digits = Arrays.asList(train.classNames());
        for (int i = 0; i < compared.length; i++) {
            Strategy s = compared[i];
            LineFigure.Series recall = ex2MinorityRecall.series(s.seriesKey());
            outcomes[i] = train("exercise2_" + s.id, s, values, train, test, minority, control,
                    (epoch, report, minorityRecall) -> recall.add(epoch, minorityRecall));
            ClassificationReport r = outcomes[i].report();
            ex2Recall.setGroup(s.seriesKey(), r.classLabels(train.classNames()), r.recallPerClass());
            ex2Summary.putRow(s.id, s.seriesKey(), r.accuracy(), r.f1Macro(), outcomes[i].minorityRecall());
            putMetrics(metrics, outcomes[i], "_" + s.id);
        }
        ClassificationReport w = outcomes[0].report(), sm = outcomes[1].report();
        List<String> rowLabels = w.classLabels(train.classNames());
        for (int c = 0; c < CLASSES; c++) {
            ex2PerClass.putRow(digits.get(c), rowLabels.get(c), w.precision(c), w.recall(c), sm.precision(c), sm.recall(c));
        }
        int better = outcomes[1].minorityRecall() > outcomes[0].minorityRecall() ? 1 : 0;
        ex2Summary.putRow("verdict", LessonStrings.message("message.ex2_verdict", compared[better].seriesKey(),
                fmt(outcomes[better].minorityRecall()), fmt(outcomes[1 - better].minorityRecall())), "", "", "");
        return new ExperimentResult("exercise2", outcomes[0].epochs(), metrics);
    }

    /** Called after each epoch with the test-set report. */
    @FunctionalInterface
    private interface EpochListener { void epochDone(int epoch, ClassificationReport report, double minorityRecall); }

    /**
     * Trains the notebook's classifier on {@code train} with one strategy, evaluating on the test set
     * after every epoch (inference mode) and logging {@code train_loss}, {@code test_accuracy},
     * {@code macro_f1} and {@code macro_recall_minority} under {@code name}.
     */
    private Outcome train(String name, Strategy s, ParamValues values, LabeledData train, Batches test, boolean[] minority,
                          RunControl control, EpochListener listener) {
        long seed = values.getInt("seed");
        int epochs = values.getInt("epochs");
        double[] weights = ClassWeights.inverseFrequency(train.classCounts());
        NetSpec spec = NetSpec.mlp(INPUTS, HIDDEN, NetSpec.Output.SOFTMAX_CE, CLASSES, NetSpec.Optimizer.ADAM,
                        values.getDouble("lr"), seed)
                .withDropout(values.getDouble("dropout_p"))
                .withBatchNorm(true);
        if (s == Strategy.WEIGHTED_LOSS) spec = spec.withClassWeights(weights);
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, control, values.getInt("batch_size"), seed);
        Batches fixed = Batches.of(train, Batches.LabelEncoding.ONE_HOT);
        // PyTorch's WeightedRandomSampler(class_weights[y], num_samples=N, replacement=True): a new draw each epoch.
        ClassWeightedSampler sampler = s == Strategy.SAMPLER ? new ClassWeightedSampler(train, weights, seed) : null;
        double loss = Double.NaN;
        ClassificationReport report = null;
        double minorityRecall = Double.NaN;
        // Judged on test accuracy: the sampler's epochs are redrawn, so the test set is the fixed yardstick.
        RunHealth health = new RunHealth(EpochRecorder.chanceAccuracy(test.data().labels()));
        control.progress(name, 0, epochs);
        for (int e = 1; e <= epochs; e++) {
            Batches epochData = sampler == null ? fixed
                    : Batches.of(train.rows(sampler.drawEpoch(train.size())), Batches.LabelEncoding.ONE_HOT);
            loss = trainer.fitEpoch(epochData);
            report = evaluate(net, test);
            minorityRecall = meanRecall(report, minority, true);
            listener.epochDone(e, report, minorityRecall);
            control.log(name, e, "train_loss", loss);
            control.log(name, e, "test_accuracy", report.accuracy());
            control.log(name, e, "macro_f1", report.f1Macro());
            control.log(name, e, "macro_recall_minority", minorityRecall);
            control.progress(name, e, epochs);
            String verdict = health.afterEpoch(e, loss, report.accuracy(), net.params().amaxNumber().doubleValue());
            if (verdict != null) control.note(verdict);
        }
        double trainAccuracy = Trainer.accuracy(net, fixed, false, false);
        control.log(name, epochs, "train_accuracy", trainAccuracy);
        // undefined precision/recall: which model, which class, why, what value
        for (String note : report.notes()) control.note(UserException.message("note.metric.of_model", s.seriesKey(), (Localized) () -> note));
        return new Outcome(report, loss, trainAccuracy, minorityRecall, meanRecall(report, minority, false), epochs);
    }

    static ClassificationReport evaluate(MultiLayerNetwork net, Batches test) {
        int[] predicted = Predictions.argmax(Trainer.outputs(net, test.features(), false));
        return ClassificationReport.of(test.data().labels(), predicted, CLASSES);
    }

    /** Mean recall over the minority classes ({@code minorityClasses = true}) or over the others; NaN if there are none. */
    static double meanRecall(ClassificationReport r, boolean[] minority, boolean minorityClasses) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < minority.length; c++) {
            if (minority[c] == minorityClasses) {
                sum += r.recall(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The note that the minority recall counts a minority class without test examples as 0, as
     * scikit-learn's {@code recall_score(labels=minority, average='macro', zero_division=0)} does; null
     * when every minority class has a test example.
     *
     * @param testCounts test examples per class
     */
    static String minorityRecallNote(int[] testCounts, boolean[] minority) {
        StringJoiner all = new StringJoiner(", ");
        StringJoiner absent = new StringJoiner(", ");
        for (int c = 0; c < minority.length; c++) {
            if (!minority[c]) continue;
            all.add(Integer.toString(c));
            if (testCounts[c] == 0) absent.add(Integer.toString(c));
        }
        return absent.length() == 0 ? null : UserException.message("note.metric.minority_recall_zeros", all, absent);
    }

    private static void putMetrics(Map<String, Double> metrics, Outcome o, String suffix) {
        metrics.put("test_accuracy" + suffix, o.report().accuracy());
        metrics.put("train_accuracy" + suffix, o.trainAccuracy());
        metrics.put("train_loss" + suffix, o.trainLoss());
        metrics.put("macro_f1" + suffix, o.report().f1Macro());
        metrics.put("macro_recall_minority" + suffix, o.minorityRecall());
    }

    /** The first train_size rows; every class must be among them, or the lesson has nothing to balance. */
    private LabeledData trainSubset(ParamValues values) throws Exception {
        LabeledData head = LessonData.head(env().mnist().train(), values.getInt("train_size"), "train_size", LessonData.TRAIN);
        LessonData.requireClasses(head, "train_size", LessonData.TRAIN, java.util.stream.IntStream.range(0, CLASSES).toArray());
        return head;
    }

    /**
     * The notebook's make_imbalanced: the minority classes keep {@code percent} % of their examples
     * (at least one each). At least one class must stay a majority class.
     */
    private static LabeledData imbalanced(LabeledData balanced, ParamValues values, int percent) {
        java.util.Set<Integer> listed = new java.util.HashSet<>();
        for (int c : values.getIntList("minority_classes")) {
            // "5, 5" is a typo for another list, not a class that is twice as rare
            if (!listed.add(c)) throw new UserException("minority_classes", "error.minority_classes.duplicate", values.text("minority_classes"), c);
        }
        int[] minorityClasses = values.getIntList("minority_classes").stream().mapToInt(Integer::intValue).toArray();
        if (minorityClasses.length >= CLASSES) {
            throw new UserException("minority_classes", "error.minority_classes.all", values.text("minority_classes"), CLASSES);
        }
        return Subsets.imbalance(balanced, minorityClasses, percent / 100.0, values.getInt("data_seed"));
    }

    private static boolean[] minorityMask(ParamValues values) {
        boolean[] m = new boolean[CLASSES];
        for (int c : values.getIntList("minority_classes")) m[c] = true;
        return m;
    }

    private static Strategy strategyNamed(String name) {
        for (Strategy s : Strategy.values()) if (s.id.equals(name)) return s;
        throw new IllegalArgumentException("lesson " + ID + " has no strategy '" + name + "'");
    }


    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    /** Accuracy above the minority classes' recall by more than this is a paradox worth a "but". */
    static final double PARADOX_GAP = 0.1;
    /** Accuracy from which a reader takes the model for good (the notebook's plain model: about 0.9). */
    static final double HIGH_ACCURACY = 0.8;

    /**
     * Which sentence states a strategy's accuracy beside its minority recall (both 0-1): the paradox
     * ("accuracy 0.93 but minority recall 0.45") only where accuracy is high and the minority classes
     * get more than {@link #PARADOX_GAP} less; where both are low, that the minority classes are
     * missed; else that the two agree. One "although" for every row announced a paradox where recall
     * was close (0.914 vs 0.868) or accuracy itself low (0.507 vs 0.000).
     *
     * @return the message key: message.paradox, message.paradox_low or message.paradox_none
     */
    static String paradoxKey(double accuracy, double minorityRecall) {
        if (accuracy - minorityRecall <= PARADOX_GAP) return "message.paradox_none";
        return accuracy >= HIGH_ACCURACY ? "message.paradox" : "message.paradox_low";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
