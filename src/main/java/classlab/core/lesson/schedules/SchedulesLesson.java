package classlab.core.lesson.schedules;

import classlab.core.UserException;
import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.LessonData;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Batches;
import classlab.core.train.EarlyStopping;
import classlab.core.train.Nd4jSeeds;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import classlab.core.train.schedule.LrSchedule;
import classlab.core.train.schedule.ReduceLROnPlateau;
import classlab.core.train.schedule.ScheduleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lesson L5 {@code schedules}: learning-rate schedules and early stopping (notebook 000 Part 3 and
 * Exercise 3).
 *
 * <ul>
 *   <li>{@code schedules}: StepLR, CosineAnnealingLR, CosineAnnealingWarmRestarts and ExponentialLR
 *       from the same initial rate, redrawn from the demo parameters; experiment {@code plateau}
 *       trains the notebook's classifier with ReduceLROnPlateau and draws validation loss and LR live.</li>
 *   <li>{@code early_stopping} (default): CosineAnnealingLR(T=100) with Adam 5e-3, an 80/20
 *       train/validation split and early stopping (patience 12, min_delta 1e-4) that restores the
 *       best weights before the test accuracy is measured.</li>
 *   <li>{@code exercise3}: a wider net with ReduceLROnPlateau and early stopping; loss on the left
 *       axis and LR on the right axis of one chart.</li>
 * </ul>
 * Every training run goes through the {@link LrSchedule} abstraction: the rate of epoch {@code e}
 * is {@code lrAt(e)} (set by the {@link Trainer} at the start of the epoch), the validation loss is
 * fed back with {@code observe}, and cosine schedules can also move every iteration.
 */
public final class SchedulesLesson extends LessonModel {
    public static final String ID = "schedules";

    static final String SECTION_SCHEDULES = "schedules";
    static final String SECTION_EARLY_STOPPING = "early_stopping";
    static final String SECTION_EXERCISE3 = "exercise3";

    static final String EXP_PLATEAU = "plateau";
    static final String EXP_EARLY_STOPPING = "early_stopping";
    static final String EXP_EXERCISE3 = "exercise3";

    /** Schedules the early-stopping run can use, as named by {@link ScheduleSpec}. */
    static final String[] TRAINING_SCHEDULES = {"cosine", "cosine_warm_restarts", "step", "exponential", "reduce_on_plateau", "constant"};

    private final LineFigure scheduleFigure;
    private final LineFigure plateauFigure;
    private final LineFigure esLossFigure;
    private final LineFigure esLrFigure;
    private final ResultTable esTable;
    private final LineFigure ex3Figure;
    private final ResultTable ex3Table;

