package classlab.core.lesson.regularization;

import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.EpochRecorder;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonData;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.probe.BatchNormProbe;
import classlab.core.probe.DropoutMaskProbe;
import classlab.core.train.Batches;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * L3 "regularization" (notebook 000 Part 1, Exercise 1): Dropout and BatchNorm.
 *
 * <ul>
 *   <li>{@code dropout}: a vector of 2.0s through a real DL4J DropoutLayer (five training passes, one
 *       inference pass) and 20×20 masks for p = 0.0, 0.2, 0.5, 0.8 plus the slider's p, all drawn by
 *       DL4J's own Dropout ({@link DropoutMaskProbe}).</li>
 *   <li>{@code batchnorm}: one feature before/after a DL4J BatchNormalization layer (input randn·5+3,
 *       256×128) and the per-feature mean-vs-std scatter ({@link BatchNormProbe}).</li>
 *   <li>{@code experiment}: 784→256→128→64→10 on the MNIST 6,000/1,000 subset with none / Dropout /
 *       BatchNorm / both, Adam 1e-3, batch 256, 30 epochs; live mask and live pre/post-BN histograms of a
 *       hidden layer, sampled every {@code probe_every} iterations.</li>
 *   <li>{@code exercise1}: dropout sweep with the train-test gap per p and the best p.</li>
 * </ul>
 *
 * <p>Notebook deviation: the notebook's BatchNorm figure puts a fresh layer in {@code eval()} mode, which
 * normalises with the initial running statistics (mean 0, variance 1) and leaves the input almost
 * unchanged although its title promises μ≈0, σ≈1. This figure uses training mode (batch statistics),
 * which is what the title describes.
 */
public final class RegularizationLesson extends LessonModel {
    public static final String ID = "regularization";

    static final int INPUTS = 784;
    static final List<Integer> HIDDEN = List.of(256, 128, 64);
    static final double[] FIXED_MASK_PS = {0.0, 0.2, 0.5, 0.8};
    private static final int MASK_SIZE = 20;
    private static final int DEMO_UNITS = 10;
    private static final int DEMO_TRAIN_PASSES = 5;
    private static final int BN_ROWS = 256;
    private static final int BN_FEATURES = 128;
    private static final int LIVE_MASK_ROWS = 4;
    private static final int LIVE_BN_ROWS = 256;

    /** The four configurations of the notebook's comparison. */
    enum Config {
        NONE("none", false, false), DROPOUT("dropout", true, false), BATCHNORM("batchnorm", false, true), BOTH("both", true, true);

        final String id;
        final boolean dropout;
        final boolean batchNorm;

        Config(String id, boolean dropout, boolean batchNorm) {
            this.id = id;
            this.dropout = dropout;
            this.batchNorm = batchNorm;
        }
    }

    /** What one trained network reports; {@code gap} = train accuracy − test accuracy (both in inference mode). */
    record Outcome(double trainLoss, double trainAccuracy, double testAccuracy, int epochs) {
        double gap() { return trainAccuracy - testAccuracy; }
    }

    private final ResultTable dropoutDemo;
    private final GridFigure dropoutMasks;
    private final HistogramFigure bnHistogram;
    private final LineFigure bnScatter;
    private final LineFigure trainLoss;
    private final LineFigure testAccuracy;
    private final ResultTable results;
    private final GridFigure liveMask;
    private final HistogramFigure liveBn;
    private final LineFigure sweepCurves;
    private final LineFigure sweepAccuracy;
    private final LineFigure sweepGap;
    private final ResultTable sweepResults;

