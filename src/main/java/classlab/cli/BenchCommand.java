package classlab.cli;

import classlab.core.data.DataCache;
import classlab.core.data.LabeledData;
import classlab.core.data.MnistLoader;
import classlab.core.data.Subsets;
import classlab.core.model.ChwRowsToNhwc;
import classlab.core.model.Conv2dLayer;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.model.ReLUActivation;
import classlab.core.model.TorchAdam;
import classlab.core.train.Backend;
import classlab.core.train.Batches;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.lang.management.ThreadMXBean;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * {@code bench}: prints throughput and start-up figures. The workloads mirror
 * {@code bench/pytorch_bench.py} so the two can be compared on the same machine.
 */
final class BenchCommand {
    private final PrintStream out;
    /** {@code --count-ops}: after each workload, up to 10 more iterations with ND4J's op profiler: ops per iteration. */
    private boolean countOps;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * The throughput workloads, each also in {@code bench/pytorch_bench.py} with the same sizes:
     * samples per epoch, mini-batch, warm-up epochs and measured epochs (full and {@code --quick}).
     * For {@code full_batch_0v1} an epoch is one full-batch step and the sample count comes from
     * the data. The MLP warms up for 5 epochs (120 steps) in both: after 1 epoch (24 steps) the JIT was
     * still compiling ND4J's and ClassLab's Java code while ClassLab was timed (a second run in the same
     * process measured 10-20 % more per CPU-second), which PyTorch, with no JIT, does not pay.
     */
    enum Workload {
        MLP("mlp_784_256_128_64_10_b256", 256, 5, 3, 2),
        DEEP_B8("deep_20_64x3_32_1_b8", 8, 1, 3, 1),
        DEEP_BN_B8("deep_20_64x3_32_1_bn_b8", 8, 1, 3, 1),
        FULL_BATCH("full_batch_0v1", 0, 20, 200, 100),
        CNN_V1("cnn_v1_32x32x3_b128", 128, 1, 2, 1);

        final String id;
        final int batch;
        final int warmup;
        final int measured;
        final int measuredQuick;

        Workload(String id, int batch, int warmup, int measured, int measuredQuick) {
            this.id = id;
            this.batch = batch;
            this.warmup = warmup;
            this.measured = measured;
            this.measuredQuick = measuredQuick;
        }

        static Workload byId(String id) throws UsageException {
            for (Workload w : values()) if (w.id.equals(id)) return w;
            List<String> ids = new ArrayList<>();
            for (Workload w : values()) ids.add(w.id);
            throw new UsageException("cli.unknown_workload", id, String.join(", ", ids));
        }
    }

    int execute(List<String> args) throws UsageException {
        Options o = Options.parse(args, Set.of("data-dir", "runs", "workloads", "lang"), Set.of("skip-window", "quick", "count-ops"));
        if (!o.positional.isEmpty()) throw new UsageException("cli.no_arguments", "bench", o.positional.get(0));
        // The report is a table that bench/compare reads (workload ids, numbers, units): it stays in English.
        if (o.has("lang")) throw new UsageException("cli.bench_no_lang", ClassLabCli.language(o.get("lang")));
        int runs = o.has("runs") ? o.positiveInt("runs") : 20;
        List<Workload> workloads = new ArrayList<>();
        if (o.has("workloads")) {
            for (String id : o.get("workloads").split(",")) workloads.add(Workload.byId(id.trim()));
        } else {
            workloads.addAll(List.of(Workload.values()));
        }
        boolean quick = o.has("quick");
        countOps = o.has("count-ops");
        out.println("# ClassLab benchmark (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, OMP_NUM_THREADS="
                + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ")");
        double loadAtStart = loadAverage("start");
        long t0 = System.nanoTime();
        Backend.Info info = Backend.awaitReady();
        report("nd4j_ready_ms", (System.nanoTime() - t0) / 1e6, "ms (" + info.describe() + ")");

        LabeledData mnist = workloads.contains(Workload.MLP) || workloads.contains(Workload.FULL_BATCH) || !o.has("workloads")
                ? mnist6000(o.get("data-dir")) : null;
        for (Workload w : workloads) measure(w, quick ? w.measuredQuick : w.measured, mnist);
        if (!o.has("workloads")) {
            repeatedRuns(mnist, runs);
            if (!o.has("skip-window")) firstWindow();
        }
        report("peak_rss_mb", peakRssMb(), "MB (VmHWM of this process)");
        String busy = busyNote(Math.max(loadAtStart, loadAverage("end")), Runtime.getRuntime().availableProcessors());
        if (busy != null) out.println(busy);
        return 0;
    }

