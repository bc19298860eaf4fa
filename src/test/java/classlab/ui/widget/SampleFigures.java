package classlab.ui.widget;

import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.HistogramFigure;
import classlab.core.figure.ImageGridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.figure.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Synthetic figures shaped like the lessons' charts, for rendering tests and visual checks. */
final class SampleFigures {
    private SampleFigures() { }

    /** A few English (and one Korean) strings; other keys fall through verbatim. */
    static final Map<String, String> STRINGS = Map.of(
            "loss.title", "Loss per epoch", "epoch", "epoch", "loss", "loss", "lr", "learning rate",
            "best", "best epoch", "stop", "early stop", "macro", "macro AUC", "weighted", "weighted AUC",
            "ko.title", "손실 곡선 (한국어)");

    static final Function<String, String> TEXT = STRINGS::get;

    static List<Figure> all() {
        return List.of(lossWithLr(), logLoss(), roc(), scatter(), aucBars(), gradientBars(), histogram(),
                confusion(), digits(), filters(), masks(), table(), korean(), colourImages(), optimizerRace(), heatMapRace(),
                layerHistograms(), namedConfusion());
    }

    /** Train/validation loss over 60 epochs (3,000 iterations), best/stop markers, lr on a log right axis. */
    static LineFigure lossWithLr() {
        LineFigure f = new LineFigure("loss_lr", "loss.title", "epoch", "loss").rightAxis("lr", true);
        Random r = new Random(1);
        LineFigure.Series train = f.series("train loss");
        for (int i = 0; i < 3000; i++) {
            double e = i / 50.0;
            train.add(e, 2.3 * Math.exp(-e / 8) + 0.08 + 0.05 * r.nextGaussian() * Math.exp(-e / 30));
        }
        LineFigure.Series val = f.series("validation loss");
        LineFigure.Series lr = f.rightSeries("lr");
        for (int e = 1; e <= 60; e++) {
            val.add(e, 2.3 * Math.exp(-e / 8.0) + 0.25 + 0.004 * Math.max(0, e - 42) * (e - 42) / 10);
            lr.add(e, 0.1 * Math.pow(0.5, Math.floor(e / 15.0)));
        }
        f.addMarker("best", 42);
        f.addMarker("stop", 52);
        return f;
    }

    static LineFigure logLoss() {
        LineFigure f = new LineFigure("log_loss", "training loss (log y)", "iteration", "loss").logY(true);
        LineFigure.Series s = f.series("loss");
        LineFigure.Series s2 = f.series("loss, BN");
        for (int i = 1; i <= 500; i++) {
            s.add(i, 3 * Math.pow(i, -0.9));
            s2.add(i, 2 * Math.pow(i, -1.4));
        }
        return f;
    }

    static LineFigure roc() {
        LineFigure f = new LineFigure("roc", "ROC curves", "false positive rate", "true positive rate")
                .diagonal(true).xRange(0.0, 1.0).yRange(0.0, 1.0);
        String[] names = {"class 0 (AUC 0.97)", "class 1 (AUC 0.91)", "class 2 (AUC 0.84)"};
        double[] k = {12, 5, 2.5};
        for (int c = 0; c < 3; c++) {
            LineFigure.Series s = f.series(names[c]);
            for (int i = 0; i <= 50; i++) {
                double fpr = i / 50.0;
                s.add(fpr, 1 - Math.pow(1 - fpr, k[c]), String.format(java.util.Locale.ROOT, "threshold %.2f", 1 - fpr));
            }
        }
        f.addLevel("macro", 0.907);
        return f;
    }

    static LineFigure scatter() {
        LineFigure f = new LineFigure("scatter", "2-D embedding", "z1", "z2").style(LineFigure.Style.SCATTER);
        Random r = new Random(2);
        for (int c = 0; c < 3; c++) {
            LineFigure.Series s = f.series("class " + c);
            for (int i = 0; i < 150; i++) s.add(3 * Math.cos(c * 2.1) + r.nextGaussian(), 3 * Math.sin(c * 2.1) + r.nextGaussian());
        }
        return f;
    }

    static BarFigure aucBars() {
        BarFigure f = new BarFigure("auc_bars", "AUC per class", "class", "AUC");
        double[] a = {0.97, 0.91, 0.84, 0.95, 0.93};
        double[] b = {0.98, 0.93, 0.90, 0.96, 0.94};
        List<String> cats = List.of("0", "1", "2", "3", "4");
        f.setGroup("plain", cats, a);
        f.setGroup("weighted loss", cats, b);
        f.addLevel("macro", 0.92);
        f.addLevel("weighted", 0.934);
        return f;
    }

