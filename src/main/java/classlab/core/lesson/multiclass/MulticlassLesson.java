package classlab.core.lesson.multiclass;

import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import classlab.core.data.Subsets;
import classlab.core.figure.BarFigure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.EpochRecorder;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.metrics.ConfusionMatrix;
import classlab.core.metrics.Predictions;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Batches;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import classlab.core.train.loss.Losses;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * L2 "sigmoid to softmax" (notebook 001 §4). Section {@code playground}: instant figures for
 * chosen logits (sigmoid, softmax, BCE on σ(z) equal to BCE-with-logits on z, one-hot codes, and
 * the notebook's two "which output, which loss" tables with the chosen row marked). Section
 * {@code binary_logits} (§4A): MNIST 0/1 trained twice from the same initial weights, once as
 * sigmoid + BCE and once as logits + BCEWithLogits; the accuracy curves coincide. Section
 * {@code three_class} (§4C): MNIST 0/1/2, 784→32 ReLU→3 logits, CrossEntropy, Adam, full batch.
 */
public final class MulticlassLesson extends LessonModel {
    public static final String ID = "multiclass";
    public static final String PLAYGROUND = "playground";
    public static final String BINARY_LOGITS = "binary_logits";
    public static final String THREE_CLASS = "three_class";

    /** The notebook's three nominal categories (§4B). */
    static final List<String> ANIMALS = List.of("category.dog", "category.cat", "category.rabbit");
    static final String SELECTED = "✔";
    private static final int HIDDEN = 32;
    private static final int CONFUSION_EVERY = 10;
    private static final int CURVE_POINTS = 201;

    private final LineFigure sigmoidCurve;
    private final BarFigure softmaxBars;
    private final ResultTable bceCheck;
    private final ResultTable pytorchLosses;
    private final ResultTable conceptLosses;
    private final ResultTable oneHot;
    private final LineFigure binaryAccuracy;
    private final LineFigure binaryLoss;
    private final ResultTable binaryPrintout;
    private final LineFigure threeLoss;
    private final LineFigure threeAccuracy;
    private final GridFigure confusion;

    public MulticlassLesson(LessonEnvironment env) {
        super(env);
        sigmoidCurve = figure(PLAYGROUND, new LineFigure("sigmoid", "figure.sigmoid", "axis.logit", "axis.probability"))
                .yRange(0.0, 1.0);
        softmaxBars = figure(PLAYGROUND, new BarFigure("softmax", "figure.softmax", "axis.category", "axis.probability"));
        bceCheck = figure(PLAYGROUND, new ResultTable("bce_check", "figure.bce_check",
                List.of("column.quantity", "column.value")));
        pytorchLosses = figure(PLAYGROUND, new ResultTable("pytorch_losses", "figure.pytorch_losses",
                List.of("column.task", "column.netout", "column.loss", "column.selected")));
        conceptLosses = figure(PLAYGROUND, new ResultTable("concept_losses", "figure.concept_losses",
                List.of("column.task", "column.error_assumption", "column.last_activation", "column.loss", "column.selected")));
        oneHot = figure(PLAYGROUND, new ResultTable("one_hot", "figure.one_hot",
                List.of("column.category", "column.integer_code", "column.one_hot")));
        binaryAccuracy = figure(BINARY_LOGITS, new LineFigure("binary_logits_accuracy", "figure.binary_logits_accuracy",
                "axis.epoch", "axis.accuracy"));
        binaryLoss = figure(BINARY_LOGITS, new LineFigure("binary_logits_loss", "figure.binary_logits_loss",
                "axis.epoch", "axis.loss"));
        binaryPrintout = figure(BINARY_LOGITS, new ResultTable("binary_logits_printout", "figure.binary_logits_printout",
                List.of("column.epoch", "column.sigmoid_bce_accuracy", "column.logit_bce_accuracy")));
        threeLoss = figure(THREE_CLASS, new LineFigure("three_class_loss", "figure.loss", "axis.epoch", "axis.loss"));
        threeAccuracy = figure(THREE_CLASS, new LineFigure("three_class_accuracy", "figure.accuracy", "axis.epoch", "axis.accuracy"));
        confusion = figure(THREE_CLASS, new GridFigure("three_class_confusion", "figure.confusion", GridFigure.Palette.HEAT, 2).large(true));
    }

    @Override public String id() { return ID; }

    /** The last network trained (0 vs 1 with logits, or 0/1/2 with softmax) classifies drawn digits. */
    private final classlab.core.lesson.TrainedDigits digits = new classlab.core.lesson.TrainedDigits(List.of("0", "1", "2"));

    @Override public java.util.Optional<classlab.core.lesson.DigitClassifier> digitClassifier() { return java.util.Optional.of(digits); }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("z1", 2.0, -10, 10).in(PLAYGROUND).asDemo(),
                ParamSpec.real("z2", 1.0, -10, 10).in(PLAYGROUND).asDemo(),
                ParamSpec.real("z3", 0.1, -10, 10).in(PLAYGROUND).asDemo(),
                ParamSpec.real("z", 0.3, -10, 10).in(PLAYGROUND).asDemo(),
                ParamSpec.integer("y", 1, 0, 1).in(PLAYGROUND).asDemo(),
                ParamSpec.choice("task", "binary", "binary", "multiclass").in(PLAYGROUND).asDemo(),
                ParamSpec.choice("output", "prob", "prob", "logit").in(PLAYGROUND).asDemo(),
                ParamSpec.integer("binary_seed", 0, 0, Integer.MAX_VALUE).in(BINARY_LOGITS),
                ParamSpec.integer("binary_epochs", 10, 1, 1000).in(BINARY_LOGITS),
                ParamSpec.real("binary_lr", 0.001, 1e-6, 1e20).in(BINARY_LOGITS),
                CommonParams.seed(43052).in(THREE_CLASS),
                ParamSpec.integer("epochs", 100, 1, 5000).in(THREE_CLASS),
                CommonParams.lr(0.001).in(THREE_CLASS));
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment(BINARY_LOGITS, BINARY_LOGITS, false),
                new Experiment(THREE_CLASS, THREE_CLASS, true));
    }

    // ---------------------------------------------------------------- playground

    @Override public void updateDemos(ParamValues values) {
        double z = values.getDouble("z");
        int y = values.getInt("y");
        drawSigmoid(z);

        double[] probs = Predictions.softmax(new double[][] {
            {values.getDouble("z1"), values.getDouble("z2"), values.getDouble("z3")}})[0];
        softmaxBars.setGroup("series.softmax_probability", ANIMALS, probs);

        // PyTorch semantics (math branch's reference losses): BCELoss on σ(z), BCEWithLogitsLoss on z
        double p = Losses.sigmoid(z);
        double viaProbability = Losses.binaryCrossEntropy(new double[] {p}, new double[] {y});
        double viaLogit = Losses.binaryCrossEntropyWithLogits(new double[] {z}, new double[] {y});
        bceCheck.putRow("sigmoid", "σ(z)", p);
        bceCheck.putRow("bce", "BCELoss(σ(z), y)", viaProbability);
        bceCheck.putRow("bce_with_logits", "BCEWithLogitsLoss(z, y)", viaLogit);
        bceCheck.putRow("difference", "cell.difference", Math.abs(viaProbability - viaLogit));
        bceCheck.putRow("softmax_sum", "cell.softmax_sum", probs[0] + probs[1] + probs[2]);

        String task = values.getString("task");
        String output = values.getString("output");
        fillPytorchTable(task, output);
        fillConceptTable(task);
        fillOneHot();
    }

    private void drawSigmoid(double z) {
        double[] xs = new double[CURVE_POINTS];
        double[] ps = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            xs[i] = -10 + 20.0 * i / (CURVE_POINTS - 1);
            ps[i] = Losses.sigmoid(xs[i]);
        }
        double p = Losses.sigmoid(z);
        // markers and levels only accumulate, so the figure is rebuilt on every change
        sigmoidCurve.clear();
        sigmoidCurve.series("series.sigmoid").set(xs, ps);
        sigmoidCurve.series("series.chosen_logit").set(new double[] {z}, new double[] {p});
        sigmoidCurve.addMarker("marker.z", z);
        sigmoidCurve.addLevel("marker.sigmoid_z", p);
    }

    /** The notebook's "PyTorch version" table; the row matching (task, output) is marked. */
    private void fillPytorchTable(String task, String output) {
        row(pytorchLosses, "binary_prob", "cell.binary", "prob", "BCELoss", task.equals("binary") && output.equals("prob"));
        row(pytorchLosses, "binary_logit", "cell.binary", "logit", "BCEWithLogitsLoss", task.equals("binary") && output.equals("logit"));
        row(pytorchLosses, "multiclass_prob", "cell.multiclass", "probs", "NA", task.equals("multiclass") && output.equals("prob"));
        row(pytorchLosses, "multiclass_logit", "cell.multiclass", "logits", "CrossEntropyLoss",
                task.equals("multiclass") && output.equals("logit"));
    }

    private static void row(ResultTable t, String key, String taskCell, String netout, String loss, boolean selected) {
        t.putRow(key, taskCell, netout, loss, selected ? SELECTED : "");
    }

    /** The notebook's "general concept" table; the chosen task's row is marked. */
    private void fillConceptTable(String task) {
        conceptLosses.putRow("binary", "cell.binary", "cell.binomial", "sigmoid", "Binary Cross Entropy",
                task.equals("binary") ? SELECTED : "");
        conceptLosses.putRow("multiclass", "cell.multiclass", "cell.multinomial", "softmax", "Cross Entropy",
                task.equals("multiclass") ? SELECTED : "");
    }

    private void fillOneHot() {
        for (int k = 0; k < ANIMALS.size(); k++) {
            int[] code = new int[ANIMALS.size()];
            code[k] = 1;
            oneHot.putRow(ANIMALS.get(k), ANIMALS.get(k), k, Arrays.toString(code));
        }
    }

    // ---------------------------------------------------------------- training

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of known ones
        MnistData mnist = env().mnist();
        if (experiment.equals(BINARY_LOGITS)) return runBinaryLogits(mnist, values, control);
        return runThreeClass(mnist, values, control);
    }

    /**
     * §4A: the same net trained as sigmoid + BCELoss and as logits + BCEWithLogitsLoss, epoch by
     * epoch side by side, both starting from the same weights. Training images only,
     * as in the notebook ("no test set needed").
     */
    private ExperimentResult runBinaryLogits(MnistData mnist, ParamValues values, RunControl control) {
        binaryAccuracy.clear();
        binaryLoss.clear();
        binaryPrintout.clear();
        LabeledData data = Subsets.filterClasses(mnist.train(), 0, 1);
        Batches train = Batches.of(data, Batches.LabelEncoding.BINARY_COLUMN);
        int epochs = values.getInt("binary_epochs");
        long seed = values.getInt("binary_seed");
        double lr = values.getDouble("binary_lr");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork sigmoidNet = NetBuilder.build(NetSpec.mlp(784, List.of(HIDDEN), NetSpec.Output.SIGMOID_BCE, 1,
                NetSpec.Optimizer.ADAM, lr, seed));
        MultiLayerNetwork logitNet = NetBuilder.build(NetSpec.mlp(784, List.of(HIDDEN), NetSpec.Output.LOGIT_BCE, 1,
                NetSpec.Optimizer.ADAM, lr, seed));
        // Same layout, so the logit net can start from the sigmoid net's weights. Copying (rather
        // than relying on the seed) is needed: ND4J 1.0.0-M2.1's global RNG does not reliably
        // restart after setSeed, so two builds with one seed can get different weights.
        logitNet.setParams(sigmoidNet.params().dup());
        // named as the epoch charts name them: the live loss chart's two curves read and are coloured alike
        Trainer sigmoidTrainer = new Trainer(sigmoidNet, control, 0, seed).label(BINARY_LOGITS + " · sigmoid_bce");
        Trainer logitTrainer = new Trainer(logitNet, control, 0, seed).label(BINARY_LOGITS + " · logit_bce");
        EpochRecorder rec = new EpochRecorder(BINARY_LOGITS, control, epochs)
                .plot("sigmoid_train_accuracy", binaryAccuracy.series("series.sigmoid_bce"))  // legend order
                .plot("train_accuracy", binaryAccuracy.series("series.logit_bce"))
                .plot("sigmoid_train_loss", binaryLoss.series("series.sigmoid_bce"))
                .plot("train_loss", binaryLoss.series("series.logit_bce"))
                .watch("train_loss", "train_accuracy", EpochRecorder.chanceAccuracy(data.labels()))
                .watchWeights(logitNet);
        double maxGap = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double sigmoidLoss = sigmoidTrainer.fitEpoch(train);
            double logitLoss = logitTrainer.fitEpoch(train);
            double accS = Trainer.accuracy(sigmoidNet, train, false, false);  // prob > 0.5
            double accL = Trainer.accuracy(logitNet, train, false, true);     // logit > 0
            maxGap = Math.max(maxGap, Math.abs(accS - accL));
            binaryPrintout.putRow(Integer.toString(epoch), epoch, accS, accL);
            rec.record(epoch, "train_loss", logitLoss);
            rec.record(epoch, "train_accuracy", accL);
            rec.record(epoch, "sigmoid_train_loss", sigmoidLoss);
            rec.record(epoch, "sigmoid_train_accuracy", accS);
            rec.endEpoch(epoch);
        }
        digits.trained(logitNet, NetSpec.Output.LOGIT_BCE, List.of("0", "1"));
        return rec.result(epochs, Map.of("max_accuracy_gap", maxGap));
    }

    /** §4C: three digits, logits + CrossEntropyLoss (softmax inside the loss), Adam, full batch. */
    private ExperimentResult runThreeClass(MnistData mnist, ParamValues values, RunControl control) {
        threeLoss.clear();
        threeAccuracy.clear();
        confusion.clear();
        Batches train = Batches.of(Subsets.filterClasses(mnist.train(), 0, 1, 2), Batches.LabelEncoding.ONE_HOT);
        Batches test = Batches.of(Subsets.filterClasses(mnist.test(), 0, 1, 2), Batches.LabelEncoding.ONE_HOT);
        int epochs = values.getInt("epochs");
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = NetBuilder.build(NetSpec.mlp(784, List.of(HIDDEN), NetSpec.Output.SOFTMAX_CE, 3,
                NetSpec.Optimizer.ADAM, values.getDouble("lr"), seed));
        Trainer trainer = new Trainer(net, control, 0, seed);
        EpochRecorder rec = new EpochRecorder(THREE_CLASS, control, epochs)
                .plot("train_loss", threeLoss.series("series.train_loss"))
                .plot("test_loss", threeLoss.series("series.test_loss"))
                .plot("train_accuracy", threeAccuracy.series("series.train_accuracy"))
                .plot("test_accuracy", threeAccuracy.series("series.test_accuracy"))
                .watch("train_loss", "train_accuracy", EpochRecorder.chanceAccuracy(train.data().labels()))
                .watchWeights(net);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double trainLoss = trainer.fitEpoch(train);
            double testLoss = Trainer.loss(net, test);
            int[] trainPred = Trainer.predictions(net, train.features(), false, false);
            int[] testPred = Trainer.predictions(net, test.features(), false, false);
            ConfusionMatrix trainCm = ConfusionMatrix.of(train.data().labels(), trainPred, 3);
            ConfusionMatrix testCm = ConfusionMatrix.of(test.data().labels(), testPred, 3);
            rec.record(epoch, "train_loss", trainLoss);
            rec.record(epoch, "train_accuracy", trainCm.accuracy());
            rec.record(epoch, "test_loss", testLoss);
            rec.record(epoch, "test_accuracy", testCm.accuracy());
            if (epoch % CONFUSION_EVERY == 0 || epoch == epochs) {
                String[] names = train.data().classNames();
                confusion.setPanels(List.of(panel("train", epoch, trainCm, names), panel("test", epoch, testCm, names)));
            }
            rec.endEpoch(epoch);
        }
        digits.trained(net, NetSpec.Output.SOFTMAX_CE, List.of("0", "1", "2"));
        return rec.result(epochs, Map.of());
    }

    /** A confusion-matrix panel: rows = true digit, columns = predicted digit, counts shown. */
    private static GridFigure.Panel panel(String split, int epoch, ConfusionMatrix cm, String[] names) {
        long[][] counts = cm.toArray();
        double[][] values = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) values[r] = Arrays.stream(counts[r]).asDoubleStream().toArray();
        String caption = LessonStrings.message("message.confusion_caption", "message.split_" + split, epoch,
                String.format(Locale.ROOT, "%.4f", cm.accuracy()));
        return new GridFigure.Panel(caption, values, names, names, true);
    }
}
