package classlab.ui.widget;

import classlab.core.figure.Figure;
import classlab.core.lesson.LessonStrings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Saves figures as PNG (a snapshot of the node, optionally with a {@link ExportStamp} footer) and as
 * CSV (the figure's data, optionally localised and stamped). Used by the pane's export and the
 * command line's {@code run}.
 */
public final class FigureExport {
    /** Default PNG scale: twice the on-screen size, sharp enough for slides and reports. */
    public static final double DEFAULT_SCALE = 2;
    private static final long WAIT_SECONDS = 30;

    private FigureExport() { }

    /** Writes a PNG of {@code node} at {@link #DEFAULT_SCALE}; FX thread only. */
    public static void png(Node node, Path file) throws IOException { png(node, file, DEFAULT_SCALE); }

    /**
     * Writes a PNG of {@code node} scaled by {@code scale} (image size = node size × scale).
     * Must run on the FX thread; from other threads use {@link #pngAndWait}.
     */
    public static void png(Node node, Path file, double scale) throws IOException {
        writePng(snapshot(node, scale), file);
    }

    /** The node drawn at {@code scale}; FX thread only. Cheap: the expensive part is {@link #writePng}. */
    public static WritableImage snapshot(Node node, double scale) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FigureExport snapshots must run on the JavaFX thread; use pngAndWait from other threads");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("PNG scale must be > 0, got " + scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        return node.snapshot(params, null);
    }

    /** Encodes and writes a snapshot as PNG; safe from any thread, so the UI can do it in the background. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        writeImage(SwingFXUtils.fromFXImage(image, null), file);
    }

    /** {@link #writePng(WritableImage, Path)} with {@code stamp}'s line as a footer under the image. Any thread. */
    public static void writePng(WritableImage image, ExportStamp stamp, Path file) throws IOException {
        writeImage(StampedImages.withFooter(SwingFXUtils.fromFXImage(image, null), stamp.line()), file);
    }

    private static void writeImage(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        // Write beside the target and move it into place, so a reader never sees half a PNG.
        Path part = file.resolveSibling(file.getFileName() + ".part");
        if (!ImageIO.write(image, "png", part.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@link #png(Node, Path, double)} from any thread: runs it on the FX thread and waits. */
    public static void pngAndWait(Node node, Path file, double scale) throws IOException {
        if (Platform.isFxApplicationThread()) { png(node, file, scale); return; }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                png(node, file, scale);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) throw (IOException) c;
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            throw new IOException("PNG export of " + file + " failed", c);
        } catch (TimeoutException e) {
            throw new IOException("PNG export of " + file + " did not finish within " + WAIT_SECONDS + " s (FX thread busy?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while exporting " + file, e);
        }
    }

    /** Writes {@code f.toCsv()} as UTF-8. Safe from any thread. */
    public static void csv(Figure f, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, f.toCsv(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the figure's data as UTF-8 CSV for a reader: a {@code #} line with the stamp, then the
     * header and rows with every message key localised by {@code text} (column names such as
     * {@code column.config} and the fixed {@code series,x,y} headers via {@code csv.<name>}; series
     * and row names such as {@code series.none}); numbers are written as they are. Any thread.
     */
    public static void csv(Figure f, Function<String, String> text, ExportStamp stamp, Path file) throws IOException {
        List<List<String>> rows = CsvText.parse(f.toCsv());
        StringBuilder sb = new StringBuilder("# ").append(stamp.line().replace('\n', ' ')).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (String cell : rows.get(r)) {
                String header = r == 0 ? text.apply("csv." + cell) : null;
                cells.add(header != null && !header.equals("csv." + cell) ? header : LessonStrings.resolve(text, cell));
            }
            sb.append(CsvText.line(cells)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code frames} (for example a chart after each epoch) as an animated GIF that loops,
     * {@code delayMillis} per frame, each with {@code stamp}'s footer. Any thread.
     */
    public static void writeGif(List<WritableImage> frames, ExportStamp stamp, int delayMillis, Path file) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (WritableImage f : frames) images.add(StampedImages.withFooter(SwingFXUtils.fromFXImage(f, null), stamp.line()));
        StampedImages.writeGif(images, delayMillis, file);
    }

}
