package classlab.ui.shell;

import classlab.core.lesson.Environments;
import classlab.core.lesson.LessonCatalog;
import classlab.core.lesson.LessonEnvironment;
import classlab.core.train.Backend;
import classlab.core.train.Warmup;
import classlab.ui.fx.Resources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The JavaFX application. The window appears at once; ND4J loads on a background thread
 * afterwards (1-4 s), and the status bar says so meanwhile.
 */
public final class ClassLabApp extends Application {
    private static final AtomicReference<StartOptions> OPTIONS = new AtomicReference<>();
    /** The lesson catalog, parsed while the JavaFX toolkit starts (Jackson's first use costs ~0.5 s). */
    private static volatile CompletableFuture<LessonCatalog> catalog;
    /** The bundled fonts' files, read while the JavaFX toolkit starts; null when the app started otherwise (tests). */
    private static volatile CompletableFuture<List<byte[]>> fontFiles;
    private static volatile int exitCode;

    private volatile MainWindowController controller;

    /** Starts the app and blocks until its window closes; returns the exit code. */
    public static int launchApp(StartOptions options) {
        OPTIONS.set(options);
        exitCode = 0;
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null
                && System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            // No X display (CI, ssh): render with Monocle's headless platform instead of failing.
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        // JavaFX draws every window; AWT only draws into images (PNG footers, GIFs). Headless, AWT does not
        // open its own connection to the X server, whose XSetErrorHandler call inside GTK's error trap made
        // GDK print "Gdk-WARNING **: XSetErrorHandler() called with a GDK error trap pushed" on every export.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        catalog = CompletableFuture.supplyAsync(LessonCatalog::load);
        fontFiles = CompletableFuture.supplyAsync(ClassLabApp::readFontFiles, task -> {
            Thread reader = new Thread(task, "classlab-font-reader");
            reader.setDaemon(true);
            reader.start();
        });
        Application.launch(ClassLabApp.class);
        return exitCode;
    }

    /** Options for tests that start the app through TestFX instead of {@link #launchApp}. */
    public static void prepare(StartOptions options) { OPTIONS.set(options); }

    /** Where the window remembers its language, theme and lesson as they change (the {@code app} command), or null: nowhere. */
    private static volatile WindowSettings remembered;

    /** Makes the next window remember its language, theme and lesson in {@code settings} (null: it remembers nothing). */
    public static void rememberIn(WindowSettings settings) { remembered = settings; }

    static void setExitCode(int code) { exitCode = code; }

    /** Loads the bundled Korean font so Hangul renders even where no Korean font is installed. */
    private static void loadFonts() {
        CompletableFuture<List<byte[]>> read = fontFiles;
        fontFiles = null;   // 9 MB the heap need not keep once the fonts are loaded
        for (byte[] file : read != null ? read.join() : readFontFiles()) Font.loadFont(new ByteArrayInputStream(file), 13);
    }

    /**
     * The bundled fonts' files (those that could be read). Inflating their 9 MB from the jar takes about
     * 0.1 s, which {@link #launchApp} spends on a thread of its own while the JavaFX toolkit starts.
     */
    private static List<byte[]> readFontFiles() {
        List<byte[]> files = new ArrayList<>();
        for (String name : new String[] {"NanumGothic.ttf", "NanumGothicBold.ttf"}) {
            try (InputStream in = ClassLabApp.class.getResourceAsStream("/assets/fonts/" + name)) {
                if (in != null) files.add(in.readAllBytes());
            } catch (IOException e) {
                System.err.println("classlab: cannot load font " + name + ": " + e.getMessage());
            }
        }
        return files;
    }

