package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** A chart series' points are brought to the new ones by keeping the unchanged start (LineFigureView.update). */
class LineFigureViewUpdateTest {
    private static List<XYChart.Data<Number, Number>> points(double... xy) {
        List<XYChart.Data<Number, Number>> list = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) list.add(new XYChart.Data<>(xy[i], xy[i + 1]));
        return list;
    }

    private static List<String> values(List<XYChart.Data<Number, Number>> list) {
        return list.stream().map(d -> d.getXValue().doubleValue() + "," + d.getYValue().doubleValue()).toList();
    }

    @Test
    void aGrowingCurveKeepsItsPointsAndGetsItsNewTail() {
        ObservableList<XYChart.Data<Number, Number>> shown = FXCollections.observableArrayList(points(1, 0.9, 2, 0.7, 3, 0.6));
        XYChart.Data<Number, Number> first = shown.get(0), second = shown.get(1);
        List<Integer> removed = new ArrayList<>();
        shown.addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) removed.add(c.getRemovedSize());
        });
        // the last point was the latest mini-batch; the thinned curve now ends elsewhere
        List<XYChart.Data<Number, Number>> fresh = points(1, 0.9, 2, 0.7, 3, 0.55, 4, 0.5);
        LineFigureView.update(shown, fresh);
        assertEquals(values(fresh), values(shown));
        assertSame(first, shown.get(0));
        assertSame(second, shown.get(1));
        assertEquals(List.of(1, 0), removed, "only the changed point was removed");
    }

    @Test
    void aCurveWithNothingInCommonIsReplacedAndAnEmptyOneCleared() {
        ObservableList<XYChart.Data<Number, Number>> shown = FXCollections.observableArrayList(points(1, 1, 2, 2, 3, 3));
        List<XYChart.Data<Number, Number>> fresh = points(5, 1, 10, 2);
        LineFigureView.update(shown, fresh);
        assertEquals(values(fresh), values(shown));
        LineFigureView.update(shown, List.of());
        assertEquals(List.of(), values(shown));
        LineFigureView.update(shown, points(7, 7));
        assertEquals(List.of("7.0,7.0"), values(shown));
    }

    @Test
    void unchangedPointsChangeNothing() {
        ObservableList<XYChart.Data<Number, Number>> shown = FXCollections.observableArrayList(points(1, 1, 2, 2));
        int[] changes = {0};
        shown.addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> changes[0]++);
        LineFigureView.update(shown, points(1, 1, 2, 2));
        assertEquals(0, changes[0]);
    }
}
