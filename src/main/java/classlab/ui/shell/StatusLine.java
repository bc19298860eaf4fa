package classlab.ui.shell;

import classlab.core.lesson.LessonStrings;
import classlab.core.data.DataCache;
import classlab.core.train.Backend;
import classlab.core.train.StartupWatchdog;
import classlab.ui.fx.Messages;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar: messages on the left; run state, ND4J backend and memory on the right.
 * Download progress arrives on the downloading thread as numbers and is formatted on the FX tick.
 */
final class StatusLine {
    private final StatusBar bar;
    private final Label backendLabel = new Label();
    private final Label memoryLabel = new Label();
    private final Label runLabel = new Label();
    private final Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private Messages messages;
    /** The ready backend, or null while loading (worded again after a language switch). */
    private Backend.Info backend;
    /** Why the backend did not start, or null. */
    private Throwable backendError;
    /** The left message, worded by the current messages; null when none. */
    private Function<Messages, String> message;
    private volatile Download download;

    private record Download(String file, long done, long total) {}

    /** The backend in the status bar's language, e.g. "Cpu (oneDNN, OPENBLAS, 1 thread) CPU" / "… 스레드 1개) CPU". */
    static String describe(Backend.Info info, Messages messages) {
        String helpers = info.oneDnn() || !info.build().usesOneDnn() ? "" : messages.get("status.backend.no_helpers");
        return messages.format("status.backend.info", info.backend(), info.build().label(), helpers, info.blas(), info.threads(),
                info.gpu() ? "GPU" : "CPU");
    }

    StatusLine(StatusBar bar, Messages messages) {
        this.bar = bar;
        this.messages = messages;
        backendLabel.setId("backendLabel");
        runLabel.setId("runLabel");
        bar.getRightItems().addAll(runLabel, new Separator(Orientation.VERTICAL), backendLabel,
                new Separator(Orientation.VERTICAL), memoryLabel);
        clipToBounds(bar);
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        Backend.whenReady().whenComplete((info, error) -> Platform.runLater(() -> {
            backend = info;
            backendError = error;
            showBackend();
            // "ready" is the least of the messages: it does not push out one the user has still to read (runs restored at start).
            if (error != null) show(this::backendFailure);
            else if (message == null) show(m -> m.format("status.backend.ready", info.startMillis()));
        }));
        // A start-up that never ends (seen once in 25 starts) gets a thread dump and a word to the user.
        StartupWatchdog.watch(Backend.whenReady(), StartupWatchdog.DEFAULT_LIMIT, DataCache.resolve(null).dataDir().resolve("logs"))
                .thenAccept(dump -> Platform.runLater(() -> {
                    if (!Backend.whenReady().isDone()) show(m -> m.format("status.backend.slow", StartupWatchdog.DEFAULT_LIMIT.toSeconds(), dump));
                }));
        showBackend();
        tick();
    }

    /**
     * Clips {@code bar} to its own bounds. Its labels reach one pixel below it once they show text (the
     * run state as a run starts): the window's bounds then grew by that pixel, and a node whose bounds
     * change is repainted whole, here the whole window (pulse logger: a full-window repaint at the start
     * of every run). Clipped, the bar's bounds stay its size whatever its labels say.
     */
    static void clipToBounds(javafx.scene.layout.Region bar) {
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(bar.widthProperty());
        clip.heightProperty().bind(bar.heightProperty());
        bar.setClip(clip);
    }

    /** Words the backend and the left message again in {@code m}'s language (Ctrl+L). */
    void setMessages(Messages m) {
        messages = m;
        showBackend();
        if (message != null) bar.setText(message.apply(m));
        tick();
    }

    private void showBackend() {
        backendLabel.setText(backendError != null ? backendFailure(messages)
                : backend != null ? describe(backend, messages) : messages.get("status.backend.loading"));
    }

    private String backendFailure(Messages m) {
        return m.format("status.backend.failed", LessonStrings.load(null, m.language()).describe(backendError));
    }

    /** Shows a message on the left, worded by the current messages now and after each language switch. */
    void show(Function<Messages, String> text) {
        message = text;
        bar.setText(text.apply(messages));
    }

    /** Clears the left message (a new run, another lesson: an export's "wrote …" belongs to the moment it was made). */
    void clear() {
        message = null;
        bar.setText("");
    }

    void showRunState(String text) { runLabel.setText(text); }

    /** From the downloading thread. */
    void downloadProgress(String file, long done, long total) {
        download = total > 0 && done >= total ? null : new Download(file, done, total);
    }

    private void tick() {
        Download d = download;
        if (d != null) {
            bar.setText(d.total() > 0 ? messages.format("status.download", d.file(), 100 * d.done() / d.total())
                                      : messages.format("status.download.bytes", d.file(), d.done() >> 10));
        }
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long resident = Backend.residentBytes() >> 20;  // the process's resident set (RSS)
        memoryLabel.setText(new MessageFormat(messages.get("status.memory"), Locale.ROOT).format(new Object[] {heap, resident}));
    }

    void stop() { tick.stop(); }
}
