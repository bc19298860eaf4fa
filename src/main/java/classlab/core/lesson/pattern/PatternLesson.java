package classlab.core.lesson.pattern;

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
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Batches;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * L1 "the training pattern" (notebook 001 §3): MNIST 0 vs 1 with 784→32 ReLU→1 sigmoid, BCE and
 * plain SGD, written four ways. {@code full_batch} is the bare step 1-4 loop; {@code dropout} adds
 * Dropout(0.9) and the train()/eval() switch, and shows the accuracy a forgotten {@code eval()}
 * would print; {@code backend} reports the ND4J backend doing the work (the notebook's GPU
 * section) and the seconds per epoch; {@code minibatch} trains on batches of 16 and accumulates the
 * accuracy over batches. The section {@code summary} compares the variants that have run.
 *
 * <p>The notebook's optimiser is {@code torch.optim.SGD(net.parameters())}, i.e. PyTorch's default
 * lr 0.001. With DL4J's U(±1/√fan_in) weights that default reaches the notebook's 0.99 train
 * accuracy (measured on mnist-mini: 0.983 at epoch 200, 0.995 from epoch 350; test 0.995 at 500),
 * so it stays the default.
 */
public final class PatternLesson extends LessonModel {
    public static final String ID = "pattern";
    public static final String FULL_BATCH = "full_batch";
    public static final String DROPOUT = "dropout";
    public static final String BACKEND = "backend";
    public static final String MINIBATCH = "minibatch";
    public static final String SUMMARY = "summary";

    /** The notebook prints the accuracy every 50 epochs. */
    static final int PRINT_EVERY = 50;
    private static final int HIDDEN = 32;

    private final Map<String, RunFigures> figures = new LinkedHashMap<>();
    private final ResultTable backendTable;
    private final LineFigure minibatchLoss;
    private final LineFigure minibatchAccuracy;
    private final ResultTable minibatchPrintout;
    private final ResultTable variants;
    private final BarFigure variantsBar;
    private Batches train;
    private Batches test;

    /** The figures of one experiment's section. */
    private static final class RunFigures {
        final LineFigure loss;
        final LineFigure accuracy;
        final ResultTable printout;

        RunFigures(LineFigure loss, LineFigure accuracy, ResultTable printout) {
            this.loss = loss;
            this.accuracy = accuracy;
            this.printout = printout;
        }

        void clear() {
            loss.clear();
            accuracy.clear();
            printout.clear();
        }
    }

    public PatternLesson(LessonEnvironment env) {
        super(env);
        figures.put(FULL_BATCH, fullBatchFigures(FULL_BATCH, false));
        figures.put(DROPOUT, fullBatchFigures(DROPOUT, true));
        backendTable = figure(BACKEND, new ResultTable("backend_info", "figure.backend_info",
                List.of("column.property", "column.value")));
        figures.put(BACKEND, fullBatchFigures(BACKEND, true));
        minibatchLoss = figure(MINIBATCH, new LineFigure("minibatch_loss", "figure.minibatch_loss", "axis.iteration", "axis.loss"));
        minibatchAccuracy = figure(MINIBATCH, new LineFigure("minibatch_accuracy", "figure.accuracy", "axis.epoch", "axis.accuracy"));
        minibatchPrintout = figure(MINIBATCH, new ResultTable("minibatch_printout", "figure.minibatch_printout",
                List.of("column.epoch", "column.accumulated_accuracy", "column.test_accuracy")));
        variants = figure(SUMMARY, new ResultTable("variants", "figure.variants",
                List.of("column.variant", "column.train_accuracy", "column.test_accuracy")));
        variantsBar = figure(SUMMARY, new BarFigure("variants_bar", "figure.variants", "axis.variant", "axis.accuracy"));
    }

    private RunFigures fullBatchFigures(String section, boolean dropout) {
        LineFigure loss = figure(section, new LineFigure(section + "_loss", "figure.loss", "axis.epoch", "axis.loss"));
        LineFigure accuracy = figure(section, new LineFigure(section + "_accuracy",
                dropout ? "figure.dropout_accuracy" : "figure.accuracy", "axis.epoch", "axis.accuracy"));
        List<String> columns = dropout
                ? List.of("column.epoch", "column.train_accuracy", "column.train_mode_accuracy")
                : List.of("column.epoch", "column.train_accuracy");
        ResultTable printout = figure(section, new ResultTable(section + "_printout", "figure.printout", columns));
        return new RunFigures(loss, accuracy, printout);
    }

    @Override public String id() { return ID; }