    /**
     * The report's closing note when the 1-minute load average reached more than one runnable process
     * per core ({@code busiest} > {@code cores}) during the benchmark; null on a quiet machine.
     */
    static String busyNote(double busiest, int cores) {
        if (busiest <= cores) return null;
        return String.format(Locale.ROOT, "# note: the machine was busy (load average up to %.2f on %d cores): other programs "
                + "took CPU time, so these figures are lower than on a quiet machine. Compare per CPU-second figures, "
                + "or run again when the load average is below %d.", busiest, cores, cores);
    }

    /**
     * Prints the system's 1-minute load average (the number of runnable processes, averaged) at
     * {@code when} and returns it; -1 where the system does not report one.
     */
    private double loadAverage(String when) {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.println(load < 0 ? "# load average at " + when + ": not reported by this system"
                : String.format(Locale.ROOT, "# load average at %s: %.2f (1 minute, %d cores)", when, load, Runtime.getRuntime().availableProcessors()));
        return load;
    }

    private void measure(Workload w, int measured, LabeledData mnist) {
        switch (w) {
            case MLP: {
                NetSpec spec = NetSpec.mlp(784, List.of(256, 128, 64), NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, 1e-3, 1);
                throughput(w, NetBuilder.build(spec), Batches.of(mnist, Batches.LabelEncoding.ONE_HOT), measured, "");
                break;
            }
            case DEEP_B8:
            case DEEP_BN_B8: {
                NetSpec spec = NetSpec.mlp(20, List.of(64, 64, 64, 32), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.ADAM, 1e-3, 1)
                        .withBatchNorm(w == Workload.DEEP_BN_B8);
                throughput(w, NetBuilder.build(spec), Batches.of(random(800, 20, 2, 2), Batches.LabelEncoding.BINARY_COLUMN), measured, "");
                break;
            }
            case FULL_BATCH: {
                LabeledData zeroOne = Subsets.filterClasses(mnist, 0, 1);
                NetSpec spec = NetSpec.mlp(784, List.of(32), NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.SGD, 1e-3, 1);
                throughput(w, NetBuilder.build(spec), Batches.of(zeroOne, Batches.LabelEncoding.BINARY_COLUMN), measured,
                        ", " + zeroOne.size() + " images per full batch, 784-32-1, SGD");
                break;
            }
            default: {
                MultiLayerNetwork net = new MultiLayerNetwork(cnnV1());
                net.init();
                throughput(w, net, Batches.of(random(640, 3 * 32 * 32, 10, 3), Batches.LabelEncoding.ONE_HOT), measured,
                        ", " + net.numParams() + " params");
            }
        }
    }