    @Override
    public void start(Stage stage) throws IOException {
        StartOptions options = OPTIONS.get();
        loadFonts();
        // A replayed snapshot draws a recording: it needs no data set and downloads none.
        LessonEnvironment env = options.replay() != null && options.snapshotOut() != null
                ? Environments.withoutDownloads(options.dataDir())
                : Environments.create(options.dataDir(), (file, done, total) -> {
                    MainWindowController c = controller;
                    if (c != null) c.downloadProgress(file, done, total);
                });
        controller = new MainWindowController(stage, env, catalog(), options.language(), options.theme(),
                exportDir(), new FolderOpener(FolderOpener.systemOpener(System.getProperty("os.name")),
                        folder -> getHostServices().showDocument(folder.toUri().toString()),
                        (folder, opener, exitCode) -> Platform.runLater(() -> controller.folderNotOpened(folder, opener, exitCode))));
        controller.rememberIn(remembered);
        FXMLLoader loader = new FXMLLoader(Resources.url("/fxml/shell/main_window.fxml"));
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        root.getStyleClass().add(options.theme().styleClass());
        // Maximised on the screen it starts on (a projector is the whole screen; restoring gives 1440x900 or less).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, screen.getWidth(), screen.getHeight());
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setMaximized(true);
        scene.getStylesheets().addAll(Resources.url("/styles/app.css").toExternalForm(),
                Resources.url("/styles/charts.css").toExternalForm());
        stage.setScene(scene);
        controller.setRunsDir(runsDir());
        // A close asks first while a run trains or runs are unsaved (MainWindowController.requestQuit).
        stage.setOnCloseRequest(e -> {
            e.consume();
            controller.requestQuit();
        });
        controller.installShortcuts();
        stage.show();
        // The shell (toolbar, lesson list, status bar saying which lesson opens) is drawn first, the lesson's
        // pane after it: built in the same pulse, it kept the whole window white for 1.5-4 s (trial).
        // a remembered lesson may be gone from this build's catalogue: the first lesson then
        String first = options.lesson() != null && controller.hasLesson(options.lesson()) ? options.lesson() : controller.firstLessonId();
        if (first != null) controller.announceOpening(first);
        if (options.exitAfterShow()) afterFrames(2, () -> System.out.println("first-window-ms=" + sinceJvmStartMs()));
        // ND4J's native start-up (1-2 s of CPU) begins only now, so it does not slow the window's creation.
        Backend.startAsync();
        afterFrames(FRAMES_BEFORE_LESSON, () -> {
            if (first != null) controller.open(first);
            if (options.exitAfterShow()) {
                afterFrames(2, ClassLabApp::exitOnceDrawn);
                return;
            }
            // compiles a training step's code once ND4J is up, giving way to any run (Warmup)
            Warmup.startAfter(Backend.startAsync());
            if (options.snapshotOut() != null) new SnapshotDriver(controller, options).start();
            else controller.restoreSavedRuns();   // a snapshot draws the same every time: no runs of earlier sessions
        });
        if (options.exitAfterShow() || options.snapshotOut() != null) return;
        // Ended from outside (SIGTERM: the window destroyed, a logout): the unsaved runs are written first.
        MainWindowController c = controller;
        saveOnTermination = new Thread(() -> {
            try {
                c.saveOnTermination(3_000);
            } catch (IOException | RuntimeException | InterruptedException e) {
                System.err.println("classlab: could not save the runs before ending: " + e.getMessage());
            }
        }, "classlab-save-on-termination");
        Runtime.getRuntime().addShutdownHook(saveOnTermination);
    }

    /** The shutdown hook that saves unsaved runs when the process is ended from outside, or null. */
    private Thread saveOnTermination;

    private static long sinceJvmStartMs() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * {@code --exit-after-show}, once the first lesson's pane has been laid out and drawn ({@link #afterFrames}):
     * prints {@code first-lesson-ms=} (what a teacher sees, not only the shell) and exits. ND4J's start-up runs
     * meanwhile as in a real start, on its own thread.
     */
    private static void exitOnceDrawn() {
        System.out.println("first-lesson-ms=" + sinceJvmStartMs());
        Platform.exit();
    }

    /**
     * The pulses the shell is given before the first lesson's pane is built. The window shows its content
     * some pulses after the first one has been rendered (mapped by the window system): with 2, the lesson's
     * long pulse came first and the window stayed white until the lesson was drawn; with 4 the shell showed
     * 2.3 s before the lesson (screenshots every 0.2 s of a start under Xvfb, which slow it down). With
     * {@code -Djavafx.pulseLogger=true}, pulses 2 and 3 repaint the shell as the window system exposes it and
     * pulse 4 renders nothing; the lesson comes 0.27 s later than when built with the shell, on a
     * software-rendered VM (README, "The first window").
     */
    static final int FRAMES_BEFORE_LESSON = 4;

    /**
     * Runs {@code action} on the FX thread at the {@code pulses}-th pulse from now (2: once what the scene holds
     * now has been rendered, as a pulse starts only when the one before it has been).
     */
    private static void afterFrames(int pulses, Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < pulses) return;
                stop();
                action.run();
            }
        }.start();
    }

    private static LessonCatalog catalog() {
        CompletableFuture<LessonCatalog> preloaded = catalog;
        if (preloaded == null) return LessonCatalog.load();
        try {
            return preloaded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The window's controller (tests drive the shell through it). */
    public MainWindowController controller() { return controller; }

    @Override
    public void stop() {
        if (controller != null) controller.shutdown();
        if (saveOnTermination != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnTermination);   // a quit through the window: the user chose
            } catch (IllegalStateException alreadyEnding) {
                // the JVM is shutting down: the hook runs and finds the session shut down
            }
        }
    }

    /** Where "Save and quit" writes unsaved runs: {@code ~/ClassLab/runs}, or the {@code classlab.runsDir} property. */
    private static Path runsDir() {
        String override = System.getProperty("classlab.runsDir");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), "ClassLab", "runs");
    }

    private static Path exportDir() {
        String override = System.getProperty("classlab.exportDir");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), "ClassLab", "exports");
    }
}
