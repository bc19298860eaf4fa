package classlab.ui.classroom;

import classlab.core.lesson.LessonStrings;
import classlab.core.classroom.DigitPreprocessing;
import classlab.core.lesson.DigitClassifier;
import classlab.ui.fx.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Draw a digit: a canvas where a student draws with the mouse (or a pen or finger); after every
 * stroke segment the drawing is preprocessed as MNIST ({@link DigitPreprocessing}) and classified
 * by the lesson's trained network on a worker thread, and the 28×28 input and the class
 * probabilities are shown beside the canvas.
 */
public final class DigitPadView extends VBox {
    /** The canvas side in pixels: ten canvas pixels per MNIST pixel. */
    static final int PAD = 280;
    /** Brush diameter: about 2.5 MNIST pixels once the digit is scaled into the 20×20 box. */
    static final double BRUSH = 22;
    private static final int PREVIEW_SCALE = 4;
    /** Width of a probability bar of 100 %. */
    private static final double BAR = 90;
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classlab-digit");
        t.setDaemon(true);
        return t;
    });

    private final DigitClassifier classifier;
    private final Messages text;
    private final Canvas canvas = new Canvas(PAD, PAD);
    private final double[][] ink = new double[PAD][PAD];
    private final WritableImage preview = new WritableImage(DigitPreprocessing.SIZE, DigitPreprocessing.SIZE);
    private final GridPane bars = new GridPane();
    private final List<Region> barFills = new ArrayList<>();
    private final List<Label> barValues = new ArrayList<>();
    private final List<Label> barLabels = new ArrayList<>();
    private final Label status = new Label();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicReference<double[][]> pending = new AtomicReference<>();
    private double lastX = Double.NaN, lastY = Double.NaN;
    private double[] lastProbabilities;
    /** Whether the status line shows the prompt (no drawing classified since the last clear). */
    private boolean prompting;

    public DigitPadView(DigitClassifier classifier, Messages text) {
        super(8);
        this.classifier = classifier;
        this.text = text;
        setId("digitPad");
        Label title = new Label(text.get("digits.title"));
        title.getStyleClass().add("panel-title");
        Label hint = new Label(text.get("digits.hint"));
        hint.setWrapText(true);
        canvas.setId("digitCanvas");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> { lastX = Double.NaN; paint(e.getX(), e.getY()); });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> paint(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastX = Double.NaN);
        StackPane frame = new StackPane(canvas);
        frame.setMaxSize(PAD + 4, PAD + 4);
        frame.setStyle("-fx-border-color: #888; -fx-border-width: 2;");
        Button clear = new Button(text.get("digits.clear"));
        clear.setId("digitClear");
        clear.setOnAction(e -> clear());
        ImageView input = new ImageView(preview);
        input.setId("digitInput");
        input.setSmooth(false);
        input.setFitWidth(DigitPreprocessing.SIZE * PREVIEW_SCALE);
        input.setFitHeight(DigitPreprocessing.SIZE * PREVIEW_SCALE);
        // The caption spans the drawer above the input and the bars: beside the bars, in the input's
        // 90 px column, it stood one word per line (trial report 3, item 19).
        Label inputCaption = new Label(text.get("digits.input"));
        inputCaption.setId("digitInputCaption");
        inputCaption.setWrapText(true);
        VBox inputBox = new VBox(4, new StackPane(input));
        inputBox.setMaxWidth(DigitPreprocessing.SIZE * PREVIEW_SCALE + 10);
        bars.setHgap(6);
        bars.setVgap(2);
        bars.setId("digitBars");
        status.setWrapText(true);
        status.setId("digitStatus");
        // Narrow enough for the side drawer: the canvas above, the 28x28 input and the bars below it.
        HBox seen = new HBox(12, inputBox, bars);
        seen.setAlignment(Pos.TOP_LEFT);
        // The network's answer above the canvas: visible on a 1280x800 projector without scrolling.
        status.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(title, hint, status, frame, clear, inputCaption, seen);
        clear();
        // Built with the pane, often before the first run: the prompt is worded again each time the panel is shown.
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) showPrompt();
        });
    }

    /** While nothing is classified: "Draw a digit." once a run has trained the network, else "Run an experiment first…". */
    private void showPrompt() {
        if (prompting) status.setText(text.get(classifier.isTrained() ? "digits.draw" : "digits.untrained"));
    }

    /** Stamps the brush along the segment from the last point (FX thread), then classifies. */
    void paint(double x, double y) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.WHITE);
        g.setFill(Color.WHITE);
        g.setLineWidth(BRUSH);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (Double.isNaN(lastX)) {
            g.fillOval(x - BRUSH / 2, y - BRUSH / 2, BRUSH, BRUSH);
            stamp(x, y, x, y);
        } else {
            g.strokeLine(lastX, lastY, x, y);
            stamp(lastX, lastY, x, y);
        }
        lastX = x;
        lastY = y;
        classifyLater();
    }

    /** Adds a round-capped segment of the brush to the ink buffer, anti-aliased over one pixel. */
    private void stamp(double x0, double y0, double x1, double y1) {
        double r = BRUSH / 2;
        int minX = (int) Math.max(0, Math.floor(Math.min(x0, x1) - r - 1)), maxX = (int) Math.min(PAD - 1, Math.ceil(Math.max(x0, x1) + r + 1));
        int minY = (int) Math.max(0, Math.floor(Math.min(y0, y1) - r - 1)), maxY = (int) Math.min(PAD - 1, Math.ceil(Math.max(y0, y1) + r + 1));
        double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
        for (int py = minY; py <= maxY; py++) {
            for (int px = minX; px <= maxX; px++) {
                double cx = px + 0.5, cy = py + 0.5;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((cx - x0) * dx + (cy - y0) * dy) / len2));
                double d = Math.hypot(cx - (x0 + t * dx), cy - (y0 + t * dy));
                double v = Math.max(0, Math.min(1, r + 0.5 - d));
                if (v > ink[py][px]) ink[py][px] = v;
            }
        }
    }

    /** Empties the canvas, the input and the bars. */
    public void clear() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, PAD, PAD);
        for (double[] row : ink) java.util.Arrays.fill(row, 0);
        showInput(new double[DigitPreprocessing.SIZE * DigitPreprocessing.SIZE]);
        showBars(null);
        prompting = true;
        showPrompt();
    }

    /** Classifies the current drawing on the worker; bursts of strokes collapse into one classification. */
    private void classifyLater() {
        double[][] copy = new double[PAD][];
        for (int y = 0; y < PAD; y++) copy[y] = ink[y].clone();
        pending.set(copy);
        if (!queued.compareAndSet(false, true)) return;
        WORKER.execute(() -> {
            queued.set(false);
            double[][] drawing = pending.getAndSet(null);
            if (drawing == null || DigitPreprocessing.isBlank(drawing)) return;
            double[] input = DigitPreprocessing.mnistInput(drawing);
            double[] p = null;
            String problem = null;
            if (!classifier.isTrained()) problem = text.get("digits.untrained");
            else {
                try {
                    p = classifier.probabilities(input);
                } catch (RuntimeException e) {
                    problem = text.format("digits.failed", LessonStrings.load(null, text.language()).describe(e));
                }
            }
            double[] probs = p;
            String message = problem;
            Platform.runLater(() -> {
                showInput(input);
                showBars(probs);
                prompting = false;
                status.setText(message != null ? message : text.format("digits.result", best(probs)));
            });
        });
    }

    private String best(double[] p) {
        int b = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[b]) b = i;
        return classifier.classes().get(b) + " (" + Math.round(100 * p[b]) + " %)";
    }

    private void showInput(double[] input) {
        PixelWriter w = preview.getPixelWriter();
        for (int i = 0; i < input.length; i++) {
            w.setColor(i % DigitPreprocessing.SIZE, i / DigitPreprocessing.SIZE, Color.gray(Math.max(0, Math.min(1, input[i]))));
        }
    }

    private void showBars(double[] p) {
        lastProbabilities = p;
        List<String> classes = classifier.classes();
        if (barFills.size() != classes.size()) {
            bars.getChildren().clear();
            barFills.clear();
            barValues.clear();
            barLabels.clear();
            for (int i = 0; i < classes.size(); i++) {
                Label label = new Label();
                Region fill = new Region();
                fill.setMinHeight(14);
                fill.setPrefHeight(14);
                fill.setStyle("-fx-background-color: #4c8bf5;");
                Label value = new Label();
                value.setMinWidth(Region.USE_PREF_SIZE);
                bars.addRow(i, label, fill, value);
                barLabels.add(label);
                barFills.add(fill);
                barValues.add(value);
            }
        }
        int best = -1;
        if (p != null) for (int i = 0; i < p.length; i++) if (best < 0 || p[i] > p[best]) best = i;
        for (int i = 0; i < classes.size(); i++) {
            double v = p == null || i >= p.length ? 0 : p[i];
            barLabels.get(i).setText(classes.get(i));
            barFills.get(i).setPrefWidth(Math.max(1, BAR * v));
            barFills.get(i).setMaxWidth(Math.max(1, BAR * v));
            barFills.get(i).setStyle("-fx-background-color: " + (i == best ? "#e8710a" : "#4c8bf5") + ";");
            barValues.get(i).setText(p == null ? "" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * v));
            barValues.get(i).setStyle(i == best ? "-fx-font-weight: bold;" : "");
        }
    }

    /** The probabilities shown now (null when none), for tests. */
    double[] shownProbabilities() { return lastProbabilities; }
}
