package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.figure.BarFigure;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A bar chart that fills during a run labels every category (AUC per class, final loss per batch size). */
class BarCategoryLabelsTest {
    @Test
    void categoriesAddedAfterTheFirstDrawGetTickLabels() throws Exception {
        BarFigure f = new BarFigure("b", "title", "axis.x", "axis.y");
        AtomicReference<FigureView> view = show(f, 960, 500);
        for (String c : List.of("32", "128")) {
            f.set("series.final_loss", c, 0.5);
            WaitForAsyncUtils.asyncFx(() -> view.get().refreshIfChanged()).get();
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> labelled = WaitForAsyncUtils.asyncFx(() -> {
            CategoryAxis axis = (CategoryAxis) view.get().lookupAll(".axis").stream()
                    .filter(n -> n instanceof CategoryAxis).findFirst().orElseThrow();
            return axis.getTickMarks().stream().filter(Axis.TickMark::isTextVisible).map(Axis.TickMark::getValue).toList();
        }).get();
        assertEquals(List.of("32", "128"), labelled);
    }

    /**
     * The axis title stays below the category labels while a run fills the chart group by group
     * (imbalance "F1 per class" with "Digit class"; pattern's comparison with long Korean names that
     * the axis turns on their side); exports snapshot the same view.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0|1|2|3|4|5|6|7|8|9", "A. 전체 배치 (SGD)|B. Dropout(0.9) train()/eval()|C. 장치(백엔드)|D. 미니배치 16"})
    void theAxisTitleNeverCoversTheCategoryLabels(String categories) throws Exception {
        BarFigure f = new BarFigure("b", "title", "Digit class", "F1");
        AtomicReference<FigureView> view = show(f, 420, 380);
        for (String group : List.of("series.plain", "series.weighted_loss", "series.sampler")) {
            for (String c : categories.split("\\|")) f.set(group, c, 0.5);
            WaitForAsyncUtils.asyncFx(() -> view.get().refreshIfChanged()).get();
            WaitForAsyncUtils.waitForFxEvents();
            String overlap = WaitForAsyncUtils.asyncFx(() -> titleOverlap(view.get())).get();
            assertEquals(null, overlap, group);
        }
    }

    /** The category label the x axis title covers, or null (scene coordinates). */
    private static String titleOverlap(FigureView view) {
        CategoryAxis axis = (CategoryAxis) view.lookupAll(".axis").stream()
                .filter(n -> n instanceof CategoryAxis).findFirst().orElseThrow();
        javafx.scene.Node title = axis.lookup(".axis-label");
        javafx.geometry.Bounds t = title.localToScene(title.getBoundsInLocal());
        for (javafx.scene.Node n : axis.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text text && n.isVisible()) {
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                if (b.intersects(t)) return text.getText() + " " + b + " under " + t;
            }
        }
        return null;
    }

    /** Shows a view of {@code f} alone in a {@code width}×{@code height} window in the presentation theme. */
    private AtomicReference<FigureView> show(BarFigure f, double width, double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<FigureView> view = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            view.set(FigureView.create(f, k -> k));
            StackPane root = new StackPane(view.get());
            root.getStyleClass().add(ChartTheme.PRESENTATION_CLASS);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(getClass().getResource(HeadlessFigures.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }
}
