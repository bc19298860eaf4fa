package classlab.core.train;

import classlab.core.data.LabeledData;
import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trains small networks of the lessons' kinds on random rows for a few hundred mini-batches, on a thread of
 * its own once ND4J has started, so that the Java code of a training step (DL4J's fit loop, ND4J's op calls,
 * ClassLab's layers, losses and updaters) has been compiled before a teacher presses Run. Without it the first
 * run of a window trained partly interpreted while the JIT compiler also compiled the window's own code: a
 * lesson of a few seconds (multiclass, 2-3 s) trained at 0.77-0.79 of {@code run}'s speed (bench/app-vs-run).
 *
 * <p>It never delays a run: each piece of work (building a network, one epoch of 8 mini-batches, one
 * evaluation) takes ND4J only if no other thread uses it or waits for it ({@link Nd4jAccess#getIfIdle}), and
 * the first piece that finds ND4J busy ends the warm-up. It uses ND4J's generator of its own thread only and
 * draws its rows from a {@link Random} of its own, so a run's results do not depend on it.
 */
public final class Warmup {
    /** Epochs of each network: 8 mini-batches each, 200 steps in all, past C1's threshold of 200 calls for the layer methods. */
    static final int EPOCHS = 25;
    static final int ROWS = 64;
    static final int BATCH = 8;
    static final int FEATURES = 784;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Result> DONE = new CompletableFuture<>();

    /** What a warm-up did: mini-batches trained and its wall-clock milliseconds from its start to its end. */
    public record Result(int steps, double millis) {}

    private Warmup() {}

    /**
     * Starts the warm-up on a daemon thread once {@code backend} (ND4J's start) has completed; later calls
     * do nothing. A failed start of ND4J means no warm-up.
     *
     * @return {@link #done()}
     */
    public static CompletableFuture<Result> startAfter(CompletableFuture<?> backend) {
        if (STARTED.compareAndSet(false, true)) {
            backend.whenComplete((info, error) -> {
                if (error != null) {
                    DONE.complete(new Result(0, 0));
                    return;
                }
                Thread t = new Thread(() -> {
                    long start = System.nanoTime();
                    int steps = run();
                    DONE.complete(new Result(steps, (System.nanoTime() - start) / 1e6));
                }, "classlab-warmup");
                t.setDaemon(true);
                t.start();
            });
        }
        return DONE;
    }

    /** Completes once the warm-up has ended (finished or given way), or at once if ND4J failed to start. */
    public static CompletableFuture<Result> done() { return DONE; }

    /**
     * The warm-up on the calling thread: the networks of {@link #specs} in turn, until all are trained or ND4J
     * is found in use. Never throws: a failure ends the warm-up (it is only an optimisation) and is named on standard error.
     *
     * @return mini-batches trained, 0 to {@code specs().size() × EPOCHS × ROWS / BATCH}
     */
    static int run() {
        int steps = 0;
        try {
            Random rows = new Random(0);
            for (Warm warm : specs()) {
                boolean binary = warm.spec().outputs() == 1;
                Optional<Prepared> prepared = Nd4jAccess.getIfIdle(() -> new Prepared(
                        new Trainer(NetBuilder.build(warm.spec()), QUIET, warm.batch(), 1),
                        Batches.of(randomRows(rows, binary ? 2 : warm.spec().outputs()),
                                binary ? Batches.LabelEncoding.BINARY_COLUMN : Batches.LabelEncoding.ONE_HOT)));
                if (prepared.isEmpty()) return steps;
                Trainer trainer = prepared.get().trainer();
                Batches data = prepared.get().data();
                for (int epoch = 0; epoch < EPOCHS; epoch++) {
                    if (Nd4jAccess.getIfIdle(() -> trainer.fitEpoch(data)).isEmpty()) return steps;
                    steps += warm.batch() <= 0 ? 1 : ROWS / warm.batch();
                }
                boolean logits = warm.spec().output() == NetSpec.Output.LOGIT_BCE;
                if (Nd4jAccess.getIfIdle(() -> {
                    Trainer.loss(trainer.net(), data);
                    Trainer.predictions(trainer.net(), data.features(), false, logits);
                    return true;
                }).isEmpty()) return steps;
            }
            return steps;
        } catch (RuntimeException e) {
            // only an optimisation: the window goes on, but a warm-up that fails is a bug to hear of
            System.err.println("classlab: the warm-up ended early: " + e);
            return steps;
        } finally {
            // DL4J keeps a thread's workspaces after the thread ends
            Nd4jAccess.get(() -> {
                Backend.releaseThreadMemory();
                return null;
            });
        }
    }

    /** A warm-up network's trainer and its rows. */
    private record Prepared(Trainer trainer, Batches data) {}

    /** A network to warm up and its mini-batch size (0 = full batch). */
    record Warm(NetSpec spec, int batch) {}

    /**
     * The lessons' kinds of step: softmax cross-entropy with Adam at batch 8; sigmoid + BCE with plain SGD on
     * the full batch (001's pattern); logits + BCE with BatchNorm, Dropout and momentum SGD at batch 8 (004).
     */
    static List<Warm> specs() {
        return List.of(
                new Warm(NetSpec.mlp(FEATURES, List.of(32), NetSpec.Output.SOFTMAX_CE, 3, NetSpec.Optimizer.ADAM, 1e-3, 1), BATCH),
                new Warm(NetSpec.mlp(FEATURES, List.of(32), NetSpec.Output.SIGMOID_BCE, 1, NetSpec.Optimizer.SGD, 0.1, 1), 0),
                new Warm(NetSpec.mlp(FEATURES, List.of(32, 32), NetSpec.Output.LOGIT_BCE, 1, NetSpec.Optimizer.SGD_MOMENTUM, 0.01, 1)
                        .withBatchNorm(true).withDropout(0.2), BATCH));
    }

    private static LabeledData randomRows(Random random, int classes) {
        float[][] features = new float[ROWS][FEATURES];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) features[i][j] = random.nextFloat();
            labels[i] = i % classes;
        }
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) names[c] = String.valueOf(c);
        return new LabeledData(features, labels, classes, names);
    }

    /** A run control that never pauses or stops and records nothing. */
    private static final RunControl QUIET = new RunControl() {
        @Override public void checkpoint() {}

        @Override public boolean stopRequested() { return false; }

        @Override public void log(String experiment, int epoch, String metric, double value) {}
    };
}