    /**
     * Section D draws its own loss per mini-batch, live, from the same losses: the pane's live chart
     * there would repeat it curve for curve beside it.
     */
    @Override public boolean showsIterationLoss(String section) { return !section.equals(MINIBATCH); }

    /** The last network trained (0 vs 1, one sigmoid column) classifies drawn digits. */
    private final classlab.core.lesson.TrainedDigits digits = new classlab.core.lesson.TrainedDigits(List.of("0", "1"));

    @Override public java.util.Optional<classlab.core.lesson.DigitClassifier> digitClassifier() { return java.util.Optional.of(digits); }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(1),
                ParamSpec.integer("epochs", 500, 1, 5000),
                CommonParams.lr(0.001),
                ParamSpec.real("dropout_p", 0.9, 0, 0.99),
                CommonParams.batchSize(16).in(MINIBATCH),
                ParamSpec.integer("minibatch_epochs", 2, 1, 100).in(MINIBATCH),
                ParamSpec.real("minibatch_dropout_p", 0.5, 0, 0.99).in(MINIBATCH));
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment(FULL_BATCH, FULL_BATCH, true),
                new Experiment(DROPOUT, DROPOUT, false),
                new Experiment(BACKEND, BACKEND, false),
                new Experiment(MINIBATCH, MINIBATCH, false));
    }

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of known ones
        loadData();
        switch (experiment) {
            case FULL_BATCH: return runFullBatch(FULL_BATCH, 0, values, control);
            case DROPOUT: return runFullBatch(DROPOUT, values.getDouble("dropout_p"), values, control);
            case BACKEND: return runFullBatch(BACKEND, values.getDouble("dropout_p"), values, control);
            default: return runMinibatch(values, control);
        }
    }

    /** MNIST 0 and 1 from train and test, labels 0/1 as one sigmoid column; built once per model. */
    private void loadData() throws Exception {
        if (train != null) return;
        MnistData mnist = env().mnist();
        LabeledData tr = Subsets.filterClasses(mnist.train(), 0, 1);
        LabeledData te = Subsets.filterClasses(mnist.test(), 0, 1);
        train = Batches.of(tr, Batches.LabelEncoding.BINARY_COLUMN);
        test = Batches.of(te, Batches.LabelEncoding.BINARY_COLUMN);
    }

    private static MultiLayerNetwork buildNet(ParamValues values, double dropoutP, long seed) {
        NetSpec spec = NetSpec.mlp(784, List.of(HIDDEN), NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.SGD,
                values.getDouble("lr"), seed).withDropout(dropoutP);
        return NetBuilder.build(spec);
    }

    /** Sections A-C: one SGD step on all training images per epoch. */
    private ExperimentResult runFullBatch(String experiment, double dropoutP, ParamValues values, RunControl control) {
        RunFigures f = figures.get(experiment);
        f.clear();
        boolean dropout = !experiment.equals(FULL_BATCH);  // sections B and C read out both modes
        boolean timed = experiment.equals(BACKEND);
        BackendInfo backend = timed ? BackendInfo.current() : null;
        if (timed) {
            backendTable.clear();
            fillBackendTable(backend);
        }
        int epochs = values.getInt("epochs");
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = buildNet(values, dropoutP, seed);
        Trainer trainer = new Trainer(net, control, 0, seed);
        EpochRecorder rec = new EpochRecorder(experiment, control, epochs)
                .plot("train_loss", f.loss.series("series.train_loss"))
                .plot("train_accuracy", f.accuracy.series("series.train_accuracy"))
                .plot("train_mode_accuracy", dropout ? f.accuracy.series("series.train_mode_accuracy") : null)
                .plot("test_accuracy", f.accuracy.series("series.test_accuracy"))
                .watch("train_loss", "train_accuracy", EpochRecorder.chanceAccuracy(train.data().labels()))
                .watchWeights(net);

        double trainAcc = Double.NaN, trainModeAcc = Double.NaN, testAcc = Double.NaN;
        long fitNanos = 0;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long t0 = System.nanoTime();
            double loss = trainer.fitEpoch(train);            // net.train(): step 1-4
            fitNanos += System.nanoTime() - t0;
            trainAcc = Trainer.accuracy(net, train, false, false);   // net.eval()
            testAcc = Trainer.accuracy(net, test, false, false);
            rec.record(epoch, "train_loss", loss);
            rec.record(epoch, "train_accuracy", trainAcc);
            rec.record(epoch, "test_accuracy", testAcc);
            if (dropout) {
                // The readout a forgotten net.eval() would give: Dropout still drops units.
                trainModeAcc = Trainer.accuracy(net, train, true, false);
                rec.record(epoch, "train_mode_accuracy", trainModeAcc);
            }
            if (epoch % PRINT_EVERY == 0 || epoch == epochs) {
                if (dropout) f.printout.putRow(Integer.toString(epoch), epoch, trainAcc, trainModeAcc);
                else f.printout.putRow(Integer.toString(epoch), epoch, trainAcc);
                if (timed) fillTiming(epoch, fitNanos, System.nanoTime() - start);
            }
            rec.endEpoch(epoch);
        }
        recordVariant(experiment, trainAcc, testAcc);
        digits.trained(net, NetSpec.Output.SIGMOID_BCE, List.of("0", "1"));
        return rec.result(epochs, timed ? Map.of("seconds_per_epoch", fitNanos / 1e9 / epochs) : Map.of());
    }

    private void fillBackendTable(BackendInfo b) {
        backendTable.putRow("backend", "cell.backend", b.description());
        backendTable.putRow("backend_class", "cell.backend_class", b.backendClass());
        backendTable.putRow("omp_threads", "cell.omp_threads", b.ompThreads());
        backendTable.putRow("cores", "cell.cores", b.cores());
        backendTable.putRow("gpu", "cell.gpu", b.gpuAvailable() ? "cell.gpu_present" : "cell.gpu_absent");
    }

    private void fillTiming(int epochs, long fitNanos, long totalNanos) {
        backendTable.putRow("epochs", "cell.epochs_timed", epochs);
        backendTable.putRow("seconds_per_epoch", "cell.seconds_per_epoch", fitNanos / 1e9 / epochs);
        backendTable.putRow("seconds_per_epoch_with_eval", "cell.seconds_per_epoch_with_eval", totalNanos / 1e9 / epochs);
    }

    /** Section D: shuffled mini-batches; accuracy accumulated over batches in eval mode. */
    private ExperimentResult runMinibatch(ParamValues values, RunControl control) {
        minibatchLoss.clear();
        minibatchAccuracy.clear();
        minibatchPrintout.clear();
        int epochs = values.getInt("minibatch_epochs");
        int batchSize = values.getInt("batch_size");
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        MultiLayerNetwork net = buildNet(values, values.getDouble("minibatch_dropout_p"), seed);
        LineFigure.Series iterationLoss = minibatchLoss.series("series.train_loss");
        EpochRecorder rec = new EpochRecorder(MINIBATCH, control, epochs)
                .plot("train_accuracy", minibatchAccuracy.series("series.accumulated_accuracy"))
                .plot("test_accuracy", minibatchAccuracy.series("series.test_accuracy"))
                .watch("train_loss", "train_accuracy", EpochRecorder.chanceAccuracy(train.data().labels()))
                .watchWeights(net);
        Trainer trainer = new Trainer(net, control, batchSize, seed)
                .onIteration((iteration, epoch, loss) -> iterationLoss.add(iteration, loss));
        double acc = Double.NaN, testAcc = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double loss = trainer.fitEpoch(train);
            acc = accumulatedAccuracy(net, train, batchSize, false);
            testAcc = Trainer.accuracy(net, test, false, false);
            minibatchPrintout.putRow(Integer.toString(epoch), epoch, acc, testAcc);
            rec.record(epoch, "train_loss", loss);
            rec.record(epoch, "train_accuracy", acc);
            rec.record(epoch, "test_accuracy", testAcc);
            rec.endEpoch(epoch);
        }
        recordVariant(MINIBATCH, acc, testAcc);
        digits.trained(net, NetSpec.Output.SIGMOID_BCE, List.of("0", "1"));
        return rec.result(epochs, Map.of());
    }

    private void recordVariant(String experiment, double trainAcc, double testAcc) {
        String label = "experiment." + experiment;
        variants.putRow(experiment, label, trainAcc, testAcc);
        variantsBar.set("series.train_accuracy", label, trainAcc);
        variantsBar.set("series.test_accuracy", label, testAcc);
    }

    /**
     * Accuracy accumulated over consecutive mini-batches in inference mode, as the notebook does
     * it: {@code s += (correct in batch)} for each batch, then {@code s / N}.
     */
    private static double accumulatedAccuracy(MultiLayerNetwork net, Batches data, int batchSize, boolean logitOutput) {
        int n = data.size();
        int[] labels = data.data().labels();
        long s = 0;
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            INDArray xm = data.features().get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            int[] predicted = Trainer.predictions(net, xm, false, logitOutput);
            for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[start + i]) s++;
        }
        return (double) s / n;
    }
}