    static BarFigure gradientBars() {
        BarFigure f = new BarFigure("grad_bars", "mean |gradient| per layer", "layer", "mean |g|").logY(true);
        List<String> layers = List.of("dense 1", "dense 2", "dense 3", "dense 4", "output");
        f.setGroup("sigmoid", layers, new double[] {2e-6, 3e-5, 4e-4, 6e-3, 5e-2});
        f.setGroup("relu + BN", layers, new double[] {1e-2, 1.5e-2, 2e-2, 2.4e-2, 3e-2});
        return f;
    }

    static HistogramFigure histogram() {
        HistogramFigure f = new HistogramFigure("bn_hist", "activations before / after BatchNorm", "activation", 40);
        Random r = new Random(3);
        double[] before = new double[5000], after = new double[5000];
        for (int i = 0; i < before.length; i++) {
            before[i] = 2.5 + 1.8 * r.nextGaussian();
            after[i] = r.nextGaussian();
        }
        f.set("before BN", before);
        f.set("after BN", after);
        return f;
    }

    static GridFigure confusion() {
        GridFigure f = new GridFigure("confusion", "confusion matrix", GridFigure.Palette.HEAT, 1);
        Random r = new Random(4);
        double[][] m = new double[10][10];
        String[] labels = new String[10];
        for (int i = 0; i < 10; i++) {
            labels[i] = Integer.toString(i);
            for (int j = 0; j < 10; j++) m[i][j] = i == j ? 170 + r.nextInt(30) : (r.nextInt(10) < 3 ? r.nextInt(12) : 0);
        }
        f.setPanels(List.of(new GridFigure.Panel("test set, accuracy 0.912", m, labels, labels, true)));
        return f;
    }