    public SchedulesLesson(LessonEnvironment env) {
        super(env);
        scheduleFigure = figure(SECTION_SCHEDULES, new LineFigure("lr_schedules", "figure.lr_schedules", "axis.epoch", "axis.lr"));
        plateauFigure = figure(SECTION_SCHEDULES, new LineFigure("plateau_run", "figure.plateau_run", "axis.epoch", "axis.loss")
                .rightAxis("axis.lr", true));
        esLossFigure = figure(SECTION_EARLY_STOPPING, new LineFigure("es_loss", "figure.es_loss", "axis.epoch", "axis.loss"));
        esLrFigure = figure(SECTION_EARLY_STOPPING, new LineFigure("es_lr", "figure.es_lr", "axis.epoch", "axis.lr").logY(true));
        esTable = figure(SECTION_EARLY_STOPPING, new ResultTable("es_results", "figure.es_results", List.of(
                "column.schedule", "column.stopped_epoch", "column.best_epoch", "column.best_val_loss",
                "column.test_accuracy_last", "column.test_accuracy")));
        ex3Figure = figure(SECTION_EXERCISE3, new LineFigure("ex3_curves", "figure.ex3_curves", "axis.epoch", "axis.loss")
                .rightAxis("axis.lr", true));
        ex3Table = figure(SECTION_EXERCISE3, new ResultTable("ex3_results", "figure.ex3_results", List.of(
                "column.stopped_epoch", "column.best_epoch", "column.best_val_loss", "column.final_lr",
                "column.lr_reductions", "column.test_accuracy")));
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        return List.of(
                CommonParams.seed(42),
                CommonParams.trainSize(6000),
                CommonParams.testSize(1000),
                ParamSpec.real("val_fraction", 0.2, 0.05, 0.5),
                CommonParams.batchSize(256),
                // schedule comparison (instant figure)
                ParamSpec.real("lr0", 0.1, 1e-6, 10).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.integer("demo_epochs", 60, 2, 500).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.integer("step_size", 15, 1, 500).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.real("step_gamma", 0.5, 0.01, 1).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.integer("cosine_t_max", 60, 1, 500).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.real("cosine_eta_min", 1e-4, 0, 1).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.integer("restart_t0", 20, 1, 500).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.integer("restart_t_mult", 1, 1, 5).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.real("restart_eta_min", 1e-4, 0, 1).in(SECTION_SCHEDULES).asDemo(),
                ParamSpec.real("exp_gamma", 0.95, 0.5, 1).in(SECTION_SCHEDULES).asDemo(),
                // ReduceLROnPlateau live run
                ParamSpec.real("plateau_lr", 5e-3, 1e-6, 1).in(SECTION_SCHEDULES),
                ParamSpec.real("plateau_factor", 0.5, 0.01, 0.99).in(SECTION_SCHEDULES),
                ParamSpec.integer("plateau_patience", 5, 0, 100).in(SECTION_SCHEDULES),
                ParamSpec.integer("plateau_epochs", 40, 1, 500).in(SECTION_SCHEDULES),
                // early stopping (3-2) and exercise 3 share the epoch limit and min_delta
                ParamSpec.integer("epochs", 149, 1, 1000),
                ParamSpec.real("es_min_delta", 1e-4, 0, 1),
                ParamSpec.real("dropout", 0.3, 0, 0.9),
                ParamSpec.real("es_lr", 5e-3, 1e-6, 1).in(SECTION_EARLY_STOPPING),
                ParamSpec.choice("es_schedule", "cosine", TRAINING_SCHEDULES).in(SECTION_EARLY_STOPPING),
                ParamSpec.integer("es_t_max", 100, 1, 1000).in(SECTION_EARLY_STOPPING),
                ParamSpec.real("es_eta_min", 1e-5, 0, 1).in(SECTION_EARLY_STOPPING),
                ParamSpec.bool("lr_per_iteration", false).in(SECTION_EARLY_STOPPING),
                ParamSpec.integer("es_patience", 12, 1, 200).in(SECTION_EARLY_STOPPING),
                                ParamSpec.intList("ex3_hidden", "512, 256, 128", 1, 4096).in(SECTION_EXERCISE3),
                ParamSpec.real("ex3_dropout", 0.4, 0, 0.9).in(SECTION_EXERCISE3),
                ParamSpec.real("ex3_lr", 3e-3, 1e-6, 1).in(SECTION_EXERCISE3),
                ParamSpec.real("ex3_factor", 0.5, 0.01, 0.99).in(SECTION_EXERCISE3),
                ParamSpec.integer("ex3_plateau_patience", 5, 0, 100).in(SECTION_EXERCISE3),
                ParamSpec.integer("ex3_es_patience", 15, 1, 200).in(SECTION_EXERCISE3));
    }

    @Override public List<Experiment> experiments() {
        return List.of(
                new Experiment(EXP_PLATEAU, SECTION_SCHEDULES, false),
                new Experiment(EXP_EARLY_STOPPING, SECTION_EARLY_STOPPING, true),
                new Experiment(EXP_EXERCISE3, SECTION_EXERCISE3, false));
    }

    // ---------------------------------------------------------------- schedule comparison (demo)

    /** The four schedules of the notebook's comparison figure, keyed by legend label. */
    static Map<String, LrSchedule> comparisonSchedules(ParamValues v) {
        requireEtaMinAtMostLr(v, "cosine_eta_min", "lr0");
        requireEtaMinAtMostLr(v, "restart_eta_min", "lr0");
        String lr0 = v.text("lr0");
        Map<String, LrSchedule> out = new LinkedHashMap<>();
        out.put("StepLR (step=" + v.text("step_size") + ", γ=" + v.text("step_gamma") + ")",
                new ScheduleSpec("step", Map.of("lr0", lr0, "step_size", v.text("step_size"), "gamma", v.text("step_gamma"))).build());
        out.put("CosineAnnealingLR (T=" + v.text("cosine_t_max") + ")",
                new ScheduleSpec("cosine", Map.of("lr0", lr0, "t_max", v.text("cosine_t_max"), "eta_min", v.text("cosine_eta_min"))).build());
        out.put("CosineAnnealingWarmRestarts (T0=" + v.text("restart_t0") + ")",
                new ScheduleSpec("cosine_warm_restarts", Map.of("lr0", lr0, "t0", v.text("restart_t0"),
                        "t_mult", v.text("restart_t_mult"), "eta_min", v.text("restart_eta_min"))).build());
        out.put("ExponentialLR (γ=" + v.text("exp_gamma") + ")",
                new ScheduleSpec("exponential", Map.of("lr0", lr0, "gamma", v.text("exp_gamma"))).build());
        return out;
    }

