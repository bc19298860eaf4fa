package classlab.core.lesson.bngradients;

import classlab.core.data.LabeledData;
import classlab.core.data.Split;
import classlab.core.data.Standardizer;
import classlab.core.data.Subsets;
import classlab.core.data.SyntheticClassification;
import classlab.core.figure.BarFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.UserException;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.probe.GradientProbe;
import classlab.core.train.Batches;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * L9 {@code batchnorm-gradients}, notebook 004 (Part 5): batch size, BatchNorm and gradient stability
 * on a synthetic binary problem ({@code make_classification}, 1000 × 20, 15 informative; stratified
 * 80/20 split; standardised with the training part's statistics). Needs no downloaded data.
 *
 * <p>Networks follow the notebook: ReLU hidden layers, a sigmoid output with BCELoss, Adam 1e-3.
 * The shallow net of 5-1 is 20→64→32→1, the deep one of 5-2…5-5 20→64→64→64→32→1, with BatchNorm
 * between each hidden Linear and its ReLU in the BN variant.
 *
 * <p>Experiments: {@code batch_size} (5-1), {@code bn_effect} (5-2), {@code gradients} (5-3, one
 * forward/backward pass, then live per-layer gradients during training), {@code bn_batch_sizes}
 * (5-4) and {@code modes} (5-5, prediction variance in training vs evaluation mode).
 */
public final class BatchNormGradientsLesson extends LessonModel {
    public static final String ID = "batchnorm-gradients";

    static final String SEC_BATCH = "batch_size";
    static final String SEC_BN = "bn_effect";
    static final String SEC_GRAD = "gradients";
    static final String SEC_BN_BATCH = "bn_batch_sizes";
    static final String SEC_MODES = "modes";

    static final String EXP_BATCH = "batch_size";
    static final String EXP_BN = "bn_effect";
    static final String EXP_GRAD = "gradients";
    static final String EXP_BN_BATCH = "bn_batch_sizes";
    static final String EXP_MODES = "modes";
    /** The parameter that sets each experiment's batch size, named in the trainer's messages. */
    private static final Map<String, String> BATCH_PARAM = Map.of(EXP_BATCH, "batch_sizes", EXP_BN, "bn_effect_batch_size",
            EXP_GRAD, "gradient_batch_size", EXP_BN_BATCH, "bn_batch_sizes", EXP_MODES, "modes_batch_size");

    /** make_classification(n_samples=1000, n_features=20, n_informative=15). */
    static final int SAMPLES = 1000;
    static final int FEATURES = 20;
    static final int INFORMATIVE = 15;
    static final double TEST_FRACTION = 0.2;

    static final List<Integer> SHALLOW = List.of(64, 32);
    static final List<Integer> DEEP = List.of(64, 64, 64, 32);
    /** 5-4 is drawn as a 2×2 grid: exactly this many batch sizes. */
    static final int GRID_PANELS = 4;

    static final String SERIES_NO_BN = "series.no_bn";
    static final String SERIES_BN = "series.bn";

    private final LineFigure batchLoss;
    private final BarFigure batchFinal;
    private final LineFigure bnLoss;
    private final LineFigure bnLossLog;
    private final BarFigure gradNoBn;
    private final BarFigure gradBn;
    private final ResultTable gradTable;
    private final LineFigure gradLiveNoBn;
    private final LineFigure gradLiveBn;
    private final LineFigure[] bnBatchPanels = new LineFigure[GRID_PANELS];
    private final ResultTable modeTable;
    private final BarFigure modeSpread;
    private final ResultTable runningStats;

    public BatchNormGradientsLesson(LessonEnvironment env) {
        super(env);
        // with and without BN keep one colour on every tab (5-2, 5-3, 5-5, the live loss), whichever runs first
        colors().reserve(SERIES_NO_BN, SERIES_BN);
        batchLoss = figure(SEC_BATCH, new LineFigure("batch_size_loss", "figure.batch_size_loss", "axis.epoch", "axis.train_loss"));
        batchFinal = figure(SEC_BATCH, new BarFigure("batch_size_final_loss", "figure.batch_size_final_loss", "axis.batch_size", "axis.final_loss"));

        bnLoss = figure(SEC_BN, new LineFigure("bn_effect_loss", "figure.bn_effect_loss", "axis.epoch", "axis.train_loss"));
        bnLossLog = figure(SEC_BN, new LineFigure("bn_effect_loss_log", "figure.bn_effect_loss_log", "axis.epoch", "axis.train_loss_log")
                .logY(true));

        gradNoBn = figure(SEC_GRAD, new BarFigure("gradients_no_bn", "figure.gradients_no_bn", "axis.layer", "axis.grad_mean_abs"));
        gradBn = figure(SEC_GRAD, new BarFigure("gradients_bn", "figure.gradients_bn", "axis.layer", "axis.grad_mean_abs"));
        gradLiveNoBn = figure(SEC_GRAD, new LineFigure("gradients_live_no_bn", "figure.gradients_live_no_bn", "axis.iteration",
                "axis.grad_mean_abs_ema").logY(true));
        gradLiveBn = figure(SEC_GRAD, new LineFigure("gradients_live_bn", "figure.gradients_live_bn", "axis.iteration",
                "axis.grad_mean_abs_ema").logY(true));
        gradTable = figure(SEC_GRAD, new ResultTable("gradient_table", "figure.gradient_table",
                List.of("column.network", "column.layer1", "column.layer2", "column.layer3", "column.layer4", "column.layer5",
                        "column.spread")));

        // Each panel's title names its batch size: the defaults' until a run trains other sizes.
        for (int i = 0; i < GRID_PANELS; i++) {
            bnBatchPanels[i] = figure(SEC_BN_BATCH, new LineFigure("bn_batch_size_" + (i + 1), "figure.bn_batch_size",
                    "axis.epoch", "axis.train_loss"));
        }
        titlePanels(defaults().getIntList("bn_batch_sizes"));

        modeTable = figure(SEC_MODES, new ResultTable("mode_variance", "figure.mode_variance",
                List.of("column.mode", "column.passes", "column.variance", "column.diff_from_eval")));
        modeSpread = figure(SEC_MODES, new BarFigure("mode_prediction_variance", "figure.mode_prediction_variance",
                "axis.test_sample", "axis.prediction_variance"));
        runningStats = figure(SEC_MODES, new ResultTable("bn_running_stats", "figure.bn_running_stats",
                List.of("column.bn_layer", "column.running_mean", "column.running_var_dl4j", "column.running_var_pytorch")));
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                CommonParams.lr(0.001),
                ParamSpec.integer("epochs", 30, 1, 1000),
                ParamSpec.intList("batch_sizes", "8, 32, 128, 512", 1, 800).in(SEC_BATCH),
                ParamSpec.integer("bn_effect_epochs", 50, 1, 1000).in(SEC_BN),
                ParamSpec.integer("bn_effect_batch_size", 8, 2, 800).in(SEC_BN),
                ParamSpec.integer("gradient_batch_size", 32, 2, 800).in(SEC_GRAD),
                ParamSpec.integer("gradient_epochs", 10, 1, 1000).in(SEC_GRAD),
                ParamSpec.integer("probe_every", 5, 1, 1000).in(SEC_GRAD),
                ParamSpec.real("ema_weight", 0.1, 0.001, 1.0).in(SEC_GRAD),
                ParamSpec.intList("bn_batch_sizes", "8, 16, 32, 64", 2, 800).in(SEC_BN_BATCH),
                ParamSpec.integer("modes_batch_size", 32, 2, 800).in(SEC_MODES),
                ParamSpec.integer("passes", 5, 2, 100).in(SEC_MODES),
                ParamSpec.integer("probe_samples", 10, 1, 100).in(SEC_MODES));
    }

    @Override public List<Experiment> experiments() {
        return List.of(
                new Experiment(EXP_BATCH, SEC_BATCH, false),
                new Experiment(EXP_BN, SEC_BN, true),
                new Experiment(EXP_GRAD, SEC_GRAD, false),
                new Experiment(EXP_BN_BATCH, SEC_BN_BATCH, false),
                new Experiment(EXP_MODES, SEC_MODES, false));
    }

    @Override
    public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of known ones
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        Data data = prepareData(seed);
        switch (experiment) {
            case EXP_BATCH: return runBatchSizes(values, data, control);
            case EXP_BN: return runBnEffect(values, data, control);
            case EXP_GRAD: return runGradients(values, data, control);
            case EXP_BN_BATCH: return runBnBatchSizes(values, data, control);
            default: return runModes(values, data, control);
        }
    }

    /** The standardised training and test parts. */
    record Data(Batches train, Batches test) {}

    /** make_classification → stratified 80/20 split → StandardScaler fitted on the training part only. */
    static Data prepareData(long seed) {
        LabeledData all = new SyntheticClassification()
                .samples(SAMPLES).features(FEATURES).informative(INFORMATIVE).seed(seed).generate();
        Split split = Subsets.stratifiedSplit(all, TEST_FRACTION, seed);
        Standardizer scaler = Standardizer.fit(split.train());
        return new Data(Batches.of(scaler.transform(split.train()), Batches.LabelEncoding.BINARY_COLUMN),
                        Batches.of(scaler.transform(split.heldOut()), Batches.LabelEncoding.BINARY_COLUMN));
    }

    /** The notebook's networks: ReLU, sigmoid output + BCELoss, Adam. */
    static NetSpec spec(List<Integer> hidden, boolean batchNorm, double lr, long seed) {
        return NetSpec.mlp(FEATURES, hidden, NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.ADAM, lr, seed)
                .withBatchNorm(batchNorm);
    }

    // ---------------------------------------------------------------- 5-1

    private ExperimentResult runBatchSizes(ParamValues v, Data data, RunControl control) {
        List<Integer> sizes = v.getIntList("batch_sizes");
        int epochs = v.getInt("epochs");
        long seed = v.getInt("seed");
        batchLoss.clear();
        batchFinal.clear();
        Map<String, Double> finals = new LinkedHashMap<>();
        control.plan(sizes.size());
        for (int b : sizes) {
            String label = batchLabel(b);
            NetSpec spec = spec(SHALLOW, false, v.getDouble("lr"), seed);
            double last = train(EXP_BATCH, label, spec, data.train(), b, epochs, seed, control, batchLoss.series(label));
            batchFinal.set("series.final_loss", Integer.toString(b), last);
            finals.put("final_loss_batch" + b, last);
        }
        return new ExperimentResult(EXP_BATCH, epochs, finals);
    }

    // ---------------------------------------------------------------- 5-2

    private ExperimentResult runBnEffect(ParamValues v, Data data, RunControl control) {
        int epochs = v.getInt("bn_effect_epochs");
        int batch = v.getInt("bn_effect_batch_size");
        long seed = v.getInt("seed");
        bnLoss.clear();
        bnLossLog.clear();
        Map<String, Double> finals = new LinkedHashMap<>();
        control.plan(2);
        for (boolean bn : new boolean[] {false, true}) {
            String series = bn ? SERIES_BN : SERIES_NO_BN;
            double last = train(EXP_BN, bn ? "bn" : "no_bn", spec(DEEP, bn, v.getDouble("lr"), seed), data.train(), batch, epochs, seed,
                    control, bnLoss.series(series), bnLossLog.series(series));
            finals.put(bn ? "final_loss_bn" : "final_loss_no_bn", last);
        }
        return new ExperimentResult(EXP_BN, epochs, finals);
    }

    // ---------------------------------------------------------------- 5-3

    private ExperimentResult runGradients(ParamValues v, Data data, RunControl control) {
        int batch = v.getInt("gradient_batch_size");
        int epochs = v.getInt("gradient_epochs");
        long seed = v.getInt("seed");
        for (var f : List.of(gradNoBn, gradBn, gradLiveNoBn, gradLiveBn, gradTable)) f.clear();
        Map<String, Double> finals = new LinkedHashMap<>();

        // One forward/backward pass on the first `batch` training rows, no update (the notebook's set-up).
        INDArray x = data.train().features().get(NDArrayIndex.interval(0, batch), NDArrayIndex.all());
        INDArray y = data.train().labels().get(NDArrayIndex.interval(0, batch), NDArrayIndex.all());
        for (boolean bn : new boolean[] {false, true}) {
            control.checkpoint();
            NetSpec spec = spec(DEEP, bn, v.getDouble("lr"), seed);
            int[] layers = GradientProbe.weightLayers(spec);
            double[] g = GradientProbe.meanAbsWeightGradients(NetBuilder.build(spec), x, y, layers);
            String suffix = bn ? "_bn" : "_no_bn";
            BarFigure bars = bn ? gradBn : gradNoBn;
            Object[] row = new Object[layers.length + 2];
            row[0] = bn ? "series.bn" : "series.no_bn";
            for (int i = 0; i < g.length; i++) {
                bars.set(bn ? SERIES_BN : SERIES_NO_BN, layerLabel(i), g[i]);
                finals.put("grad_mean_abs_" + layerLabel(i) + suffix, g[i]);
                row[i + 1] = g[i];
            }
            double spread = GradientProbe.spread(g);
            row[row.length - 1] = spread;
            gradTable.putRow(suffix, row);
            finals.put("grad_spread" + suffix, spread);
        }

        // The same two networks while training: per-layer mean |grad|, smoothed, sampled.
        for (boolean bn : new boolean[] {false, true}) {
            NetSpec spec = spec(DEEP, bn, v.getDouble("lr"), seed);
            MultiLayerNetwork net = NetBuilder.build(spec);
            LineFigure live = bn ? gradLiveBn : gradLiveNoBn;
            LineFigure.Series[] series = new LineFigure.Series[GradientProbe.weightLayers(spec).length];
            for (int i = 0; i < series.length; i++) series[i] = live.series(layerLabel(i));
            GradientProbe probe = new GradientProbe(GradientProbe.weightLayers(spec), v.getInt("probe_every"), v.getDouble("ema_weight"))
                    .onSample((iteration, latest, smoothed) -> {
                        for (int i = 0; i < smoothed.length; i++) series[i].add(iteration, smoothed[i]);
                    });
            net.addListeners(probe);
            double last = fit(EXP_GRAD, bn ? "bn" : "no_bn", net, data.train(), batch, epochs, seed, control);
            finals.put(bn ? "final_loss_bn" : "final_loss_no_bn", last);
            finals.put(bn ? "grad_spread_live_bn" : "grad_spread_live_no_bn", GradientProbe.spread(probe.smoothed()));
        }
        return new ExperimentResult(EXP_GRAD, epochs, finals);
    }

    // ---------------------------------------------------------------- 5-4

    private ExperimentResult runBnBatchSizes(ParamValues v, Data data, RunControl control) {
        List<Integer> sizes = v.getIntList("bn_batch_sizes");
        if (sizes.size() != GRID_PANELS) {
            throw new UserException("bn_batch_sizes", "error.bn_batch_sizes.count", GRID_PANELS, sizes.size(),
                    v.text("bn_batch_sizes"));
        }
        int epochs = v.getInt("epochs");
        long seed = v.getInt("seed");
        for (LineFigure f : bnBatchPanels) f.clear();
        titlePanels(sizes);
        Map<String, Double> finals = new LinkedHashMap<>();
        control.plan(2 * GRID_PANELS);
        for (int p = 0; p < GRID_PANELS; p++) {
            int b = sizes.get(p);
            for (boolean bn : new boolean[] {false, true}) {
                String config = (bn ? "bn" : "no_bn") + "_batch" + b;
                // Series names carry the batch size: panel titles are fixed keys, the sizes are editable.
                String series = LessonStrings.message(bn ? "series.bn_at_batch" : "series.no_bn_at_batch", b);
                // the progress line and the live loss name the network as its panel does ("BN, B=64", not "bn_batch64")
                double last = fit(EXP_BN_BATCH, config, series, NetBuilder.build(spec(DEEP, bn, v.getDouble("lr"), seed)), data.train(),
                        b, epochs, seed, control, bnBatchPanels[p].series(series));
                finals.put("final_loss_" + config, last);
            }
        }
        return new ExperimentResult(EXP_BN_BATCH, epochs, finals);
    }

    /**
     * Names each 5-4 panel's batch size in its title, "Batch size 8: training loss without and with
     * BN" (the notebook's "Batch Size = 8"), as the form's sizes can be changed.
     * @param sizes {@value #GRID_PANELS} batch sizes, panel order
     */
    private void titlePanels(List<Integer> sizes) {
        for (int p = 0; p < GRID_PANELS; p++) bnBatchPanels[p].retitle(LessonStrings.message("figure.bn_batch_size", sizes.get(p)));
    }

    @Override public void beforeReplay(String experiment, ParamValues values) {
        List<Integer> sizes = values.getIntList("bn_batch_sizes");
        if (experiment.equals(EXP_BN_BATCH) && sizes.size() == GRID_PANELS) titlePanels(sizes);
    }

    // ---------------------------------------------------------------- 5-5

    private ExperimentResult runModes(ParamValues v, Data data, RunControl control) {
        int epochs = v.getInt("epochs");
        int batch = v.getInt("modes_batch_size");
        int passes = v.getInt("passes");
        int probeCount = v.getInt("probe_samples");
        long seed = v.getInt("seed");
        if (probeCount >= Math.min(batch, data.test().size())) {
            throw new UserException("probe_samples", "error.probe_samples.too_many", probeCount, batch, data.test().size());
        }
        modeTable.clear();
        modeSpread.clear();
        runningStats.clear();

        NetSpec spec = spec(DEEP, true, v.getDouble("lr"), seed);
        MultiLayerNetwork net = NetBuilder.build(spec);
        double last = fit(EXP_MODES, "bn", net, data.train(), batch, epochs, seed, control);
        control.checkpoint();

        INDArray test = data.test().features();
        INDArray probe = test.get(NDArrayIndex.interval(0, probeCount), NDArrayIndex.all());
        // The notebook's set-up: the same batch of samples `passes` times. BatchNorm then sees the same
        // batch statistics every time, so even training mode repeats itself exactly.
        double[][] trainSame = new double[passes][];
        double[][] evalSame = new double[passes][];
        for (int p = 0; p < passes; p++) {
            trainSame[p] = column(net.output(probe, true));
            evalSame[p] = column(net.output(probe, false));
        }
        // As in training: each pass puts the probe samples in a batch with other, random test samples.
        // Training mode normalises with that batch's statistics, so a sample's prediction depends on its companions.
        int testSize = (int) test.size(0);
        int companions = Math.min(batch, testSize) - probeCount;
        Random rng = new Random(seed);
        double[][] trainMixed = new double[passes][];
        for (int p = 0; p < passes; p++) {
            INDArray mixed = Nd4j.vstack(probe, Nd4j.pullRows(test, 1, companionRows(rng, probeCount, testSize, companions)));
            trainMixed[p] = Arrays.copyOf(column(net.output(mixed, true)), probeCount);
        }
        double varSame = meanVariance(trainSame);
        double varMixed = meanVariance(trainMixed);
        double varEval = meanVariance(evalSame);
        double gapSame = meanAbsDifference(trainSame, evalSame[0]);
        double gapMixed = meanAbsDifference(trainMixed, evalSame[0]);
        modeTable.putRow("train_same_batch", "cell.train_same_batch", passes, varSame, gapSame);
        modeTable.putRow("train_new_companions", LessonStrings.message("cell.train_new_companions", probeCount + companions),
                passes, varMixed, gapMixed);
        modeTable.putRow("eval", "cell.eval", passes, varEval, meanAbsDifference(evalSame, evalSame[0]));
        double[] perSampleMixed = perSampleVariance(trainMixed);
        double[] perSampleEval = perSampleVariance(evalSame);
        for (int i = 0; i < probeCount; i++) {
            modeSpread.set("series.train_mode", Integer.toString(i + 1), perSampleMixed[i]);
            modeSpread.set("series.eval_mode", Integer.toString(i + 1), perSampleEval[i]);
        }

        // What evaluation mode uses instead of batch statistics: the running averages.
        long steps = (long) epochs * ((data.train().size() + batch - 1) / batch);
        List<NetBuilder.HiddenBlock> blocks = NetBuilder.hiddenBlocks(spec);
        for (int i = 0; i < blocks.size(); i++) {
            var layer = net.getLayer(blocks.get(i).batchNorm());
            BatchNormStats.RunningVariances var = BatchNormStats.runningVariances(layer, steps, batch, 0.9);
            runningStats.putRow("bn" + (i + 1), "BN " + (i + 1), mean(BatchNormStats.runningMean(layer)), mean(var.dl4j()), mean(var.pytorch()));
        }

        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("final_loss", last);
        finals.put("train_mode_variance", varMixed);
        finals.put("train_mode_variance_same_batch", varSame);
        finals.put("eval_mode_variance", varEval);
        finals.put("train_eval_mean_abs_difference", gapMixed);
        return new ExperimentResult(EXP_MODES, epochs, finals);
    }

    // ---------------------------------------------------------------- helpers

    /** Builds the network and trains it, appending each epoch's loss to the given series; returns the last loss. */
    private static double train(String experiment, String config, NetSpec spec, Batches train, int batch, int epochs, long seed,
                                RunControl control, LineFigure.Series... series) {
        return fit(experiment, config, config, NetBuilder.build(spec), train, batch, epochs, seed, control, series);
    }

    /**
     * Trains {@code epochs} epochs; an epoch's loss is the notebook's {@code epoch_loss / len(dataloader)}, the
     * plain mean of its batch losses (not weighted by batch size: with 800 rows a last, smaller batch of
     * 32 at batch 64 or 128, or of 288 at batch 512, counts as much as a full one).
     */
    private static double fit(String experiment, String config, MultiLayerNetwork net, Batches train, int batch, int epochs, long seed,
                              RunControl control, LineFigure.Series... series) {
        return fit(experiment, config, config, net, train, batch, epochs, seed, control, series);
    }

    /** {@link #fit} whose progress label names the network {@code shown} (a series name or deferred message). */
    private static double fit(String experiment, String config, String shown, MultiLayerNetwork net, Batches train, int batch, int epochs,
                              long seed, RunControl control, LineFigure.Series... series) {
        double[] batchLosses = new double[2];  // sum and count of this epoch's batch losses
        Trainer trainer = new Trainer(net, control, batch, seed).batchSizeParam(BATCH_PARAM.get(experiment))
                .onIteration((iteration, epoch, batchLoss) -> {
                    batchLosses[0] += batchLoss;
                    batchLosses[1]++;
                });
        double loss = Double.NaN;
        // names the network (progress line, live loss legend) from its first mini-batch, not after its first epoch
        control.progress(experiment + " · " + shown, 0, epochs);
        for (int e = 0; e < epochs; e++) {
            batchLosses[0] = 0;
            batchLosses[1] = 0;
            trainer.fitEpoch(train);
            loss = batchLosses[0] / batchLosses[1];
            for (LineFigure.Series s : series) s.add(e + 1, loss);
            control.log(experiment, e + 1, "train_loss_" + config, loss);
            control.progress(experiment + " · " + shown, e + 1, epochs);
        }
        return loss;
    }

    /** {@code count} distinct rows of {@code [from, size)}, drawn with the given generator. */
    private static int[] companionRows(Random rng, int from, int size, int count) {
        int[] pool = new int[size - from];
        for (int i = 0; i < pool.length; i++) pool[i] = from + i;
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, count);
    }

    private static double[] column(INDArray out) {
        return out.reshape(out.size(0)).toDoubleVector();
    }

    /** Variance over passes (numpy {@code var}, ddof 0) for each sample. */
    static double[] perSampleVariance(double[][] passes) {
        int n = passes[0].length;
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (double[] p : passes) mean += p[i] / passes.length;
            for (double[] p : passes) var[i] += (p[i] - mean) * (p[i] - mean) / passes.length;
        }
        return var;
    }

    /** The notebook's {@code np.var(predictions, axis=0).mean()}. */
    static double meanVariance(double[][] passes) {
        return mean(perSampleVariance(passes));
    }

    /** Mean |prediction − reference| over passes and samples: how far a mode's predictions are from eval(). */
    static double meanAbsDifference(double[][] passes, double[] reference) {
        double sum = 0;
        for (double[] p : passes) {
            for (int i = 0; i < reference.length; i++) sum += Math.abs(p[i] - reference[i]);
        }
        return sum / (passes.length * reference.length);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    static String layerLabel(int index) { return "layer" + (index + 1); }

    private static String batchLabel(int b) { return String.format(Locale.ROOT, "B=%d", b); }
}
