package classlab.ui.shell;

import classlab.core.lesson.LessonStrings;
import classlab.core.train.Backend;
import classlab.core.train.ThreadTimes;
import classlab.core.train.TrainingEngine;
import classlab.core.train.Warmup;
import classlab.ui.lesson.LessonPaneController;
import classlab.ui.lesson.LessonSession;
import classlab.ui.widget.FigureExport;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.util.Duration;

/**
 * The {@code snapshot} command inside the real window: open the lesson, run its default
 * experiment to the end (or replay a recorded run), let the charts draw, save the whole pane as
 * PNG, exit.
 */
final class SnapshotDriver {
    private final MainWindowController controller;
    private final StartOptions options;

    SnapshotDriver(MainWindowController controller, StartOptions options) {
        this.controller = controller;
        this.options = options;
    }

    void start() {
        LessonPaneController pane = controller.currentPane();
        LessonSession session = pane.session();
        if (options.experiment() != null) session.selectExperiment(options.experiment());
        // Every epoch count of the lesson, not only one named "epochs" (batchnorm-gradients has four).
        if (options.epochs() != null) session.setAllEpochs(options.epochs());
        // The form shows the epochs, and the tab of the chosen experiment is the one drawn.
        if (options.experiment() != null || options.epochs() != null) controller.rebuildPaneAtExperiment();
        ChangeListener<TrainingEngine.State> done = new ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends TrainingEngine.State> o,
                                          TrainingEngine.State a, TrainingEngine.State s) {
                if (s == TrainingEngine.State.FINISHED || s == TrainingEngine.State.FAILED || s == TrainingEngine.State.STOPPED) {
                    if (s == TrainingEngine.State.FINISHED && startedAt != 0 && ++runsDone < options.repeat()) {
                        System.out.println(memoryLine());
                        startPeak();
                        session.run();   // the same experiment again in this process: is memory flat?
                        return;
                    }
                    if (options.repeat() > 1 && startedAt != 0) System.out.println(memoryLine());
                    session.stateProperty().removeListener(this);
                    frames.stop();
                    measuringFrames = false;
                    // Throughput in the app against `run` of the same experiment: bench/app-vs-run reads this line
                    // and asks for it with -Dclasslab.benchLines=true; a user's snapshot does not print it.
                    if (startedAt != 0 && Boolean.getBoolean("classlab.benchLines")) System.out.println(frames.summary(session.selectedExperiment(), (System.nanoTime() - startedAt) / 1e6, peakResident())
                            + String.format(java.util.Locale.ROOT, " settled-after-ms=%.0f trainer-cpu-ms=%.0f jit=%s%s", settledMs,
                                    session.engine().jobCpuNanos() / 1e6, jitFlags(), warmup()) + spans(session, System.nanoTime()) + frames.threadSummary() + frames.worstGaps());
                    if (s == TrainingEngine.State.FAILED) {
                        // No picture of an error message: a slide must show a run, and exit 1 says it did not happen.
                        System.err.println("classlab: run failed: " + LessonStrings.resolve(strings(session), session.engine().failure()));
                        ClassLabApp.setExitCode(1);
                        controller.shutdown();
                        Platform.exit();
                        return;
                    }
                    // A replay of a stopped run ends stopped, as recorded: that is a success too.
                    boolean asPlanned = s == TrainingEngine.State.FINISHED || options.replay() != null && s == TrainingEngine.State.STOPPED;
                    ClassLabApp.setExitCode(asPlanned ? 0 : 1);
                    // Give the 10 Hz figure pump and layout a moment to draw the final state.
                    PauseTransition settle = new PauseTransition(Duration.millis(600));
                    settle.setOnFinished(e -> capture(controller.currentPane()));
                    settle.play();
                }
            }
        };
        session.stateProperty().addListener(done);
        // Run is pressed once start-up is over, the warm-up included (a teacher rarely presses it within seconds)
        Backend.startAsync().thenCombine(Warmup.done(), (info, warmup) -> info).whenComplete((info, error) -> Platform.runLater(() -> {
            if (error != null) fail("ND4J did not start: " + strings(session).describe(error));
            else if (options.replay() != null) replay(session);
            else new Settle(() -> {
                startedAt = System.nanoTime();
                if (options.repeat() > 1) startPeak();
                frames.start();
                session.run();
            }).start();
        }));
    }

    /**
     * Waits, before a measured run, until the window has been built, laid out and drawn and answers
     * at frame rate ({@value #SETTLED_FRAMES} frames in a row less than {@value #SETTLED_GAP_MS} ms
     * apart, at most {@value #SETTLE_LIMIT_MS} ms), as it has when a student presses Run: otherwise
     * the window's first CSS and layout pass (Markdown formulas, every tab's form and charts), which
     * the start-up figure measures, would be counted as a frame gap of the training.
     */
    private final class Settle extends javafx.animation.AnimationTimer {
        private final Runnable then;
        private final long since = System.nanoTime();
        private long last;
        private int quickFrames;

        Settle(Runnable then) { this.then = then; }

        @Override
        public void handle(long now) {
            quickFrames = last != 0 && now - last < SETTLED_GAP_MS * 1_000_000L ? quickFrames + 1 : 0;
            last = now;
            if (quickFrames < SETTLED_FRAMES && now - since < SETTLE_LIMIT_MS * 1_000_000L) return;
            stop();
            settledMs = (System.nanoTime() - since) / 1e6;
            then.run();
        }
    }

    /** The warm-up before the run, for the bench line: mini-batches and milliseconds ({@link Warmup}). */
    private static String warmup() {
        Warmup.Result r = Warmup.done().getNow(null);
        return r == null ? "" : String.format(java.util.Locale.ROOT, " warmup-steps=%d warmup-ms=%.0f", r.steps(), r.millis());
    }

    /**
     * Where the window's time between Run and the end goes, for bench/app-vs-run: {@code train-ms} is
     * the span of {@code LessonModel.run} ({@code run} on the command line times the same) and
     * {@code train-cpu-ms} the training thread's CPU in it,
     * {@code before-ms} from Run to its start, {@code after-ms} from its end until the window heard
     * that the run ended, {@code lock-wait-ms} the training thread's waits for ND4J (another thread
     * using it), {@code trainer-queued-ms} its time ready to run without a core. Empty when the run did not finish, and after repeated runs.
     */
    private String spans(LessonSession session, long now) {
        long[] span = session.lastTrainingSpan();
        if (span == null || options.repeat() > 1) return "";
        return String.format(java.util.Locale.ROOT, " train-ms=%.0f train-cpu-ms=%.0f before-ms=%.0f after-ms=%.0f lock-wait-ms=%.0f trainer-queued-ms=%.0f",
                (span[1] - span[0]) / 1e6, span[2] / 1e6, (span[0] - startedAt) / 1e6, (now - span[1]) / 1e6,
                session.engine().lockWaitNanos() / 1e6, session.engine().jobRunQueueNanos() / 1e6);
    }

    /**
     * This JVM's compiler settings as JVM options joined by commas ({@code -XX:TieredStopAtLevel=1} in
     * the window the launcher starts), or {@code default}: bench/app-vs-run gives {@code run} the same.
     */
    private static String jitFlags() {
        java.util.List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.matches("-XX:([+-]?Tiered\\w*|TieredStopAtLevel=\\d)")).toList();
        return flags.isEmpty() ? "default" : String.join(",", flags);
    }

    private static final int SETTLED_FRAMES = 30;
    private static final long SETTLED_GAP_MS = 50;
    private static final long SETTLE_LIMIT_MS = 30_000;
    private double settledMs;

    private long startedAt;
    private int runsDone;
    private final FrameGaps frames = new FrameGaps();
    private static volatile boolean measuringFrames;

    /**
     * Whether this process's snapshot is measuring the window's frames: from Run to the end of the
     * run (or the last of {@code --repeat}), the span of its bench line. bench/FxThreadSampler samples
     * the JavaFX thread only then (not the window's start-up, nor the PNG written after the run).
     */
    static boolean measuringFrames() { return measuringFrames; }

    /**
     * Resident memory after run {@link #runsDone} of a repeated snapshot ({@code --repeat N}), the
     * process's peak so far, the run's own peak ({@code run-peak-rss-mb}; -1 where the system cannot
     * restart the peak), and the heap in use, for bench/app-vs-run --repeat: flat over the runs means
     * nothing accumulates.
     */
    private String memoryLine() {
        Runtime rt = Runtime.getRuntime();
        long runPeak = Backend.peakResidentBytes();
        return String.format(java.util.Locale.ROOT, "app-repeat: run=%d ms=%.0f rss-mb=%.0f peak-rss-mb=%.0f heap-used-mb=%.0f heap-committed-mb=%.0f guard-gcs=%d run-peak-rss-mb=%.0f",
                runsDone, (System.nanoTime() - startedAt) / 1e6, Backend.residentBytes() / 1048576.0,
                peakResident() / 1048576.0, (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0,
                classlab.core.train.NativeMemoryGuard.collections(), peakRestarts ? runPeak / 1048576.0 : -1.0);
    }

    /** The process's peak resident size, in bytes, over the peaks of the runs {@link #startPeak} separated. */
    private long peakResident() {
        return Math.max(earlierPeak, Backend.peakResidentBytes());
    }

    /** A repeated snapshot's next run starts: its own peak resident size begins now. */
    private void startPeak() {
        earlierPeak = peakResident();
        peakRestarts = Backend.resetPeakResident();
    }

    private long earlierPeak;
    private boolean peakRestarts;

    /** Intervals between JavaFX pulses while training: what a student sees as stutter when they are long. */
    private static final class FrameGaps extends javafx.animation.AnimationTimer {
        private final java.util.List<Double> gapsMs = new java.util.ArrayList<>();
        /**
         * Per gap (ms): its length, when it ended (since the first frame), the collector's pause time inside it,
         * the FX and render threads' CPU in it, and the FX thread's time ready to run without a core in it (-1: unknown).
         */
        private final java.util.List<double[]> gapWhen = new java.util.ArrayList<>();
        private long first;
        private long lastGcMs;
        private long lastQueued = -1;
        private long last;
        /** CPU nanoseconds at the start: the whole process, the FX application thread, Prism's render thread. */
        private long[] cpuAtStart;

        /** CPU milliseconds the FX and render threads used between two pulses, per pulse. */
        private final java.util.List<Double> frameCpuMs = new java.util.ArrayList<>();
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long renderThread = -1;
        private long lastWindowCpu;

        @Override
        public void start() {
            cpuAtStart = cpuNanos();
            groupsAtStart = classlab.core.train.ThreadTimes.now();
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("QuantumRenderer")) renderThread = t.getThreadId();
            }
            lastWindowCpu = windowCpu();
            measuringFrames = true;
            super.start();
        }

        @Override
        public void handle(long now) {
            long gcMs = collectorPauseMs();
            long cpu = windowCpu();
            long queued = ThreadTimes.runQueueWaitNanos();
            if (last != 0) {
                gapsMs.add((now - last) / 1e6);
                gapWhen.add(new double[] {(now - last) / 1e6, (now - first) / 1e6, gcMs - lastGcMs, (cpu - lastWindowCpu) / 1e6,
                        queued < 0 || lastQueued < 0 ? -1 : (queued - lastQueued) / 1e6});
            } else {
                first = now;
            }
            lastGcMs = gcMs;
            lastQueued = queued;
            last = now;
            frameCpuMs.add((cpu - lastWindowCpu) / 1e6);
            lastWindowCpu = cpu;
        }

        private classlab.core.train.ThreadTimes.Snapshot groupsAtStart;

        private final java.util.List<java.lang.management.GarbageCollectorMXBean> collectors =
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();

        /** The collector's pause time so far, ms (G1: young and mixed pauses, full collections; Shenandoah's pauses). */
        private long collectorPauseMs() {
            long ms = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : collectors) {
                if (ThreadTimes.countsPauses(gc)) ms += Math.max(0, gc.getCollectionTime());
            }
            return ms;
        }

        /**
         * {@code " worst-gaps=114@0.2s/gc30/cpu40/q35,... worst-frame-cpu=..."}: the five longest gaps and the five
         * frames whose FX and render threads used the most CPU, each with the time its frame came (seconds
         * since training started), the collector's pause time inside the gap, the window's CPU for it and the
         * FX thread's wait for a core in it (ms): which frames are slow (the run's first, the last, a
         * collection, a busy machine), to look for their cause.
         */
        String worstGaps() {
            if (gapWhen.isEmpty()) return "";
            return " worst-gaps=" + worst(0) + " worst-frame-cpu=" + worst(3);
        }

        private String worst(int by) {
            StringBuilder sb = new StringBuilder();
            gapWhen.stream().sorted((a, b) -> Double.compare(b[by], a[by])).limit(5).forEach(g -> sb.append(sb.length() == 0 ? "" : ",").append(
                    String.format(java.util.Locale.ROOT, "%.0f@%.1fs/gc%.0f/cpu%.0f/q%.0f", g[0], g[1] / 1e3, g[2], g[3], g[4])));
            return sb.toString();
        }

        /** CPU nanoseconds so far of this (the FX) thread and the render thread. */
        private long windowCpu() {
            return threads.getCurrentThreadCpuTime() + (renderThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread)));
        }

        /**
         * CPU time so far of the process (training, JIT compilers, GC and the window), of the FX
         * application thread (CSS, layout, chart updates) and of the render thread(s) (painting):
         * what the window costs the two cores the training shares, independent of other load.
         */
        private static long[] cpuNanos() {
            long[] cpu = new long[3];
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                cpu[0] = os.getProcessCpuTime();
            }
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) continue;
                int slot = t.getThreadName().equals("JavaFX Application Thread") ? 1 : t.getThreadName().startsWith("QuantumRenderer") ? 2 : 0;
                if (slot > 0) cpu[slot] += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
            return cpu;
        }

        String summary(String experiment, double trainingMs, long peakResidentBytes) {
            double[] g = gapsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p50 = g.length == 0 ? Double.NaN : g[(int) Math.floor(0.50 * (g.length - 1))];
            double p99 = g.length == 0 ? Double.NaN : g[(int) Math.floor(0.99 * (g.length - 1))];
            double max = g.length == 0 ? Double.NaN : g[g.length - 1];
            return String.format(java.util.Locale.ROOT,
                    "app-training: experiment=%s ms=%.0f frames=%d frame-gap-ms p50=%.1f p99=%.1f max=%.1f peak-rss-mb=%.0f",
                    experiment, trainingMs, g.length + 1, p50, p99, max, peakResidentBytes / 1048576.0)
                    + cpuSummary();
        }

        /**
         * The CPU the window used while training, and per frame: the p99 and max of the FX and render
         * threads' CPU between two pulses, which is about what a frame takes when the window has a
         * core to itself (2 cores, one training thread), whatever else loads the machine.
         */
        private String cpuSummary() {
            long[] now = cpuNanos();
            double[] f = frameCpuMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return String.format(java.util.Locale.ROOT, " cpu-ms process=%.0f fx=%.0f render=%.0f frame-cpu-ms p99=%.1f max=%.1f",
                    (now[0] - cpuAtStart[0]) / 1e6, (now[1] - cpuAtStart[1]) / 1e6, (now[2] - cpuAtStart[2]) / 1e6,
                    f.length == 0 ? Double.NaN : f[(int) Math.floor(0.99 * (f.length - 1))], f.length == 0 ? Double.NaN : f[f.length - 1]);
        }

        /** CPU per kind of thread and the collector's pauses since {@link #start} ({@code ThreadTimes.summary}). */
        String threadSummary() {
            return classlab.core.train.ThreadTimes.summary(groupsAtStart, classlab.core.train.ThreadTimes.now(), -1);
        }
    }

    /** Draws a recorded run instead of training (as fast as the figures take it). */
    private void replay(LessonSession session) {
        try {
            session.replay(classlab.core.classroom.RunFiles.read(options.replay()), REPLAY_STEPS_PER_SECOND);
            controller.rebuildPaneAtExperiment();   // the form shows the recording's settings, its tab the recording's experiment
        } catch (java.io.IOException | IllegalArgumentException e) {
            fail("cannot replay " + options.replay() + ": " + strings(session).describe(e));
        }
    }

    /** Replay speed of a snapshot: no waiting between epochs worth seeing. */
    private static final double REPLAY_STEPS_PER_SECOND = 1000;

    private void capture(LessonPaneController pane) {
        pane.refreshFigures();
        javafx.scene.Parent window = pane.root().getScene().getRoot();
        window.applyCss();
        window.layout();
        // The whole pane: grow the window's root by what the section scrolls out of sight, then draw it.
        // Taller charts may follow a taller viewport, so repeat until nothing is hidden.
        for (int pass = 0; pass < 4 && pane.hiddenHeight() > 1; pass++) {
            window.resize(window.getLayoutBounds().getWidth(), window.getLayoutBounds().getHeight() + pane.hiddenHeight());
            window.applyCss();
            window.layout();
        }
        try {
            FigureExport.png(window, options.snapshotOut(), 1.0);
            System.out.println("wrote " + options.snapshotOut().toAbsolutePath());
        } catch (Exception e) {
            System.err.println("classlab: cannot write " + options.snapshotOut() + ": "
                    + strings(pane.session()).describe(e));
            ClassLabApp.setExitCode(1);
        }
        controller.shutdown();
        Platform.exit();
    }

    /** The lesson's strings in the snapshot's language, for failures told on the terminal. */
    private LessonStrings strings(LessonSession session) {
        return LessonStrings.load(session.entry().id(), options.language());
    }

    private void fail(String message) {
        System.err.println("classlab: " + message);
        ClassLabApp.setExitCode(2);
        controller.shutdown();
        Platform.exit();
    }
}