    @Override public void updateDemos(ParamValues values) {
        Map<String, LrSchedule> schedules = comparisonSchedules(values);  // validates before the figure changes
        int epochs = values.getInt("demo_epochs");
        double[] x = new double[epochs];
        for (int e = 0; e < epochs; e++) x[e] = e;
        scheduleFigure.clear();
        // the demo's epochs, not the training runs' (149 left 60 % of the chart empty: trial 4, item 9)
        scheduleFigure.xRange(0.0, (double) epochs);
        schedules.forEach((label, schedule) -> {
            double[] y = new double[epochs];
            for (int e = 0; e < epochs; e++) y[e] = schedule.lrAt(e);
            scheduleFigure.series(label).set(x, y);
        });
    }

    /**
     * A cosine schedule's floor {@code etaKey} above its starting rate {@code lrKey} is refused naming the two
     * fields of the form (ScheduleSpec, which checks the same rule, knows them only as eta_min and lr0).
     *
     * @throws UserException for {@code etaKey} when {@code etaKey > lrKey}
     */
    private static void requireEtaMinAtMostLr(ParamValues v, String etaKey, String lrKey) {
        double eta = v.getDouble(etaKey);
        double lr = v.getDouble(lrKey);
        if (eta > lr) throw new UserException(etaKey, "error.schedule.eta_min_above_lr", etaKey, eta, lrKey, lr);
    }

    /** The schedule an early-stopping run uses: {@code es_schedule} with the parameters of the forms. */
    static LrSchedule trainingSchedule(ParamValues v) {
        String name = v.getString("es_schedule");
        if (name.equals("cosine") || name.equals("cosine_warm_restarts")) requireEtaMinAtMostLr(v, "es_eta_min", "es_lr");
        String lr0 = v.text("es_lr");
        switch (name) {
            case "cosine":
                return new ScheduleSpec(name, Map.of("lr0", lr0, "t_max", v.text("es_t_max"), "eta_min", v.text("es_eta_min"))).build();
            case "cosine_warm_restarts":
                return new ScheduleSpec(name, Map.of("lr0", lr0, "t0", v.text("restart_t0"), "t_mult", v.text("restart_t_mult"),
                        "eta_min", v.text("es_eta_min"))).build();
            case "step":
                return new ScheduleSpec(name, Map.of("lr0", lr0, "step_size", v.text("step_size"), "gamma", v.text("step_gamma"))).build();
            case "exponential":
                return new ScheduleSpec(name, Map.of("lr0", lr0, "gamma", v.text("exp_gamma"))).build();
            case "reduce_on_plateau":
                return new ScheduleSpec(name, Map.of("lr0", lr0, "factor", v.text("plateau_factor"),
                        "patience", v.text("plateau_patience"))).build();
            default:
                return new ScheduleSpec(name, Map.of("lr0", lr0)).build();
        }
    }

