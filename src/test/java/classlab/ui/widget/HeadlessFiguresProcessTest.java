package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link HeadlessDemo} in a fresh plain {@code java} process with no DISPLAY and none of the
 * TestFX/Monocle system properties, so {@link HeadlessFigures} must start the toolkit itself.
 */
class HeadlessFiguresProcessTest {

    @Test
    void rendersEveryFigureFromAPlainJvmWithoutDisplay(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, HeadlessDemo.class.getName(), dir.toString(), ChartTheme.LIGHT_CLASS, "500", "320");
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        File log = dir.resolve("log.txt").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "renderer did not finish");
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);

        for (Figure f : SampleFigures.all()) {
            Path png = dir.resolve(f.id() + ".png");
            assertTrue(Files.exists(png), "missing " + png + "\n" + output);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(500, img.getWidth(), png.toString());
            // A results table is as tall as its rows, up to the size asked for; charts fill it.
            if (f instanceof classlab.core.figure.ResultTable) assertTrue(img.getHeight() > 40 && img.getHeight() <= 320, png + ": " + img.getHeight());
            else assertEquals(320, img.getHeight(), png.toString());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 4) for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y));
            assertTrue(colours.size() > 5, png + " looks blank: " + colours.size() + " colours");
        }
        assertTrue(List.of(dir.toFile().list()).size() >= SampleFigures.all().size());
    }
}