    public RegularizationLesson(LessonEnvironment env) {
        super(env);
        dropoutDemo = figure("dropout", new ResultTable("dropout_demo", "figure.dropout_demo",
                List.of("column.pass", "column.values", "column.sum", "column.mean")));
        dropoutMasks = figure("dropout", new GridFigure("dropout_masks", "figure.dropout_masks", GridFigure.Palette.BINARY, 5));
        bnHistogram = figure("batchnorm", new HistogramFigure("bn_histogram", "figure.bn_histogram", "axis.activation", 40));
        bnScatter = figure("batchnorm", new LineFigure("bn_scatter", "figure.bn_scatter", "axis.feature_mean", "axis.feature_std")
                .style(LineFigure.Style.SCATTER));
        trainLoss = figure("experiment", new LineFigure("train_loss", "figure.train_loss", "axis.epoch", "axis.train_loss"));
        testAccuracy = figure("experiment", new LineFigure("test_accuracy", "figure.test_accuracy", "axis.epoch", "axis.test_accuracy")
                .yRange(0.7, 1.0));
        results = figure("experiment", new ResultTable("results", "figure.results",
                List.of("column.config", "column.train_loss", "column.train_accuracy", "column.test_accuracy", "column.gap")));
        liveMask = figure("experiment", new GridFigure("live_mask", "figure.live_mask", GridFigure.Palette.HEAT, LIVE_MASK_ROWS));
        liveBn = figure("experiment", new HistogramFigure("live_bn", "figure.live_bn", "axis.activation", 50));
        sweepCurves = figure("exercise1", new LineFigure("sweep_curves", "figure.sweep_curves", "axis.epoch", "axis.test_accuracy"));
        sweepAccuracy = figure("exercise1", new LineFigure("sweep_accuracy", "figure.sweep_accuracy", "axis.dropout_p", "axis.accuracy"));
        sweepGap = figure("exercise1", new LineFigure("sweep_gap", "figure.sweep_gap", "axis.dropout_p", "axis.gap"));
        sweepResults = figure("exercise1", new ResultTable("sweep_results", "figure.sweep_results",
                List.of("column.dropout_p", "column.train_accuracy", "column.test_accuracy", "column.gap", "column.note")));
    }

    @Override public String id() { return ID; }

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** The last network trained (softmax over ten digits) classifies drawn digits. */
    private final classlab.core.lesson.TrainedDigits digits = new classlab.core.lesson.TrainedDigits(DIGITS);