    /**
     * Notebook 002's {@code CNN_V1}: conv 3→32, ReLU, max-pool 2; conv 32→64, ReLU, max-pool 2;
     * conv 64→128, ReLU; global average pool ({@code AdaptiveAvgPool2d((1,1))}); Dropout(0.3);
     * Linear 128→10 with softmax cross-entropy; Adam(1e-3) ({@link TorchAdam}). 3×3 kernels with {@code padding=1} are
     * {@link ConvolutionMode#Same}. Input rows are flat CHW images (3,072 values), 94,538 parameters.
     * Convolutions are ClassLab's {@link Conv2dLayer} and ReLU its {@link ReLUActivation}, as in the lessons' networks.
     */
    static MultiLayerConfiguration cnnV1() {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new TorchAdam(1e-3))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new Conv2dLayer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(new ReLUActivation())))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new Conv2dLayer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(new ReLUActivation())))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new Conv2dLayer(new ConvolutionLayer.Builder(3, 3).nOut(128).activation(new ReLUActivation())))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                // DL4J's dropOut takes the probability to RETAIN: PyTorch's Dropout(0.3) keeps 0.7.
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                        .dropOut(0.7).build())
                .inputPreProcessor(0, new ChwRowsToNhwc(32, 32, 3))
                .setInputType(InputType.convolutionalFlat(32, 32, 3))
                .build();
    }

    private void report(String name, double value, String unit) {
        out.println(String.format(Locale.ROOT, "%-28s %12.1f %s", name, value, unit));
    }

    /** 6,000 MNIST images when a data folder has them, otherwise random pixels of the same shape. */
    private LabeledData mnist6000(String dataDir) {
        try {
            Path dir = DataCache.resolve(dataDir).mnistDir();
            LabeledData train = MnistLoader.load(dir).train();
            out.println("# data: first 6,000 MNIST training images from " + dir);
            return train.head(6000);
        } catch (Exception e) {
            out.println("# data: MNIST not found (" + e.getMessage().lines().findFirst().orElse("") + "); using 6,000 random 784-pixel images");
            return random(6000, 784, 10, 1);
        }
    }

    private static LabeledData random(int n, int features, int classes, long seed) {
        Random rng = new Random(seed);
        float[][] x = new float[n][features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) x[i][j] = (float) rng.nextGaussian();
            y[i] = rng.nextInt(classes);
        }
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) names[c] = Integer.toString(c);
        return new LabeledData(x, y, classes, names);
    }

    /**
     * Trains {@code w.warmup} epochs, then times {@code measured} epochs with the {@link Trainer}
     * the lessons use, and prints samples per second of wall time and of this thread's CPU time.
     * With one compute thread (OMP_NUM_THREADS=1) the training runs on this thread, so its CPU
     * time is the work done whatever else loads the machine; the collector's and compiler's
     * threads are not in it.
     */
    private void throughput(Workload w, MultiLayerNetwork net, Batches data, int measured, String note) {
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), w.batch, 1);
        for (int i = 0; i < w.warmup; i++) trainer.fitEpoch(data);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The windows nest: wall clock outside, CPU clock inside it, schedstat innermost. So the time on the core
        // fits in the wall time and the waits for a core fit in the time off it; a wait between two readings
        // (a preemption at a window's edge, milliseconds on a loaded machine) lands in the outer window only.
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long[] sched = schedstat();
        for (int i = 0; i < measured; i++) trainer.fitEpoch(data);
        double samples = (double) data.size() * measured;
        long[] schedAfter = schedstat();
        long onCpu = threads.getCurrentThreadCpuTime() - cpu;
        long wallNanos = System.nanoTime() - t;
        double wall = wallNanos / 1e9;
        double cpuSeconds = onCpu / 1e9;
        report(w.id, samples / wall, String.format(Locale.ROOT, "samples/s (%.1f per CPU-second%s)", samples / cpuSeconds, note));
        if (sched != null && schedAfter != null) {
            // Wall time the training thread spent off its core: waiting for one (other programs, the JVM's own
            // threads) or not runnable at all (stopped at a safepoint for a collection, waiting for a lock).
            // Time on the core comes from the thread's CPU clock, not schedstat's first field: the kernel prints
            // that field as of the running thread's last tick or switch, up to a tick (1-10 ms) behind, which made
            // "stopped or blocked" negative (trial 7, item 18). The waits (second field) are complete whenever the
            // thread reads them, as it is running. The windows' microseconds of difference can still tip a
            // difference below zero; no thread spends negative time off its core, so those are clamped to zero.
            long queued = schedAfter[1] - sched[1];
            long off = Math.max(0, wallNanos - onCpu);
            report(w.id + "_off_cpu_ms", off / 1e6, String.format(Locale.ROOT,
                    "ms of %.1f ms wall: %.1f ms waiting for a core, %.1f ms stopped or blocked",
                    wallNanos / 1e6, queued / 1e6, Math.max(0, off - queued) / 1e6));
        }
        if (countOps) {
            // At small batches a step's cost is mostly per-op overhead: how many ops (native calls) one takes,
            // over an epoch of at most 10 batches (the profiler slows every op down).
            Batches few = w.batch <= 0 ? data : Batches.of(data.data().head(Math.min(data.size(), 10 * w.batch)),
                    data.binary() ? Batches.LabelEncoding.BINARY_COLUMN : Batches.LabelEncoding.ONE_HOT);
            int iterations = trainer.iteration();
            OpProfiler.getInstance().reset();
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
            try {
                trainer.fitEpoch(few);
            } finally {
                Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            }
            report(w.id + "_ops", OpProfiler.getInstance().getInvocationsCount() / (double) (trainer.iteration() - iterations),
                    "ND4J ops per iteration (OpProfiler)");
        }
    }

    /** Memory after many consecutive short runs (a classroom session restarts runs often). */
    private void repeatedRuns(LabeledData mnist, int runs) {
        NetSpec spec = NetSpec.mlp(784, List.of(256, 128, 64), NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, 1e-3, 1);
        Batches data = Batches.of(mnist.head(2000), Batches.LabelEncoding.ONE_HOT);
        double afterFirst = 0;
        for (int r = 0; r < runs; r++) {
            long seed = r;
            // Each run on its own thread, as TrainingEngine runs them, releasing the thread's workspaces at the end.
            Thread run = new Thread(() -> {
                MultiLayerNetwork net = NetBuilder.build(spec.withSeed(seed));
                Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 256, seed);
                trainer.fitEpoch(data);
                Trainer.accuracy(net, data, false, false);
                Backend.releaseThreadMemory();
            }, "bench-run-" + r);
            run.start();
            try {
                run.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (r == 0) afterFirst = rssMb();
        }
        System.gc();
        report("rss_after_1_run_mb", afterFirst, "MB");
        report("rss_after_" + runs + "_runs_mb", rssMb(), "MB");
        Runtime rt = Runtime.getRuntime();
        report("heap_after_" + runs + "_runs_mb", (rt.totalMemory() - rt.freeMemory()) / 1048576.0, "MB (after GC)");
        report("native_after_" + runs + "_runs_mb", rssMb() - rt.totalMemory() / 1048576.0, "MB (RSS minus committed heap)");
    }

    /**
     * Starts the app as a user does (a fresh {@code java} running the Launcher, which may relaunch
     * itself with its heap and thread settings) and times it until its window is shown, and until the
     * first lesson's pane in it has been drawn.
     */
    private void firstWindow() {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "classlab.app.Launcher", "app", "--exit-after-show"));
            java.util.Set<String> archivesBefore = classlab.app.ClassDataArchive.archiveNames();
            long start = System.nanoTime();
            ProcessBuilder started = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE);
            // the window's remembered language, theme and lesson (WindowSettings) neither change the figure nor are changed by it
            Path settings = Files.createTempDirectory("classlab-bench-settings");
            started.environment().put("XDG_CONFIG_HOME", settings.toString());
            Process p = started.start();
            double shownAfterMs = -1, drawnAfterMs = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("first-window-ms=") && shownAfterMs < 0) shownAfterMs = (System.nanoTime() - start) / 1e6;
                    if (line.startsWith("first-lesson-ms=") && drawnAfterMs < 0) drawnAfterMs = (System.nanoTime() - start) / 1e6;
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(settings)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            // A build's first start writes the class-data archive that later starts map: a different figure (bench/first-window).
            String archive = !archivesBefore.containsAll(classlab.app.ClassDataArchive.archiveNames())
                    ? "; this start wrote the class-data archive, later starts are faster" : "";
            if (shownAfterMs >= 0) report("first_window_ms", shownAfterMs, "ms from starting `java` (child process" + archive + ")");
            else out.println("# first_window_ms: the child process did not show a window");
            if (drawnAfterMs >= 0) report("first_lesson_drawn_ms", drawnAfterMs, "ms from starting `java` to the first lesson's pane drawn");
            else out.println("# first_lesson_drawn_ms: the child process did not draw its first lesson");
        } catch (Exception e) {
            out.println("# first_window_ms: " + e.getMessage());
        }
    }

    /**
     * This thread's time on a core and time runnable but waiting for one, in nanoseconds (Linux's
     * /proc/thread-self/schedstat), or null where the system does not report them.
     */
    private static long[] schedstat() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static double peakRssMb() { return Backend.peakResidentBytes() / 1048576.0; }

    private static double rssMb() { return Backend.residentBytes() / 1048576.0; }
}
