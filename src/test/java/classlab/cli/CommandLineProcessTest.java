package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: a fresh JVM per command (the JavaFX toolkit it starts for
 * figures must not meet the TestFX toolkit of the UI tests), no display.
 */
class CommandLineProcessTest {
    @TempDir Path tmp;

    private static final Path MNIST_MINI = classlab.testsupport.SharedData.mnistMini();

    private record Result(int exit, String output) {}

    private static Result launch(String... args) throws Exception {
        return launchWith(List.of(), args);
    }

    /** The command with JVM options {@code jvm} (a system property, as bench/app-vs-run passes one). */
    private static Result launchWith(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "classlab.app.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "finished in time");
        return new Result(p.exitValue(), out);
    }

    @Test
    void runWritesSummaryMetricsAndOnePngPerFigure() throws Exception {
        Path out = tmp.resolve("pattern");
        Result r = launch("run", "pattern", "--experiment", "full_batch", "--epochs", "5", "--seed", "3",
                "--data-dir", MNIST_MINI.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.output());
        // ND4J's start-up INFO lines (backend, threads, build flags) are not for a teacher's terminal
        assertFalse(r.output().contains(" INFO org.nd4j"), r.output());
        // nor is JavaFX's warning about being loaded from the class path (trial 2 item 23)
        assertFalse(r.output().contains("Unsupported JavaFX configuration"), r.output());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("pattern", summary.get("lesson").asText());
        assertEquals(3, summary.get("seed").asInt());
        JsonNode experiment = summary.get("experiments").get(0);
        assertEquals("full_batch", experiment.get("name").asText());
        assertEquals(5, experiment.get("epochs").asInt());
        assertTrue(experiment.get("seconds").asDouble() > 0);
        double accuracy = experiment.get("final").get("test_accuracy").asDouble();
        assertTrue(accuracy > 0 && accuracy <= 1, "test_accuracy " + accuracy);
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("experiment,epoch,metric,value", metrics.get(0));
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("full_batch,5,")), "epoch 5 logged");
        long pngs;
        try (var files = Files.list(out)) {
            pngs = files.filter(f -> f.toString().endsWith(".png")).count();
        }
        assertTrue(pngs >= 2, "one PNG per figure, got " + pngs);
        // Charts have a fixed size; a results table is as tall as its rows (one row is about 60 px at 2x).
        try (var files = Files.list(out)) {
            for (Path png : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                BufferedImage img = ImageIO.read(png.toFile());
                assertTrue(img.getWidth() > 100 && img.getHeight() > 40, png + ": " + img.getWidth() + "x" + img.getHeight());
            }
        }
    }

    @Test
    void runWithoutDataAndOfflineExplainsWhereToPutTheFiles() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-cache"));
        Result r = launch("run", "pattern", "--experiment", "full_batch", "--epochs", "1",
                "--data-dir", empty.toString(), "--out", tmp.resolve("o").toString(), "--no-figures");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("train-images-idx3-ubyte.gz"), r.output());
        assertTrue(r.output().contains("--data-dir"), r.output());
    }

    /** Trial 2 item 3: a snapshot whose run fails (no data, offline) writes no slide with the error in it, and exits 1. */
    @Test
    void snapshotWhoseRunFailsWritesNoPicture() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-data"));
        Path png = tmp.resolve("failed.png");
        Result r = launch("snapshot", "pattern", "--experiment", "full_batch", "--epochs", "1", "--data-dir", empty.toString(),
                "--out", png.toString(), "--lang", "en");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("run failed") && r.output().contains("--data-dir"), r.output());
        assertFalse(Files.exists(png), "no picture of an error");
        assertFalse(r.output().contains("app-training"), "the bench line only when asked: " + r.output());
    }

    /** The experiment asked for is the one run, on its own tab (the pane rebuilt for it once went back to the default's tab, which ran that). */
    @Test
    void snapshotRunsTheChosenExperimentAndSavesTheWindow() throws Exception {
        Path png = tmp.resolve("multiclass.png");
        Result r = launchWith(List.of("-Dclasslab.benchLines=true"), "snapshot", "multiclass", "--experiment", "binary_logits", "--epochs", "2",
                "--data-dir", MNIST_MINI.toString(), "--out", png.toString(), "--lang", "ko", "--theme", "dark");
        assertEquals(0, r.exit(), r.output());
        // bench/app-vs-run reads this line: training time and frame gaps measured after the window settled, and what the window cost in CPU.
        assertTrue(java.util.regex.Pattern.compile("app-training: experiment=binary_logits ms=\\d+ frames=\\d+ frame-gap-ms .* "
                + "cpu-ms process=\\d+ fx=\\d+ render=\\d+ frame-cpu-ms p99=[0-9.]+ max=[0-9.]+ settled-after-ms=\\d+").matcher(r.output()).find(), r.output());
        // and the span `run` times (LessonModel.run), with the training thread's CPU in it, for a like-for-like ratio
        assertTrue(java.util.regex.Pattern.compile("app-training: .* train-ms=\\d+ train-cpu-ms=\\d+ before-ms=\\d+ after-ms=\\d+").matcher(r.output()).find(), r.output());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 1000, "whole window, width " + img.getWidth());
        // Monocle's screen is 1280x800: the charts and table scrolled out of sight are in the image too.
        assertTrue(img.getHeight() > 800, "the whole pane, not only its visible part: height " + img.getHeight());
        int first = img.getRGB(0, 0);
        boolean varied = false;
        for (int x = 0; x < img.getWidth() && !varied; x += 7) {
            for (int y = 0; y < img.getHeight() && !varied; y += 7) varied = img.getRGB(x, y) != first;
        }
        assertTrue(varied, "the snapshot shows something");
    }
}