    @Override public java.util.Optional<classlab.core.lesson.DigitClassifier> digitClassifier() { return java.util.Optional.of(digits); }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                ParamSpec.integer("epochs", 30, 1, 500),
                CommonParams.batchSize(256),
                CommonParams.lr(0.001),
                CommonParams.trainSize(6000),
                CommonParams.testSize(1000),
                ParamSpec.real("demo_p", 0.5, 0.0, 0.95).in("dropout").asDemo(),
                ParamSpec.real("dropout_p", 0.3, 0.0, 0.95).in("experiment"),
                ParamSpec.integer("probe_every", 10, 1, 10000).in("experiment"),
                ParamSpec.integer("probe_layer", 1, 1, HIDDEN.size()).in("experiment"),
                ParamSpec.realList("sweep_p", "0.0, 0.1, 0.3, 0.5, 0.7", 0.0, 0.95).in("exercise1"));
    }

    @Override public List<Experiment> experiments() {
        List<Experiment> list = new ArrayList<>();
        list.add(new Experiment("all_four", "experiment", true));
        for (Config c : Config.values()) list.add(new Experiment(c.id, "experiment", false));
        list.add(new Experiment("dropout_sweep", "exercise1", false));
        return list;
    }

    /** all_four trains the four configurations, so a full run does not train them again one by one. */
    @Override public List<Experiment> experimentsOfAFullRun() {
        return experiments().stream().filter(e -> Arrays.stream(Config.values()).noneMatch(c -> c.id.equals(e.name()))).toList();
    }

    // ---------------------------------------------------------------- instant demos

    @Override public void updateDemos(ParamValues values) {
        long seed = values.getInt("seed");
        double p = values.getDouble("demo_p");
        Nd4jSeeds.seedGlobal(seed);
        fillDropoutDemo(p);
        fillMasks(p);
        fillBatchNormFigures(seed);
    }

    private void fillDropoutDemo(double p) {
        double[] twos = new double[DEMO_UNITS];
        Arrays.fill(twos, 2.0);
        double[][] passes = DropoutMaskProbe.passes(p, twos, DEMO_TRAIN_PASSES);
        dropoutDemo.clear();
        dropoutDemo.putRow("input", "message.input", vectorText(twos), sum(twos), sum(twos) / DEMO_UNITS);
        for (int i = 0; i < DEMO_TRAIN_PASSES; i++) {
            dropoutDemo.putRow("train" + (i + 1), LessonStrings.message("message.train_pass", i + 1), vectorText(passes[i]),
                    sum(passes[i]), sum(passes[i]) / DEMO_UNITS);
        }
        double[] eval = passes[DEMO_TRAIN_PASSES];
        dropoutDemo.putRow("eval", "message.eval_pass", vectorText(eval), sum(eval), sum(eval) / DEMO_UNITS);
    }

    private void fillMasks(double sliderP) {
        List<GridFigure.Panel> panels = new ArrayList<>();
        for (double p : FIXED_MASK_PS) panels.add(maskPanel(p, false));
        panels.add(maskPanel(sliderP, true));
        dropoutMasks.setPanels(panels);
    }

    private GridFigure.Panel maskPanel(double p, boolean slider) {
        double[][] mask = DropoutMaskProbe.mask(p, MASK_SIZE, MASK_SIZE);
        String caption = LessonStrings.message(slider ? "message.mask_caption_slider" : "message.mask_caption",
                pText(p), fmt(100 * DropoutMaskProbe.activeShare(mask), 1));
        return new GridFigure.Panel(caption, mask);
    }

    private void fillBatchNormFigures(long seed) {
        Nd4jSeeds.seedGlobal(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, BN_ROWS, BN_FEATURES).muli(5).addi(3);
        BatchNormProbe.PrePost r = BatchNormProbe.standalone(x, true);
        bnHistogram.set("series.before_bn", r.preFeature(0));
        bnHistogram.set("series.after_bn", r.postFeature(0));
        // torch.std is the unbiased estimate; the notebook plots it.
        bnScatter.series("series.before_bn").set(BatchNormProbe.featureMeans(r.pre()), BatchNormProbe.featureStds(r.pre(), true));
        bnScatter.series("series.after_bn").set(BatchNormProbe.featureMeans(r.post()), BatchNormProbe.featureStds(r.post(), true));
    }

    // ---------------------------------------------------------------- training

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of valid ones
        MnistData mnist = env().mnist();
        LabeledData trainData = LessonData.head(mnist.train(), values.getInt("train_size"), "train_size", LessonData.TRAIN);
        LabeledData testData = LessonData.head(mnist.test(), values.getInt("test_size"), "test_size", LessonData.TEST);
        Batches train = Batches.of(trainData, Batches.LabelEncoding.ONE_HOT);
        Batches test = Batches.of(testData, Batches.LabelEncoding.ONE_HOT);

        if (experiment.equals("dropout_sweep")) return runSweep(values, train, test, control);

        Map<String, Double> metrics = new LinkedHashMap<>();
        if (experiment.equals("all_four")) {
            int epochs = 0;
            control.plan(Config.values().length);
            for (Config c : Config.values()) {
                Outcome o = runConfig(c, values, train, test, control);
                putMetrics(metrics, o, "_" + c.id);
                epochs = Math.max(epochs, o.epochs());
            }
            return new ExperimentResult(experiment, epochs, metrics);
        }
        Config config = configNamed(experiment);
        Outcome o = runConfig(config, values, train, test, control);
        putMetrics(metrics, o, "");
        return new ExperimentResult(experiment, o.epochs(), metrics);
    }

    private Outcome runConfig(Config c, ParamValues values, Batches train, Batches test, RunControl control) {
        double p = c.dropout ? values.getDouble("dropout_p") : 0.0;
        NetSpec spec = spec(values, p, c.batchNorm);
        String series = "series." + c.id;
        trainLoss.removeSeries(series);
        testAccuracy.removeSeries(series);
        Outcome o = train(c.id, spec, values, train, test, control, trainLoss.series(series), testAccuracy.series(series), true);
        results.putRow(c.id, series, o.trainLoss(), o.trainAccuracy(), o.testAccuracy(), o.gap());
        return o;
    }

    private ExperimentResult runSweep(ParamValues values, Batches train, Batches test, RunControl control) {
        List<Double> ps = values.getDoubleList("sweep_p");
        sweepCurves.clear();
        sweepAccuracy.clear();
        sweepGap.clear();
        sweepResults.clear();
        List<Outcome> outcomes = new ArrayList<>();
        control.plan(ps.size());
        for (double p : ps) {
            String label = "p=" + pText(p);
            NetSpec spec = spec(values, p, false);
            Outcome o = train("dropout_p" + pText(p), spec, values, train, test, control, null, sweepCurves.series(label), false);
            outcomes.add(o);
            sweepAccuracy.series("series.train_accuracy").add(p, o.trainAccuracy());
            sweepAccuracy.series("series.test_accuracy").add(p, o.testAccuracy());
            sweepGap.series("series.gap").add(p, o.gap());
            sweepResults.putRow(label, pText(p), o.trainAccuracy(), o.testAccuracy(), o.gap(), ""); // shown at once; notes follow
        }
        int best = bestIndex(outcomes);
        int smallestGap = 0;
        for (int i = 1; i < outcomes.size(); i++) if (outcomes.get(i).gap() < outcomes.get(smallestGap).gap()) smallestGap = i;
        for (int i = 0; i < ps.size(); i++) {
            String note = i == best && i == smallestGap ? "message.best_and_smallest_gap"
                    : i == best ? "message.best_test_accuracy"
                    : i == smallestGap ? "message.smallest_gap" : "";
            Outcome o = outcomes.get(i);
            sweepResults.putRow("p=" + pText(ps.get(i)), pText(ps.get(i)), o.trainAccuracy(), o.testAccuracy(), o.gap(), note);
        }
        Outcome b = outcomes.get(best);
        sweepResults.putRow("best", "column.best_p", "", "", "",
                LessonStrings.message("message.best_p", pText(ps.get(best)), fmt(b.testAccuracy(), 4), fmt(b.gap(), 4)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("best_p", ps.get(best));
        putMetrics(metrics, b, "");
        return new ExperimentResult("dropout_sweep", b.epochs(), metrics);
    }

    /** The p with the highest test accuracy; ties go to the smaller train-test gap (then the earlier p). */
    static int bestIndex(List<Outcome> outcomes) {
        int best = 0;
        for (int i = 1; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i), b = outcomes.get(best);
            if (o.testAccuracy() > b.testAccuracy() || (o.testAccuracy() == b.testAccuracy() && o.gap() < b.gap())) best = i;
        }
        return best;
    }

    /**
     * Trains one network for {@code epochs}, logging {@code train_loss} and {@code test_accuracy} per
     * epoch under {@code name} and filling the given series live (either may be null).
     */
    private Outcome train(String name, NetSpec spec, ParamValues values, Batches train, Batches test, RunControl control,
                          LineFigure.Series lossSeries, LineFigure.Series accuracySeries, boolean liveProbes) {
        long seed = values.getInt("seed");
        int epochs = values.getInt("epochs");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, control, values.getInt("batch_size"), seed);
        if (liveProbes) {
            // Figures of the previous configuration would pass for this one's: say what is absent instead.
            if (spec.dropoutP() <= 0) {
                liveMask.setPanels(List.of(new GridFigure.Panel(
                        LessonStrings.message("message.live_mask_no_dropout", "series." + name), new double[0][0])));
            }
            if (!spec.batchNorm()) liveBn.clear();
            if (spec.dropoutP() > 0 || spec.batchNorm()) trainer.onIteration(liveProbe(name, spec, net, values, train));
        }
        EpochRecorder rec = new EpochRecorder(name, control, epochs)
                .plot("train_loss", lossSeries)
                .plot("test_accuracy", accuracySeries)
                .watch("train_loss", "test_accuracy", EpochRecorder.chanceAccuracy(test.data().labels()))
                .watchWeights(net);
        double loss = Double.NaN;
        double testAcc = Double.NaN;
        for (int e = 1; e <= epochs; e++) {
            loss = trainer.fitEpoch(train);
            testAcc = Trainer.accuracy(net, test, false, false);
            rec.record(e, "train_loss", loss);
            rec.record(e, "test_accuracy", testAcc);
            rec.endEpoch(e);
        }
        double trainAcc = Trainer.accuracy(net, train, false, false);
        digits.trained(net, NetSpec.Output.SOFTMAX_CE, DIGITS);
        control.log(name, epochs, "train_accuracy", trainAcc);
        control.log(name, epochs, "gap", trainAcc - testAcc);
        return new Outcome(loss, trainAcc, testAcc, epochs);
    }

    /** Samples the chosen hidden block's dropout mask and pre/post-BN activations every {@code probe_every} iterations. */
    private Trainer.IterationHook liveProbe(String name, NetSpec spec, MultiLayerNetwork net, ParamValues values, Batches train) {
        NetBuilder.HiddenBlock block = NetBuilder.hiddenBlocks(spec).get(values.getInt("probe_layer") - 1);
        int every = values.getInt("probe_every");
        INDArray maskProbe = rows(train.features(), LIVE_MASK_ROWS);
        INDArray bnProbe = rows(train.features(), LIVE_BN_ROWS);
        return (iteration, epoch, loss) -> {
            if (iteration != 1 && iteration % every != 0) return;   // the first one too: short runs still show a sample
            if (block.dropout() >= 0) {
                DropoutMaskProbe.LiveMask live = DropoutMaskProbe.liveMask(net, block.dropout(), maskProbe);
                List<GridFigure.Panel> panels = new ArrayList<>();
                for (int r = 0; r < live.kept().length; r++) {
                    panels.add(new GridFigure.Panel(LessonStrings.message("message.live_mask_caption", "series." + name,
                            r + 1, iteration, fmt(100 * live.keptShare(r), 1)), DropoutMaskProbe.asGrid(maskCells(live.kept()[r]))));
                }
                liveMask.setPanels(panels);
            }
            if (block.batchNorm() >= 0) {
                BatchNormProbe.PrePost pp = BatchNormProbe.of(net, block.batchNorm(), bnProbe, true);
                liveBn.set("series.pre_bn", pp.preFlat());
                liveBn.set("series.post_bn", pp.postFlat());
            }
        };
    }

    /** Kept = 1, dropped = 0, undecidable (input already 0 after ReLU) = 0.5, so the grid has no NaN cells. */
    private static double[] maskCells(double[] kept) {
        double[] cells = new double[kept.length];
        for (int i = 0; i < kept.length; i++) cells[i] = Double.isNaN(kept[i]) ? 0.5 : kept[i];
        return cells;
    }

    static NetSpec spec(ParamValues values, double dropoutP, boolean batchNorm) {
        return NetSpec.mlp(INPUTS, HIDDEN, NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM,
                        values.getDouble("lr"), values.getInt("seed"))
                .withDropout(dropoutP)
                .withBatchNorm(batchNorm);
    }

    private static Config configNamed(String name) {
        for (Config c : Config.values()) if (c.id.equals(name)) return c;
        throw new IllegalArgumentException("lesson " + ID + " has no configuration '" + name + "'");
    }

    private static void putMetrics(Map<String, Double> metrics, Outcome o, String suffix) {
        metrics.put("test_accuracy" + suffix, o.testAccuracy());
        metrics.put("train_accuracy" + suffix, o.trainAccuracy());
        metrics.put("train_loss" + suffix, o.trainLoss());
        metrics.put("gap" + suffix, o.gap());
    }


    private static INDArray rows(INDArray features, int n) {
        return features.get(NDArrayIndex.interval(0, Math.min(n, features.size(0))), NDArrayIndex.all()).dup();
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private static String vectorText(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(fmt(v[i], 1));
        }
        return sb.append(']').toString();
    }

    /** A drop probability as the notebook prints it: 0.0, 0.3, 0.25. */
    static String pText(double p) {
        String s = java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