    // ---------------------------------------------------------------- training runs

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment);  // rejects unknown names with the list of known ones
        long seed = values.getInt("seed");
        Nd4jSeeds.seedGlobal(seed);
        Data data = prepare(values);
        switch (experiment) {
            case EXP_PLATEAU: return runPlateau(values, data, control);
            case EXP_EARLY_STOPPING: return runEarlyStopping(values, data, control);
            default: return runExercise3(values, data, control);
        }
    }

    private ExperimentResult runPlateau(ParamValues v, Data data, RunControl control) {
        NetSpec spec = classifier(List.of(256, 128, 64), v.getDouble("dropout"), v.getDouble("plateau_lr"), v.getInt("seed"));
        LrSchedule schedule = new ScheduleSpec("reduce_on_plateau", Map.of("lr0", v.text("plateau_lr"),
                "factor", v.text("plateau_factor"), "patience", v.text("plateau_patience"))).build();
        plateauFigure.clear();
        Outcome o = train(EXP_PLATEAU, spec, schedule, false, null, v.getInt("plateau_epochs"), data, v, control,
                new Curves(plateauFigure, plateauFigure, true));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", o.testAccuracy);
        metrics.put("final_lr", schedule.lrAt(o.epochs));
        metrics.put("lr_reductions", (double) o.lrReductions);
        metrics.put("val_loss", o.lastValLoss);
        return new ExperimentResult(EXP_PLATEAU, o.epochs, metrics);
    }

    private ExperimentResult runEarlyStopping(ParamValues v, Data data, RunControl control) {
        NetSpec spec = classifier(List.of(256, 128, 64), v.getDouble("dropout"), v.getDouble("es_lr"), v.getInt("seed"));
        LrSchedule schedule = trainingSchedule(v);
        EarlyStopping stopper = new EarlyStopping(v.getInt("es_patience"), v.getDouble("es_min_delta"));
        esLossFigure.clear();
        esLrFigure.clear();
        Outcome o = train(EXP_EARLY_STOPPING, spec, schedule, v.getBool("lr_per_iteration"), stopper, v.getInt("epochs"),
                data, v, control, new Curves(esLossFigure, esLrFigure, false));
        esTable.putRow(schedule.name(), "choice.es_schedule." + schedule.name(), o.epochs, o.bestEpoch, o.bestValLoss, o.lastEpochTestAccuracy, o.testAccuracy);
        return new ExperimentResult(EXP_EARLY_STOPPING, o.epochs, o.summary());
    }

    private ExperimentResult runExercise3(ParamValues v, Data data, RunControl control) {
        NetSpec spec = classifier(v.getIntList("ex3_hidden"), v.getDouble("ex3_dropout"), v.getDouble("ex3_lr"), v.getInt("seed"));
        LrSchedule schedule = new ScheduleSpec("reduce_on_plateau", Map.of("lr0", v.text("ex3_lr"),
                "factor", v.text("ex3_factor"), "patience", v.text("ex3_plateau_patience"))).build();
        EarlyStopping stopper = new EarlyStopping(v.getInt("ex3_es_patience"), v.getDouble("es_min_delta"));
        ex3Figure.clear();
        Outcome o = train(EXP_EXERCISE3, spec, schedule, false, stopper, v.getInt("epochs"), data, v, control,
                new Curves(ex3Figure, ex3Figure, true));
        double finalLr = schedule.lrAt(o.epochs);
        ex3Table.putRow(EXP_EXERCISE3, o.epochs, o.bestEpoch, o.bestValLoss, finalLr, o.lrReductions, o.testAccuracy);
        Map<String, Double> metrics = o.summary();
        metrics.put("final_lr", finalLr);
        metrics.put("lr_reductions", (double) o.lrReductions);
        return new ExperimentResult(EXP_EXERCISE3, o.epochs, metrics);
    }

    /** The notebook's {@code make_classifier(use_dropout=True, use_bn=True)} shape with Adam. */
    static NetSpec classifier(List<Integer> hidden, double dropout, double lr, long seed) {
        return NetSpec.mlp(784, hidden, NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, lr, seed)
                .withBatchNorm(true).withDropout(dropout);
    }

    /** Where a run draws: the loss curves, and the LR either on its own figure or on the right axis. */
    private record Curves(LineFigure loss, LineFigure lr, boolean lrOnRightAxis) {
        LineFigure.Series lrSeries() { return lrOnRightAxis ? lr.rightSeries("series.lr") : lr.series("series.lr"); }
    }

    /** What a training run ends with; epochs are 1-based as in the notebook's plots. */
    private static final class Outcome {
        int epochs;
        int bestEpoch;
        double bestValLoss = Double.NaN;
        double lastValLoss = Double.NaN;
        boolean stoppedEarly;
        int lrReductions;
        double lastEpochTestAccuracy;
        double testAccuracy;

        Map<String, Double> summary() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("test_accuracy", testAccuracy);
            m.put("test_accuracy_last_epoch", lastEpochTestAccuracy);
            m.put("stopped_epoch", (double) epochs);
            m.put("stopped_early", stoppedEarly ? 1.0 : 0.0);
            m.put("best_epoch", (double) bestEpoch);
            m.put("best_val_loss", bestValLoss);
            return m;
        }
    }

    /**
     * The notebook's loop of 3-2: per epoch train, validate (eval mode), record the LR the epoch
     * used, step the schedule with the validation loss, then ask the early stopper; on improvement
     * the parameters (BatchNorm running statistics included) are snapshotted, and restored at the end.
     */
    private Outcome train(String experiment, NetSpec spec, LrSchedule schedule, boolean lrPerIteration,
                          EarlyStopping stopper, int maxEpochs, Data data, ParamValues v, RunControl control, Curves curves) {
        long seed = v.getInt("seed");
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, control, v.getInt("batch_size"), seed).learningRateSchedule(schedule::lrAt);
        LineFigure.Series trainSeries = curves.loss().series("series.train_loss");
        LineFigure.Series valSeries = curves.loss().series("series.val_loss");
        LineFigure.Series lrSeries = curves.lrSeries();
        boolean cosine = schedule.name().startsWith("cosine");
        if (lrPerIteration && cosine) {
            int n = data.train.size();
            int batch = v.getInt("batch_size");
            int itersPerEpoch = batch <= 0 || batch >= n ? 1 : (n + batch - 1) / batch;
            trainer.onIteration((iteration, epoch, loss) -> {
                int done = iteration - epoch * itersPerEpoch;  // iterations finished in this epoch
                if (done < itersPerEpoch) {
                    double fraction = done / (double) itersPerEpoch;
                    double lr = schedule.lrAt(epoch, fraction);
                    trainer.setLearningRate(lr);
                    lrSeries.add(epoch + 1 + fraction, lr);
                }
            });
        }
        Outcome o = new Outcome();
        INDArray bestParams = null;
        // names the schedule on the progress line from its first mini-batch, not after its first epoch
        control.progress(experiment, 0, maxEpochs);
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            int e1 = epoch + 1;
            double lr = schedule.lrAt(epoch);
            lrSeries.add(e1, lr);
            double trainLoss = trainer.fitEpoch(data.train);
            double valLoss = Trainer.loss(net, data.validation);
            o.epochs = e1;
            o.lastValLoss = valLoss;
            trainSeries.add(e1, trainLoss);
            valSeries.add(e1, valLoss);
            control.log(experiment, e1, "train_loss", trainLoss);
            control.log(experiment, e1, "val_loss", valLoss);
            control.log(experiment, e1, "lr", lr);
            control.progress(experiment, e1, maxEpochs);
            schedule.observe(valLoss);
            if (schedule instanceof ReduceLROnPlateau && schedule.lrAt(e1) < lr) o.lrReductions++;
            if (stopper != null) {
                boolean stop = stopper.update(e1, valLoss);
                if (stopper.bestEpoch() == e1) {
                    bestParams = net.params().dup();  // params() is a live view (notes §10)
                    o.bestEpoch = e1;
                    o.bestValLoss = valLoss;
                }
                if (stop) {
                    o.stoppedEarly = true;
                    break;
                }
            }
        }
        o.lastEpochTestAccuracy = Trainer.accuracy(net, data.test, false, false);
        if (bestParams != null) {
            net.setParams(bestParams);
            curves.loss().addMarker("marker.best_epoch", o.bestEpoch);
            if (o.stoppedEarly) curves.loss().addMarker("marker.stop_epoch", o.epochs);
        }
        o.testAccuracy = Trainer.accuracy(net, data.test, false, false);
        control.log(experiment, o.epochs, "test_accuracy", o.testAccuracy);
        return o;
    }

    // ---------------------------------------------------------------- data

    /** The notebook's subsets: the first {@code train_size} training rows (last {@code val_fraction} = validation), the first {@code test_size} test rows. */
    record Data(Batches train, Batches validation, Batches test) {}

    private Data prepare(ParamValues v) throws Exception {
        MnistData mnist = env().mnist();
        LabeledData train = LessonData.head(mnist.train(), v.getInt("train_size"), "train_size", LessonData.TRAIN);
        LabeledData test = LessonData.head(mnist.test(), v.getInt("test_size"), "test_size", LessonData.TEST);
        int nVal = (int) (train.size() * v.getDouble("val_fraction"));  // int(len * 0.2) as in the notebook
        int[] fit = new int[train.size() - nVal];
        int[] val = new int[nVal];
        for (int i = 0; i < fit.length; i++) fit[i] = i;
        for (int i = 0; i < nVal; i++) val[i] = fit.length + i;
        return new Data(Batches.of(train.rows(fit), Batches.LabelEncoding.ONE_HOT),
                Batches.of(train.rows(val), Batches.LabelEncoding.ONE_HOT),
                Batches.of(test, Batches.LabelEncoding.ONE_HOT));
    }


}
