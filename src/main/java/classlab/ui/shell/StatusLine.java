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
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar: messages on the left; run state, ND4J backend and memory on the right.
 * Download progress arrives on the downloading thread as numbers and is formatted on the FX tick.
 */
final class StatusLine {
    private final StatusBar bar;
    /** At most {@link #BACKEND_SHARE} of the bar (a failure's long text), otherwise as wide as its text. */
    private final Label backendLabel = new Label() {
        @Override protected double computeMinWidth(double height) {
            return Math.min(computePrefWidth(height), bar.getWidth() * BACKEND_SHARE);
        }
    };
    private final Label memoryLabel = new Label();
    private final Label runLabel = new Label();
    /** The backend's whole description (the label shows its {@link #summary}). */
    private final Tooltip backendTip = new Tooltip();
    /** Most of the bar's width the backend description takes. */
    private static final double BACKEND_SHARE = 0.28;
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

    /**
     * The backend in the status bar's language, e.g. "CPU (oneDNN, OPENBLAS, 1 thread)" / "… 스레드 1개)":
     * the device once (it read "Cpu (…) CPU", ND4J's class name and the device: trial 5, item 39), the
     * backend's own name only where it says more than the device ("GPU Cuda (…)").
     */
    static String describe(Backend.Info info, Messages messages) {
        String helpers = info.oneDnn() || !info.build().usesOneDnn() ? "" : messages.get("status.backend.no_helpers");
        return messages.format("status.backend.info", deviceName(info), info.build().label(), helpers, info.blas(), info.threads());
    }

    /**
     * The backend in a few words for the bar itself, "CPU · 1 thread" / "CPU · 스레드 1개": the whole
     * {@link #describe description} was cut at 1280 px, in Korean most (trial use); its tooltip has it.
     */
    static String summary(Backend.Info info, Messages messages) {
        return messages.format("status.backend.short", deviceName(info), info.threads());
    }

    /** "CPU", "GPU", or the device with the backend's name where that says more ("GPU Cuda"). */
    private static String deviceName(Backend.Info info) {
        String device = info.gpu() ? "GPU" : "CPU";
        return info.backend().equalsIgnoreCase(device) ? device : device + " " + info.backend();
    }

    StatusLine(StatusBar bar, Messages messages) {
        this.bar = bar;
        this.messages = messages;
        backendLabel.setId("backendLabel");
        runLabel.setId("runLabel");
        memoryLabel.setId("memoryLabel");
        // At 1280 px on a projector the three did not fit: the run state and the memory are never cut,
        // the backend is named in a few words (its whole description in the tooltip), a failure to start
        // it takes at most about a quarter of the bar, and the message wraps onto a second line
        // (wrapMessage) instead of losing its end.
        runLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        memoryLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        backendLabel.maxWidthProperty().bind(bar.widthProperty().multiply(BACKEND_SHARE));
        backendLabel.setTooltip(backendTip);
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(bar.textProperty());
        bar.setTooltip(messageTip);
        if (bar.getSkin() != null) wrapMessage();
        else bar.skinProperty().addListener((o, a, skin) -> wrapMessage());
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

    /**
     * Lets the message wrap: the bar asks its message label for one line's height (the skin's grid
     * measures it without a width), so the bar's minimum height follows the wrapped text at the
     * label's actual width.
     */
    private void wrapMessage() {
        if (!(bar.lookup(".status-label") instanceof Label label)) return;
        label.setWrapText(true);
        javafx.beans.InvalidationListener fit = o -> Platform.runLater(() -> {
            double w = label.getWidth();
            if (w <= 0) return;
            javafx.geometry.Insets in = bar.getInsets();
            bar.setMinHeight(Math.max(MIN_BAR_HEIGHT, label.prefHeight(w) + in.getTop() + in.getBottom()));
        });
        label.widthProperty().addListener(fit);
        label.textProperty().addListener(fit);
        label.fontProperty().addListener(fit);
    }

    /** The status bar's height with a one-line message (ControlsFX's statusbar.css). */
    private static final double MIN_BAR_HEIGHT = 30;

    private void showBackend() {
        String whole = backendError != null ? backendFailure(messages)
                : backend != null ? describe(backend, messages) : messages.get("status.backend.loading");
        backendLabel.setText(backendError == null && backend != null ? summary(backend, messages) : whole);
        backendTip.setText(whole);
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
