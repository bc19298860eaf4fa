package classlab.cli;

import classlab.core.data.DataCache;
import classlab.core.data.LabeledData;
import classlab.core.data.MnistLoader;
import classlab.core.data.Subsets;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import classlab.core.train.Backend;
import classlab.core.train.Batches;
import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import classlab.core.train.Trainer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * {@code bench}: prints throughput and start-up figures. The workloads mirror
 * {@code bench/pytorch_bench.py} so the two can be compared on the same machine.
 */
final class BenchCommand {
    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int execute(List<String> args) throws UsageException {
        Options o = Options.parse(args, Set.of("data-dir", "runs"), Set.of("skip-window"));
        if (!o.positional.isEmpty()) throw new UsageException("bench takes no arguments, got '" + o.positional.get(0) + "'");
        int runs = o.has("runs") ? o.positiveInt("runs") : 20;
        out.println("# ClassLab benchmark (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, OMP_NUM_THREADS="
                + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset") + ")");
        long t0 = System.nanoTime();
        Backend.Info info = Backend.awaitReady();
        report("nd4j_ready_ms", (System.nanoTime() - t0) / 1e6, "ms (" + info.describe() + ")");

        LabeledData mnist = mnist6000(o.get("data-dir"));
        mlpThroughput(mnist);
        deepNetThroughput(false);
        deepNetThroughput(true);
        fullBatchBinary(mnist);
        repeatedRuns(mnist, runs);
        if (!o.has("skip-window")) firstWindow();
        report("peak_rss_mb", peakRssMb(), "MB (VmHWM of this process)");
        return 0;
    }

    private String perCpu() {
        return String.format(Locale.ROOT, "samples/s (%.1f per CPU-second)", lastPerCpuSecond);
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

    private void mlpThroughput(LabeledData data) {
        NetSpec spec = NetSpec.mlp(784, List.of(256, 128, 64), NetSpec.Output.SOFTMAX_CE, 10, NetSpec.Optimizer.ADAM, 1e-3, 1);
        double samplesPerSecond = throughput(spec, Batches.of(data, Batches.LabelEncoding.ONE_HOT), 256, 1, 3);
        report("mlp_784_256_128_64_10_b256", samplesPerSecond, perCpu());
    }

    private void deepNetThroughput(boolean batchNorm) {
        NetSpec spec = NetSpec.mlp(20, List.of(64, 64, 64, 32), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.ADAM, 1e-3, 1)
                .withBatchNorm(batchNorm);
        LabeledData data = random(800, 20, 2, 2);
        double samplesPerSecond = throughput(spec, Batches.of(data, Batches.LabelEncoding.BINARY_COLUMN), 8, 1, 3);
        report(batchNorm ? "deep_20_64x3_32_1_bn_b8" : "deep_20_64x3_32_1_b8", samplesPerSecond, perCpu());
    }

    private void fullBatchBinary(LabeledData mnist) {
        LabeledData zeroOne = Subsets.filterClasses(mnist, 0, 1);
        NetSpec spec = NetSpec.mlp(784, List.of(32), NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.SGD, 1e-3, 1);
        Batches batches = Batches.of(zeroOne, Batches.LabelEncoding.BINARY_COLUMN);
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), 0, 1);
        for (int i = 0; i < 20; i++) trainer.fitEpoch(batches);
        long t = System.nanoTime();
        int epochs = 200;
        for (int i = 0; i < epochs; i++) trainer.fitEpoch(batches);
        double seconds = (System.nanoTime() - t) / 1e9;
        report("full_batch_0v1", (double) epochs * zeroOne.size() / seconds,
                "samples/s (" + zeroOne.size() + " images per full batch, 784-32-1, SGD)");
    }

    /**
     * Samples per second over {@code measured} epochs after {@code warmup} epochs. Also records the
     * samples per second of process CPU time in {@link #lastPerCpuSecond}: on a shared 2-core
     * machine wall time depends on other processes' load, CPU time much less.
     */
    private double throughput(NetSpec spec, Batches data, int batchSize, int warmup, int measured) {
        MultiLayerNetwork net = NetBuilder.build(spec);
        Trainer trainer = new Trainer(net, RunControl.unattended(new MetricLog()), batchSize, 1);
        for (int i = 0; i < warmup; i++) trainer.fitEpoch(data);
        long cpu = processCpuNanos();
        long t = System.nanoTime();
        for (int i = 0; i < measured; i++) trainer.fitEpoch(data);
        double samples = (double) data.size() * measured;
        lastPerCpuSecond = samples / ((processCpuNanos() - cpu) / 1e9);
        return samples / ((System.nanoTime() - t) / 1e9);
    }

    private double lastPerCpuSecond;

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
     * itself with its heap and thread settings) and times it until its window is shown.
     */
    private void firstWindow() {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "classlab.app.Launcher", "app", "--exit-after-show"));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            double shownAfterMs = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("first-window-ms=") && shownAfterMs < 0) shownAfterMs = (System.nanoTime() - start) / 1e6;
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
            if (shownAfterMs >= 0) report("first_window_ms", shownAfterMs, "ms from starting `java` (child process)");
            else out.println("# first_window_ms: the child process did not show a window");
        } catch (Exception e) {
            out.println("# first_window_ms: " + e.getMessage());
        }
    }

    private static double peakRssMb() { return procStatusKb("VmHWM:") / 1024.0; }

    private static double rssMb() { return procStatusKb("VmRSS:") / 1024.0; }

    private static long procStatusKb(String field) {
        File status = new File("/proc/self/status");
        if (!status.exists()) return -1;
        try {
            for (String line : Files.readAllLines(status.toPath())) {
                if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
