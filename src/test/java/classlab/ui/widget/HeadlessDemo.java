package classlab.ui.widget;

import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Renders {@link SampleFigures} to PNG from a plain {@code java} process:
 * {@code java -cp ... classlab.ui.widget.HeadlessDemo <outDir> [themeClass] [width] [height]}.
 * Used by {@link HeadlessFiguresProcessTest} and for looking at the charts.
 */
public final class HeadlessDemo {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) throw new IllegalArgumentException("usage: HeadlessDemo <outDir> [themeClass] [width] [height]");
        String theme = args.length > 1 ? args[1] : ChartTheme.LIGHT_CLASS;
        int w = args.length > 2 ? Integer.parseInt(args[2]) : 640;
        int h = args.length > 3 ? Integer.parseInt(args[3]) : 420;
        HeadlessFigures.renderToPng(SampleFigures.all(), SampleFigures.TEXT, Path.of(args[0]), w, h, 1, theme);
        Platform.exit();
    }
}
