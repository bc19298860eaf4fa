package classlab.ui.widget;

import classlab.core.figure.Figure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;

/**
 * Renders figures to PNG files without a window, for the command line. With no DISPLAY (or with
 * {@code -Dclasslab.headless=true}) the JavaFX toolkit is started in Monocle's headless mode with
 * the software renderer; under a real display (or Xvfb) the normal toolkit is used. If the app or
 * TestFX already started the toolkit, it is reused.
 */
public final class HeadlessFigures {
    /** System property forcing the Monocle headless toolkit even when DISPLAY is set. */
    public static final String HEADLESS_PROPERTY = "classlab.headless";
    static final String STYLESHEET = "/styles/charts.css";
    static final String KOREAN_FONT = "/assets/fonts/NanumGothic.ttf";
    private static final long TIMEOUT_SECONDS = 120;
    /** Layout passes: chart axes size themselves from the ranges set in the previous pass. */
    private static final int LAYOUT_PASSES = 3;

    private static boolean toolkitReady;
    private static String fontFamily;

    private HeadlessFigures() { }

    /** Renders at scale 1: each PNG is {@code width × height} pixels. */
    public static List<Path> renderToPng(List<Figure> figures, Function<String, String> text, Path outDir,
                                         int width, int height) throws IOException {
        return renderToPng(figures, text, outDir, width, height, 1, ChartTheme.LIGHT_CLASS);
    }

    /**
     * Draws each figure in an offscreen scene of {@code width × height} with charts.css and the given
     * theme, and writes {@code outDir/<figure id>.png} (pixel size × {@code scale}); a results table
     * is as tall as its header and rows instead. Callable from any
     * thread; the drawing itself runs on the FX thread.
     * @param themeClass one of the {@link ChartTheme} style classes, e.g. {@link ChartTheme#LIGHT_CLASS}
     * @return the files written, in figure order
     */
    public static List<Path> renderToPng(List<Figure> figures, Function<String, String> text, Path outDir,
                                         int width, int height, double scale, String themeClass) throws IOException {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        Files.createDirectories(outDir);
        startToolkit();
        URL css = HeadlessFigures.class.getResource(STYLESHEET);
        if (css == null) throw new IllegalStateException(STYLESHEET + " is not on the classpath (styles/ resource folder missing from the build?)");
        List<Path> written = new ArrayList<>();
        for (Figure f : figures) {
            Path file = outDir.resolve(f.id() + ".png");
            onFxThread(() -> {
                FigureView view = FigureView.create(f, text);
                view.setTheme(ChartTheme.forStyleClass(themeClass));
                StackPane root = new StackPane(view);
                root.getStyleClass().add(themeClass);
                if (fontFamily != null) root.setStyle("-fx-font-family: '" + fontFamily + "';");
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(css.toExternalForm());
                for (int i = 0; i < LAYOUT_PASSES; i++) {
                    root.applyCss();
                    root.layout();
                }
                if (view instanceof ResultTableView) {
                    // A table is as tall as its rows, not the chart height: no empty rows below the data.
                    root.resize(width, Math.ceil(view.prefHeight(width)));
                    root.layout();
                }
                FigureExport.png(view, file, scale);
                return null;
            });
            written.add(file);
        }
        return written;
    }

    /**
     * Starts the JavaFX toolkit once (Monocle headless when there is no DISPLAY or when
     * {@value #HEADLESS_PROPERTY} is true) and loads the bundled Korean font if present.
     */
    public static synchronized void startToolkit() {
        if (toolkitReady) return;
        if (System.getenv("DISPLAY") == null || Boolean.getBoolean(HEADLESS_PROPERTY)) {
            // Read by the toolkit at start-up; must be set before Platform.startup.
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("java.awt.headless", "true");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            await(started);
        } catch (IllegalStateException alreadyRunning) {
            // Started by the application or by TestFX: use it as it is.
        }
        Platform.setImplicitExit(false);
        fontFamily = onFxThreadUnchecked(HeadlessFigures::loadKoreanFont);
        toolkitReady = true;
    }

    /** Loads the bundled Korean TTF; returns its family name, or null if it is not bundled. */
    private static String loadKoreanFont() {
        try (InputStream in = HeadlessFigures.class.getResourceAsStream(KOREAN_FONT)) {
            if (in == null) return null;
            Font font = Font.loadFont(in, 12);
            return font == null ? null : font.getFamily();
        } catch (IOException e) {
            return null;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX toolkit did not start within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
    }

    private interface FxTask<T> { T run() throws IOException; }

    private static <T> T onFxThread(FxTask<T> task) throws IOException {
        if (Platform.isFxApplicationThread()) return task.run();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try { result.complete(task.run()); } catch (Throwable t) { result.completeExceptionally(t); }
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) throw (IOException) c;
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new IOException(c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("rendering did not finish within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        }
    }

    private static <T> T onFxThreadUnchecked(FxTask<T> task) {
        try {
            return onFxThread(task);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