    static GridFigure digits() {
        GridFigure f = new GridFigure("digits", "misclassified digits", GridFigure.Palette.GREY, 4);
        List<GridFigure.Panel> panels = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double[][] img = new double[28][28];
            for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) {
                double d = Math.hypot(x - 14, (y - 14) * (0.7 + 0.05 * k));
                img[y][x] = Math.max(0, 1 - Math.abs(d - 7 - k % 3) / 2.2);
            }
            panels.add(new GridFigure.Panel("true " + k + ", predicted " + (k + 3) % 10, img));
        }
        f.setPanels(panels);
        return f;
    }

    static GridFigure filters() {
        GridFigure f = new GridFigure("filters", "first-layer filters", GridFigure.Palette.DIVERGING, 8);
        Random r = new Random(5);
        List<GridFigure.Panel> panels = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double[][] w = new double[5][5];
            for (double[] row : w) for (int j = 0; j < 5; j++) row[j] = r.nextGaussian();
            panels.add(new GridFigure.Panel("filter " + k, w));
        }
        f.setPanels(panels);
        return f;
    }

    static GridFigure masks() {
        GridFigure f = new GridFigure("masks", "dropout masks", GridFigure.Palette.BINARY, 3);
        Random r = new Random(6);
        List<GridFigure.Panel> panels = new ArrayList<>();
        for (double p : new double[] {0.2, 0.5, 0.8}) {
            double[][] m = new double[8][16];
            int on = 0;
            for (double[] row : m) for (int j = 0; j < 16; j++) { row[j] = r.nextDouble() < p ? 1 : 0; on += (int) row[j]; }
            panels.add(new GridFigure.Panel(String.format(java.util.Locale.ROOT, "p=%.1f, active %.1f %%", p, 100.0 * on / 128), m));
        }
        f.setPanels(panels);
        return f;
    }

    static ResultTable table() {
        ResultTable t = new ResultTable("results", "final metrics", List.of("configuration", "epochs", "accuracy", "loss", "lr"));
        t.putRow("a", "plain", 30, 0.91234567, 0.2871234, 1e-3);
        t.putRow("b", "dropout 0.5", 42, 0.9301, 0.2403, 5e-5);
        t.putRow("c", "batch norm", 25, 0.9412, 0.19, 0.1);
        return t;
    }

    static LineFigure korean() {
        LineFigure f = new LineFigure("korean", "ko.title", "에폭", "손실");
        LineFigure.Series s = f.series("학습 손실");
        for (int e = 0; e < 20; e++) s.add(e, Math.exp(-e / 5.0));
        return f;
    }

    /** Class colours of {@link #colourImages()}: one per row, R, G, B in 0 … 1. */
    static final float[][] IMAGE_COLOURS = {{0.9f, 0.2f, 0.1f}, {0.1f, 0.6f, 0.2f}, {0.2f, 0.3f, 0.9f}};

    /**
     * 3 × 4 synthetic 16 × 16 colour images (channel-major, range 0 … 1): a class colour disc on a
     * dark background per row, two-line captions, a wrong and a selected frame.
     */
    static ImageGridFigure colourImages() {
        ImageGridFigure f = new ImageGridFigure("colour_images", "CIFAR-like samples", 4).selectable(true);
        List<ImageGridFigure.Image> images = new ArrayList<>();
        int n = 16;
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                float[] chw = new float[3 * n * n];
                for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
                    boolean in = Math.hypot(x - 7.5, y - 7.5) < 3 + k;
                    for (int ch = 0; ch < 3; ch++) chw[ch * n * n + y * n + x] = in ? IMAGE_COLOURS[c][ch] : 0.05f;
                }
                ImageGridFigure.Image im = ImageGridFigure.Image.rgb(chw, n, n, 0, 1).withCaption("class " + c + "\np = 0." + (9 - k));
                if (c == 1 && k == 2) im = im.withHighlight(ImageGridFigure.Highlight.WRONG);
                images.add(im);
            }
        }
        f.setImages(images);
        f.markSelected(0);
        return f;
    }

    /** f(x, y) = x²/20 + y² with SGD-like and momentum-like paths from (-7, 2), contours, equal aspect. */
    static LineFigure optimizerRace() {
        LineFigure f = new LineFigure("optimizer_race", "optimizer paths", "x", "y").equalAspect(true)
                .background(ScalarField.sample((x, y) -> x * x / 20 + y * y, -10, 10, 81, -5, 5, 41,
                        ScalarField.geomspace(0.05, 20, 10), ScalarField.Rendering.CONTOURS));
        LineFigure.Series sgd = f.series("SGD");
        LineFigure.Series mom = f.series("Momentum");
        double x = -7, y = 2, mx = -7, my = 2, vx = 0, vy = 0;
        for (int i = 0; i < 30; i++) {
            sgd.add(x, y);
            mom.add(mx, my);
            x -= 0.95 * x / 10;
            y -= 0.95 * 2 * y;
            vx = 0.9 * vx - 0.1 * mx / 10;
            vy = 0.9 * vy - 0.1 * 2 * my;
            mx += vx;
            my += vy;
        }
        return f;
    }

    /** Rosenbrock as a heat map with contour lines over it, one path. */
    static LineFigure heatMapRace() {
        LineFigure f = new LineFigure("heat_race", "Rosenbrock", "x", "y").equalAspect(true)
                .background(ScalarField.sample((x, y) -> Math.log1p((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)),
                        -2, 2, 60, -1, 3, 60, ScalarField.linspace(0.5, 7, 8), ScalarField.Rendering.HEAT_MAP_AND_CONTOURS));
        LineFigure.Series s = f.series("Adam");
        for (int i = 0; i <= 20; i++) s.add(-1.5 + 2.5 * i / 20, 2.5 - 1.5 * i / 20);
        return f;
    }

    /** Activations of 5 sigmoid layers as small multiples on range 0 … 1, as the book's figure 6-10. */
    static HistogramFigure layerHistograms() {
        HistogramFigure f = new HistogramFigure("layer_hist", "activations per layer (std 1)", "activation", 30)
                .range(0, 1).smallMultiples(5);
        Random r = new Random(7);
        for (int layer = 1; layer <= 5; layer++) {
            double[] a = new double[2000];
            for (int i = 0; i < a.length; i++) {
                double z = 3 * r.nextGaussian();
                a[i] = 1 / (1 + Math.exp(-z));
            }
            f.set(layer + "-layer", a);
        }
        return f;
    }

    /** A 10-class confusion matrix with CIFAR-10's class names, selectable (the drill-down of lesson L7). */
    static GridFigure namedConfusion() {
        String[] names = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
        GridFigure f = new GridFigure("named_confusion", "confusion matrix, rows true", GridFigure.Palette.HEAT, 1).selectable(true);
        Random r = new Random(8);
        double[][] m = new double[10][10];
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) m[i][j] = i == j ? 60 + r.nextInt(30) : r.nextInt(12);
        f.setPanels(List.of(new GridFigure.Panel("test accuracy 0.712", m, names, names, true)));
        return f;
    }
}
