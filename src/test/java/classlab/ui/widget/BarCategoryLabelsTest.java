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
        FxToolkit.registerPrimaryStage();
        BarFigure f = new BarFigure("b", "title", "axis.x", "axis.y");
        AtomicReference<FigureView> view = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            view.set(FigureView.create(f, k -> k));
            StackPane root = new StackPane(view.get());
            root.getStyleClass().add(ChartTheme.PRESENTATION_CLASS);
            Scene scene = new Scene(root, 960, 500);
            scene.getStylesheets().add(getClass().getResource(HeadlessFigures.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
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
}
