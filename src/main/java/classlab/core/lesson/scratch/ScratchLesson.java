package classlab.core.lesson.scratch;

import classlab.core.UserException;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.figure.ScalarField;
import classlab.core.lesson.CommonParams;
import classlab.core.lesson.EpochRecorder;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.LessonStrings;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.scratch.Affine;
import classlab.core.scratch.BatchNorm;
import classlab.core.scratch.Dropout;
import classlab.core.scratch.GradientCheck;
import classlab.core.scratch.Layer;
import classlab.core.scratch.Optimizer;
import classlab.core.scratch.OptimizerRace;
import classlab.core.scratch.Optimizers;
import classlab.core.scratch.Relu;
import classlab.core.scratch.ScratchNet;
import classlab.core.scratch.Sigmoid;
import classlab.core.scratch.Surface;
import classlab.core.scratch.WeightInit;
import classlab.core.train.RunControl;
import classlab.core.train.RunHealth;
import classlab.core.train.TrainLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * L8 "scratch" (notebook 003, after "Deep Learning from Scratch" ch. 5-6): inside the network,
 * written out with plain arrays ({@code classlab.core.scratch}).
 *
 * <ul>
 *   <li>{@code layers}: the central-difference gradient check of every layer and of a whole 2-layer
 *       net (max relative error per array), the same weights in DL4J (outputs and gradients), and
 *       both Dropout variants' expected values.</li>
 *   <li>{@code race}: SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam on x²/20 + y² from
 *       (−7, 2) (or Rosenbrock, or a saddle) over its contour lines, one step per iteration of the
 *       run bar, learning rate per optimizer (defaults: the book's figure 6-8 and
 *       {@code reference/optimizers.json}).</li>
 *   <li>{@code optimizers}: the six training {@code SimpleNet} 784 → 128 → 64 → 10 (ReLU, He) on
 *       MNIST, 50,000 / 10,000 when the full training set is present (see {@link MnistSplit}).</li>
 *   <li>{@code init}: std 0.01 vs Xavier vs He, per-layer activation histograms of a net with 5
 *       hidden layers of 100 (the book's §6.2 experiment: 1,000 inputs ~ N(0, 1)), redrawn when
 *       the initialisation or activation changes, and the training loss of each on MNIST.</li>
 * </ul>
 * Every MNIST run goes through {@link TrainLoop}, the loop that trains the DL4J lessons: it is the
 * Trainer the notebook builds towards.
 */
public final class ScratchLesson extends LessonModel {
    public static final String ID = "scratch";

    static final int[] SIMPLE_NET = {784, 128, 64, 10};
    static final int[] INIT_NET = {784, 100, 100, 100, 100, 100, 10};
    static final int HIST_ROWS = 1000;
    static final int HIST_WIDTH = 100;
    static final int HIST_LAYERS = 5;
    private static final int GRID = 121;
    private static final int CONTOUR_LEVELS = 14;

    private final ResultTable gradCheck;
    private final ResultTable dl4j;
    private final ResultTable dropout;
    private final LineFigure race;
    private final ResultTable racePositions;
    private final LineFigure mnistLoss;
    private final LineFigure mnistAccuracy;
    private final ResultTable mnistResults;
    private final Map<WeightInit, HistogramFigure> histograms = new LinkedHashMap<>();
    private final LineFigure initLoss;
    private final ResultTable initResults;
    private final ResultTable mnistData;
    private final ResultTable initData;
    private volatile Surface shownSurface;

    public ScratchLesson(LessonEnvironment env) {
        super(env);
        gradCheck = figure("layers", new ResultTable("grad_check", "figure.grad_check",
                List.of("column.layer", "column.array", "column.shape", "column.max_rel_error")));
        dl4j = figure("layers", new ResultTable("dl4j_agreement", "figure.dl4j_agreement",
                List.of("column.activation", "column.quantity", "column.max_abs_diff", "column.tolerance", "column.agrees")));
        dropout = figure("layers", new ResultTable("dropout_variants", "figure.dropout_variants",
                List.of("column.variant", "column.train_mean", "column.eval_output", "column.scaled_when")));
        race = figure("race", new LineFigure("race", "figure.race", "axis.x", "axis.y").equalAspect(true).clipToRange(true).large(true));
        racePositions = figure("race", new ResultTable("race_positions", "figure.race_positions",
                List.of("column.optimizer", "column.lr", "column.step", "column.x", "column.y", "column.f", "column.note")));
        mnistLoss = figure("optimizers", new LineFigure("mnist_loss", "figure.mnist_loss", "axis.iteration", "axis.loss"));
        mnistAccuracy = figure("optimizers", new LineFigure("mnist_accuracy", "figure.mnist_accuracy", "axis.epoch", "axis.valid_accuracy"));
        mnistData = figure("optimizers", new ResultTable("mnist_data", "figure.mnist_data", List.of("column.split", "column.images")));
        mnistResults = figure("optimizers", new ResultTable("mnist_results", "figure.mnist_results",
                List.of("column.optimizer", "column.lr", "column.train_loss", "column.valid_accuracy", "column.test_accuracy")));
        for (WeightInit w : WeightInit.values()) {
            histograms.put(w, figure("init", new HistogramFigure("hist_" + w.id(), "figure.hist_" + w.id(), "axis.activation", 30)
                    .smallMultiples(HIST_LAYERS)));
        }
        initLoss = figure("init", new LineFigure("init_loss", "figure.init_loss", "axis.iteration", "axis.loss"));
        initData = figure("init", new ResultTable("init_data", "figure.mnist_data", List.of("column.split", "column.images")));
        initResults = figure("init", new ResultTable("init_results", "figure.init_results",
                List.of("column.init", "column.activation", "column.train_loss", "column.valid_accuracy", "column.test_accuracy")));
    }

    @Override public String id() { return ID; }

    @Override public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(List.of(
                // The race moves points on a formula's surface: no data, seed or epochs of its own.
                CommonParams.seed(4321).in("layers", "optimizers", "init"),
                ParamSpec.integer("epochs", 3, 1, 100).in("optimizers", "init"),
                CommonParams.batchSize(100).in("optimizers", "init"),
                CommonParams.trainSize(50000).in("optimizers", "init"),
                CommonParams.testSize(10000).in("optimizers", "init"),
                ParamSpec.real("demo_p", 0.5, 0.0, 0.95).in("layers").asDemo(),
                ParamSpec.choice("surface", "bowl", "bowl", "rosenbrock", "saddle").in("race").asDemo()));
        double[] raceLr = {0.95, 0.1, 0.1, 1.5, 0.1, 0.3};
        for (int i = 0; i < Optimizers.IDS.size(); i++) p.add(ParamSpec.real("lr_" + Optimizers.IDS.get(i), raceLr[i], 1e-6, 100).in("race"));
        p.add(ParamSpec.integer("race_steps", 30, 1, 2000).in("race"));
        p.add(ParamSpec.integer("race_delay_ms", 100, 0, 2000).in("race"));
        p.add(ParamSpec.realList("mnist_lr", "0.01, 0.01, 0.01, 0.01, 0.001, 0.001", 1e-6, 10).in("optimizers"));
        p.add(ParamSpec.integer("log_every", 10, 1, 10000).in("optimizers", "init"));
        p.add(ParamSpec.choice("activation", "relu", "relu", "sigmoid").in("init").asDemo());
        p.add(ParamSpec.real("init_lr", 0.01, 1e-6, 10).in("init"));
        return p;
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment("gradient_check", "layers", false),
                new Experiment("race", "race", true, Experiment.STEP),
                new Experiment("optimizers_mnist", "optimizers", false),
                new Experiment("init_mnist", "init", false));
    }

    /** The gradient check and the race train no network: no live mini-batch loss there. */
    @Override public boolean showsIterationLoss(String section) {
        return section.equals("optimizers") || section.equals("init");
    }

    // ---------------------------------------------------------------- instant demos

    @Override public void updateDemos(ParamValues values) {
        long seed = values.getInt("seed");
        fillLayerChecks(seed);
        fillDropout(values.getDouble("demo_p"), seed);
        showSurface(Surface.of(values.getString("surface")));
        fillHistograms(ScratchNet.Activation.of(values.getString("activation")), seed);
    }

    /** Fills the gradient-check and DL4J tables; returns the summary metrics. */
    private Map<String, Double> fillLayerChecks(long seed) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        gradCheck.clear();
        double[][] x = gaussian(6, 5, new Random(seed));
        // ReLU's kink: inputs closer to 0 than the difference step would make the numeric slope meaningless there.
        for (double[] row : x) for (int j = 0; j < row.length; j++) if (Math.abs(row[j]) < 10 * GradientCheck.H) row[j] = 0.5;
        Random r = new Random(seed + 1);
        BatchNorm bn = new BatchNorm("", 5, 0.1);
        for (int j = 0; j < 5; j++) { bn.gamma().value()[j] = 1 + 0.2 * r.nextGaussian(); bn.beta().value()[j] = 0.2 * r.nextGaussian(); }
        Map<String, Layer> layers = new LinkedHashMap<>();
        layers.put("sigmoid", new Sigmoid());
        layers.put("relu", new Relu());
        layers.put("affine", new Affine("", 5, 3, gaussian(1, 15, r)[0], gaussian(1, 3, r)[0]));
        layers.put("dropout_inverted", new Dropout(0.5, Dropout.Variant.INVERTED, seed));
        layers.put("dropout_classic", new Dropout(0.5, Dropout.Variant.CLASSIC, seed));
        layers.put("batchnorm", bn);
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            Map<String, Double> errors = GradientCheck.layer(e.getValue(), x, seed);
            putCheck(metrics, e.getKey(), errors, shapes(e.getValue(), x));
        }
        int[] labels = new int[x.length];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 3;
        double[][] logits = gaussian(x.length, 3, r);
        putCheck(metrics, "softmax_with_loss", Map.of("x", GradientCheck.softmaxWithLoss(logits, labels)), Map.of("x", shape(x.length, 3)));
        ScratchNet net = new ScratchNet(new int[] {5, 4, 3}, ScratchNet.Activation.RELU, WeightInit.HE, Optimizers.create("sgd", 0.1), seed);
        Map<String, String> netShapes = new LinkedHashMap<>();
        net.params().forEach(p -> netShapes.put(p.name(), p.name().startsWith("w1") ? shape(5, 4) : p.name().startsWith("b1") ? shape(4)
                : p.name().startsWith("w2") ? shape(4, 3) : shape(3)));
        putCheck(metrics, "two_layer_net", GradientCheck.network(net, x, labels), netShapes);

        dl4j.clear();
        double worst = 0;
        for (String activation : List.of("relu", "sigmoid")) {
            for (Dl4jAgreement.Row row : Dl4jAgreement.compare(activation, 5, 4, 3, 6, seed)) {
                dl4j.putRow(activation + row.quantity(), "layer." + activation, row.quantity(), row.maxAbsDiff(),
                        Dl4jAgreement.TOLERANCE, row.agrees() ? "message.yes" : "message.no");
                worst = Math.max(worst, row.maxAbsDiff());
            }
        }
        metrics.put("dl4j_max_abs_diff", worst);
        return metrics;
    }

    private void putCheck(Map<String, Double> metrics, String layer, Map<String, Double> errors, Map<String, String> shapes) {
        double max = 0;
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            gradCheck.putRow(layer + "/" + e.getKey(), "layer." + layer, e.getKey(), shapes.getOrDefault(e.getKey(), ""), e.getValue());
            max = Math.max(max, e.getValue());
        }
        metrics.put("grad_check_max_rel_error_" + layer, max);
    }

    private static Map<String, String> shapes(Layer layer, double[][] x) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("x", shape(x.length, x[0].length));
        if (layer instanceof Affine a) {
            s.put(a.weight().name(), shape(a.in(), a.out()));
            s.put(a.bias().name(), shape(a.out()));
        }
        layer.params().forEach(p -> s.putIfAbsent(p.name(), shape(p.value().length)));
        return s;
    }

    private static String shape(int... dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? ", " : "").append(dims[i]);
        return sb.append(']').toString();
    }

    /** Mean training output and inference output of a 1.0 input through both variants (10,000 units). */
    private void fillDropout(double p, long seed) {
        double[][] ones = new double[100][100];
        for (double[] row : ones) java.util.Arrays.fill(row, 1.0);
        dropout.clear();
        for (Dropout.Variant v : Dropout.Variant.values()) {
            Dropout d = new Dropout(p, v, seed);
            dropout.putRow(v.name(), v == Dropout.Variant.INVERTED ? "cell.variant_inverted" : "cell.variant_classic",
                    mean(d.forward(ones, true)), mean(d.forward(ones, false)),
                    v == Dropout.Variant.INVERTED ? "message.scaled_in_training" : "message.scaled_at_test");
        }
    }

    /**
     * Draws {@code s}'s contours; choosing another surface also removes the paths drawn on the
     * previous one (they would lie on the wrong contours).
     */
    private void showSurface(Surface s) {
        if (shownSurface != null && shownSurface != s) {
            race.clear();
            racePositions.clear();
        }
        shownSurface = s;
        double[] w = s.window();
        ScalarField field = ScalarField.sample(s::value, w[0], w[1], GRID, w[2], w[3], GRID, levels(s), ScalarField.Rendering.CONTOURS);
        race.background(field).xRange(w[0], w[1]).yRange(w[2], w[3]);
    }

    /**
     * Contour levels: log-spaced above the window's minimum, as the book's contour plot crowds lines near the
     * minimum, all below the window's maximum.
     */
    private static double[] levels(Surface s) {
        double[] w = s.window();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double v = s.value(w[0] + (w[1] - w[0]) * i / (GRID - 1), w[2] + (w[3] - w[2]) * j / (GRID - 1));
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // One more step than drawn: a level at the window's maximum touches only the corner points and
        // was drawn as stray dots there (trial report 3, item 9).
        double[] offsets = ScalarField.geomspace(Math.max((max - min) * 1e-3, 1e-6), max - min, CONTOUR_LEVELS + 1);
        double[] levels = new double[CONTOUR_LEVELS];
        for (int i = 0; i < levels.length; i++) levels[i] = offsets[i] + min;
        return levels;
    }

    /**
     * The book's §6.2.2 experiment: 1,000 rows ~ N(0, 1) through 5 hidden layers of 100 for each
     * initialisation. Sigmoid outputs lie in (0, 1): binned over the book's {@code range=(0, 1)}. ReLU
     * outputs have no upper bound (He keeps μ ≈ 1.2, σ ≈ 0.9 in every layer): binned over
     * [0, {@link #reluHistogramHigh}], one x axis for the three initialisations so their panels compare;
     * the few values above it are counted ({@link HistogramFigure.Bins#above()}) and marked by the view.
     */
    private void fillHistograms(ScratchNet.Activation activation, long seed) {
        double[][] x = gaussian(HIST_ROWS, HIST_WIDTH, new Random(seed));
        int[] sizes = new int[HIST_LAYERS + 2];
        java.util.Arrays.fill(sizes, HIST_WIDTH);
        sizes[sizes.length - 1] = 10;
        // ReLU outputs exactly 0 for about half of the units; that spike would flatten every other bar,
        // so for ReLU the panels count the active units (output > 0) and say so in their captions.
        boolean relu = activation == ScratchNet.Activation.RELU;
        Map<WeightInit, List<double[]>> layers = new LinkedHashMap<>();
        for (WeightInit w : histograms.keySet()) {
            ScratchNet net = new ScratchNet(sizes, activation, w, Optimizers.create("sgd", 0.01), seed);
            List<double[]> values = new ArrayList<>();
            for (double[][] a : net.hiddenActivations(x)) {
                double[] v = flatten(a);
                values.add(relu ? java.util.Arrays.stream(v).filter(d -> d > 0).toArray() : v);
            }
            layers.put(w, values);
        }
        double high = relu ? reluHistogramHigh(layers.values().stream().flatMap(List::stream).toList()) : 1;
        for (Map.Entry<WeightInit, List<double[]>> e : layers.entrySet()) {
            HistogramFigure h = histograms.get(e.getKey()).range(0, high);
            h.clear();
            for (int l = 0; l < e.getValue().size(); l++) {
                h.set(LessonStrings.message(relu ? "series.layer_active" : "series.layer", l + 1), e.getValue().get(l));
            }
        }
    }

    /**
     * Upper end of the ReLU panels' x axis: the 99th percentile of all the values, rounded up to 1, 2,
     * 2.5 or 5 × 10^k (a tick-friendly number), so the axis shows the distributions rather than their
     * longest tails. 1 (the book's range) when there are no values.
     */
    static double reluHistogramHigh(List<double[]> values) {
        double[] all = values.stream().flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (all.length == 0) return 1;
        double q = all[(int) Math.min(all.length - 1, Math.ceil(0.99 * all.length) - 1)];
        if (!(q > 0)) return 1;
        double step = Math.pow(10, Math.floor(Math.log10(q)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * step >= q * (1 - 1e-12)) return m * step;
        return 10 * step;
    }

    // ---------------------------------------------------------------- runs

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception {
        experiment(experiment); // rejects unknown names with the list of valid ones
        return switch (experiment) {
            case "gradient_check" -> new ExperimentResult(experiment, 0, fillLayerChecks(values.getInt("seed")));
            case "race" -> runRace(values, control);
            case "optimizers_mnist" -> runOptimizers(values, control);
            default -> runInit(values, control);
        };
    }

    private ExperimentResult runRace(ParamValues values, RunControl control) throws InterruptedException {
        Surface surface = Surface.of(values.getString("surface"));
        showSurface(surface);
        List<Optimizer> optimizers = new ArrayList<>();
        for (String id : Optimizers.IDS) optimizers.add(Optimizers.create(id, values.getDouble("lr_" + id)));
        OptimizerRace r = new OptimizerRace(surface, optimizers);
        race.clear();
        racePositions.clear();
        double[] start = surface.start();
        for (String id : Optimizers.IDS) race.series("series." + id).add(start[0], start[1]);
        showPositions(r, values);
        int steps = values.getInt("race_steps");
        long delay = values.getInt("race_delay_ms");
        for (int t = 1; t <= steps; t++) {
            control.checkpoint();
            r.advance();
            for (Map.Entry<String, OptimizerRace.Position> e : r.positions().entrySet()) {
                OptimizerRace.Position p = e.getValue();
                if (p.divergedAt() < 0) {
                    race.series("series." + e.getKey()).add(p.x(), p.y());
                    control.log(e.getKey(), t, "f", surface.value(p.x(), p.y()));
                }
            }
            showPositions(r, values);
            control.progress("race", t, steps);
            if (delay > 0 && t < steps) Thread.sleep(delay);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        r.positions().forEach((id, p) -> {
            // a diverged path's numbers (up to 1e12) are no result: undefined, as its table row, with a note saying why
            boolean diverged = p.divergedAt() >= 0;
            if (diverged) control.note(LessonStrings.message("message.race_diverged", "series." + id, p.divergedAt()));
            metrics.put("final_position_x_" + id, diverged ? Double.NaN : p.x());
            metrics.put("final_position_y_" + id, diverged ? Double.NaN : p.y());
            metrics.put("final_value_" + id, diverged ? Double.NaN : surface.value(p.x(), p.y()));
        });
        return new ExperimentResult("race", steps, metrics);
    }

    private void showPositions(OptimizerRace r, ParamValues values) {
        for (Map.Entry<String, OptimizerRace.Position> e : r.positions().entrySet()) {
            OptimizerRace.Position p = e.getValue();
            boolean diverged = p.divergedAt() >= 0;
            String note = diverged ? LessonStrings.message("message.diverged_at", p.divergedAt()) : "";
            // A diverged path ran beyond 1e6 (OptimizerRace) and is no place on the surface: the table says so with a
            // dash and the note, and stays narrow enough for a projector tile (trial 9: "-3906250.…", "1.526e…").
            // Its step is the one it stopped at, as the note says.
            racePositions.putRow(e.getKey(), "series." + e.getKey(), java.math.BigDecimal.valueOf(values.getDouble("lr_" + e.getKey())).stripTrailingZeros(),
                    diverged ? p.divergedAt() : r.step(), diverged ? Double.NaN : fixed(p.x()), diverged ? Double.NaN : fixed(p.y()),
                    diverged ? Double.NaN : fixed(r.surface().value(p.x(), p.y())), note);
        }
    }

    private ExperimentResult runOptimizers(ParamValues values, RunControl control) throws Exception {
        List<Double> lrs = values.getDoubleList("mnist_lr");
        if (lrs.size() != Optimizers.IDS.size()) {
            throw new UserException("mnist_lr", "error.mnist_lr.count", Optimizers.IDS.size(), lrs.size());
        }
        mnistLoss.clear();
        mnistAccuracy.clear();
        mnistResults.clear();
        MnistSplit split = split(values, mnistData);
        Map<String, Double> metrics = new LinkedHashMap<>();
        control.plan(Optimizers.IDS.size());
        for (int i = 0; i < Optimizers.IDS.size(); i++) {
            String id = Optimizers.IDS.get(i);
            ScratchNet net = new ScratchNet(SIMPLE_NET, ScratchNet.Activation.RELU, WeightInit.HE, Optimizers.create(id, lrs.get(i)), values.getInt("seed"));
            Outcome o = train(id, net, split, values, control, mnistLoss.series("series." + id), mnistAccuracy.series("series." + id));
            mnistResults.putRow(id, "series." + id, plain(lrs.get(i)), o.trainLoss, o.validAccuracy, o.testAccuracy);
            metrics.put("test_accuracy_" + id, o.testAccuracy);
            metrics.put("train_loss_" + id, o.trainLoss);
        }
        metrics.put("train_images", (double) split.train().y().length);
        return new ExperimentResult("optimizers_mnist", values.getInt("epochs"), metrics);
    }

    private ExperimentResult runInit(ParamValues values, RunControl control) throws Exception {
        ScratchNet.Activation activation = ScratchNet.Activation.of(values.getString("activation"));
        initLoss.clear();
        initResults.clear();
        MnistSplit split = split(values, initData);
        Map<String, Double> metrics = new LinkedHashMap<>();
        control.plan(WeightInit.values().length);
        for (WeightInit w : WeightInit.values()) {
            String name = activation.id() + "_" + w.id();
            ScratchNet net = new ScratchNet(INIT_NET, activation, w, Optimizers.create("sgd", values.getDouble("init_lr")), values.getInt("seed"));
            // progress and live-loss legend name the initialisation as the charts do ("He"), not "relu_he"
            Outcome o = train(w.id(), net, split, values, control, initLoss.series("series." + w.id()), null);
            initResults.putRow(name, "series." + w.id(), "layer." + activation.id(), o.trainLoss, o.validAccuracy, o.testAccuracy);
            metrics.put("test_accuracy_" + name, o.testAccuracy);
            metrics.put("train_loss_" + name, o.trainLoss);
        }
        return new ExperimentResult("init_mnist", values.getInt("epochs"), metrics);
    }

    /**
     * The training rows after the validation cut and the test rows of the MNIST last split (6,667 and
     * 2,000 with mnist-mini), or null before a run read it.
     */
    private volatile int[] availableRows;

    /**
     * {@code train_size} and {@code test_size} above what the data holds are in use as that (the form
     * said 50000 on mnist-mini, which trains 6,667: trial 4, item 23). Known once a run split the data.
     */
    @Override public ParamValues inEffect(ParamValues values) {
        int[] rows = availableRows;
        return rows == null ? values : values.atMost("train_size", rows[0]).atMost("test_size", rows[1]);
    }

    /** The split of {@link MnistSplit}, stated in {@code table}: rows used per split and whether full MNIST was found. */
    private MnistSplit split(ParamValues values, ResultTable table) throws Exception {
        classlab.core.data.MnistData mnist = env().mnist();
        MnistSplit split = MnistSplit.of(mnist, values.getInt("train_size"), values.getInt("test_size"), values.getInt("seed"));
        availableRows = new int[] {split.available(), mnist.test().size()};
        table.clear();
        table.putRow("train", "row.train_split", LessonStrings.message("message.rows_of", split.train().y().length, split.available()));
        table.putRow("valid", "row.valid_split", Integer.toString(split.valid().y().length));
        table.putRow("test", "row.test_split", Integer.toString(split.test().y().length));
        table.putRow("source", "row.source", split.fullMnist() ? "message.split_full" : "message.split_partial");
        return split;
    }

    private record Outcome(double trainLoss, double validAccuracy, double testAccuracy) {}

    /**
     * Trains {@code net} for {@code epochs} through the shared {@link TrainLoop}; the loss curve gets
     * the mean loss of every {@code log_every} iterations (the book smooths its curves likewise).
     */
    private Outcome train(String name, ScratchNet net, MnistSplit split, ParamValues values, RunControl control,
                          LineFigure.Series lossSeries, LineFigure.Series accuracySeries) {
        int every = values.getInt("log_every");
        double[] window = new double[2];   // running sum, count
        TrainLoop<ScratchNet.Data> loop = new TrainLoop<>(net, control, values.getInt("batch_size"), values.getInt("seed"))
                .onIteration((iteration, epoch, loss) -> {
                    window[0] += loss;
                    window[1]++;
                    if (window[1] == every) {
                        lossSeries.add(iteration, window[0] / window[1]);
                        window[0] = 0;
                        window[1] = 0;
                    }
                });
        int epochs = values.getInt("epochs");
        double loss = Double.NaN, valid = Double.NaN;
        RunHealth health = new RunHealth(EpochRecorder.chanceAccuracy(split.valid().y()));
        // names the network on the progress line from its first mini-batch, not after its first epoch
        control.progress(name, 0, epochs);
        for (int e = 1; e <= epochs; e++) {
            loss = loop.fitEpoch(split.train());
            if (window[1] > 0) {   // an epoch shorter than log_every iterations still gets its point
                lossSeries.add(loop.iteration(), window[0] / window[1]);
                window[0] = 0;
                window[1] = 0;
            }
            valid = net.accuracy(split.valid());
            if (accuracySeries != null) accuracySeries.add(e, valid);
            control.log(name, e, "train_loss", loss);
            control.log(name, e, "valid_accuracy", valid);
            control.progress(name, e, epochs);
            String verdict = health.afterEpoch(e, loss, valid, Double.NaN);
            if (verdict != null) control.note(verdict);
        }
        double test = net.accuracy(split.test());
        control.log(name, epochs, "test_accuracy", test);
        return new Outcome(loss, valid, test);
    }

    // ---------------------------------------------------------------- helpers

    /** A learning rate as typed: 0.95, 1.5, 0.001. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * A position or value for the race's table, rounded to 4 decimals as a number: AdaGrad's y reaches
     * 1e-17, which as a double the table writes in scientific form ("2.486e-17"), and with it every
     * number of its column; rounded it reads 0.0000, right aligned like the others. Before, these were
     * texts, which wrapped mid-number in the presentation theme (trial 8).
     */
    private static Number fixed(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_EVEN) : v;
    }

    private static double[][] gaussian(int n, int d, Random rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = rng.nextGaussian();
        return x;
    }

    private static double[] flatten(double[][] a) {
        double[] f = new double[a.length * a[0].length];
        int k = 0;
        for (double[] row : a) for (double v : row) f[k++] = v;
        return f;
    }

    private static double mean(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v;
        return s / (a.length * a[0].length);
    }
}
