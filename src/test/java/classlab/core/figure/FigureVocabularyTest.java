package classlab.core.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.LessonStrings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** hasData / messageKeys of every figure type, selection, scalar fields and small-multiple histograms. */
class FigureVocabularyTest {
    @Test
    void everyFigureTypeSaysWhetherItHasData() {
        LineFigure line = new LineFigure("l", "t", "x", "y");
        line.series("series.train_loss");
        assertFalse(line.hasData(), "an empty series is no data");
        line.series("series.train_loss").add(1, 2);
        BarFigure bar = new BarFigure("b", "t", "x", "y");
        HistogramFigure hist = new HistogramFigure("h", "t", "x", 10);
        GridFigure grid = new GridFigure("g", "t", GridFigure.Palette.HEAT, 1);
        ResultTable table = new ResultTable("r", "t", List.of("column.a"));
        assertFalse(bar.hasData() || hist.hasData() || grid.hasData() || table.hasData());
        bar.set("g", "c", 1);
        hist.set("s", new double[] {1, 2});
        grid.setPanels(List.of(new GridFigure.Panel("p", new double[][] {{1}})));
        table.putRow("k", 1.0);
        for (Figure f : List.of(line, bar, hist, grid, table)) {
            assertTrue(f.hasData(), f.id());
            f.clear();
            assertFalse(f.hasData(), f.id() + " after clear");
        }
    }

    @Test
    void messageKeysListKeysAndSkipVerbatimLabels() {
        LineFigure line = new LineFigure("l", "figure.loss", "axis.epoch", "axis.loss").rightAxis("axis.lr", true);
        line.series("series.train_loss").add(1, 1);
        line.series("p=0.5").add(1, 1);
        line.addMarker("marker.best", 3);
        line.addLevel("level.chance", 0.1);
        assertEquals(Set.of("figure.loss", "axis.epoch", "axis.loss", "axis.lr", "series.train_loss", "marker.best", "level.chance"),
                line.messageKeys());

        BarFigure bar = new BarFigure("b", "figure.auc", "axis.class", "axis.auc");
        bar.set("series.auc", "category.cat", 0.9);
        bar.set("batch 8", "3", 0.5);
        assertEquals(Set.of("figure.auc", "axis.class", "axis.auc", "series.auc", "category.cat"), bar.messageKeys());

        HistogramFigure hist = new HistogramFigure("h", "figure.bn", "axis.activation", 5);
        hist.set("series.before_bn", new double[] {1});
        hist.set("layer 1", new double[] {1});
        assertEquals(Set.of("figure.bn", "axis.activation", HistogramFigure.Y_LABEL_KEY, "series.before_bn"), hist.messageKeys());

        GridFigure grid = new GridFigure("g", "figure.confusion", GridFigure.Palette.HEAT, 1);
        grid.setPanels(List.of(new GridFigure.Panel(LessonStrings.message("message.accuracy", "0.9"), new double[][] {{1}},
                new String[] {"category.cat"}, new String[] {"dog"}, true)));
        assertEquals(Set.of("figure.confusion", "message.accuracy", "category.cat"), grid.messageKeys());

        ResultTable table = new ResultTable("r", "table.final", List.of("column.model", "column.acc"));
        table.putRow("a", "cell.mlp", 0.5);
        table.putRow("b", "CNN v1", 0.7);
        assertEquals(Set.of("table.final", "column.model", "column.acc", "cell.mlp"), table.messageKeys());
    }

    @Test
    void gridFiguresCanBeMadeSelectable() {
        GridFigure grid = new GridFigure("g", "t", GridFigure.Palette.HEAT, 1);
        assertFalse(grid.isSelectable());
        assertFalse(new LineFigure("l", "t", "x", "y").isSelectable());
        long v = grid.version();
        assertTrue(grid.selectable(true).isSelectable());
        assertTrue(grid.version() > v, "views notice the change (cursor)");
        assertEquals(new FigureSelection(0, 3, 5), FigureSelection.cell(0, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> FigureSelection.cell(0, -1, 0));
    }

    @Test
    void scalarFieldSamplesRowsPerYAsNumpyMeshgrid() {
        // f(x, y) = x²/20 + y², the optimizer race surface.
        ScalarField f = ScalarField.sample((x, y) -> x * x / 20 + y * y, -10, 10, 5, -5, 5, 3,
                ScalarField.geomspace(0.1, 10, 3), ScalarField.Rendering.CONTOURS);
        assertArrayEquals(new double[] {-10, -5, 0, 5, 10}, f.xs(), 0);
        assertArrayEquals(new double[] {-5, 0, 5}, f.ys(), 0);
        assertEquals(25 + 5, f.values()[0][0], 1e-12);    // (x, y) = (-10, -5)
        assertEquals(1.25, f.values()[1][1], 1e-12);      // (-5, 0)
        assertArrayEquals(new double[] {0.1, 1, 10}, f.levels(), 1e-12);
        assertArrayEquals(new double[] {0, 30}, f.valueRange(), 0);
        assertTrue(f.drawsContours());
        assertFalse(f.drawsHeatMap());
    }

    @Test
    void scalarFieldRejectsBadShapes() {
        double[] xs = {0, 1}, ys = {0, 1};
        assertThrows(IllegalArgumentException.class, () -> new ScalarField(xs, ys, new double[][] {{0, 0}}, new double[0], ScalarField.Rendering.HEAT_MAP));
        assertThrows(IllegalArgumentException.class, () -> new ScalarField(new double[] {1, 0}, ys, new double[2][2], new double[0], ScalarField.Rendering.HEAT_MAP));
        assertThrows(IllegalArgumentException.class, () -> new ScalarField(xs, ys, new double[2][2], new double[] {2, 1}, ScalarField.Rendering.CONTOURS));
    }

    @Test
    void lineFigureKeepsBackgroundAndAspectThroughClear() {
        ScalarField field = ScalarField.sample((x, y) -> x + y, 0, 1, 2, 0, 1, 2, new double[] {1}, ScalarField.Rendering.CONTOURS);
        LineFigure f = new LineFigure("race", "t", "x", "y").background(field).equalAspect(true);
        f.series("series.sgd").add(-7, 2);
        f.clear();
        assertEquals(field, f.background());
        assertTrue(f.equalAspect());
        assertFalse(f.hasData());
    }

    @Test
    void histogramRangeBinsLikeNumpyAndSmallMultiplesIsConfiguration() {
        // np.histogram([-1, 0, 0.1, 0.5, 1, 2], bins=2, range=(0, 1)) -> counts [2, 2]: -1 and 2 fall outside, 1 is in the last bin.
        HistogramFigure.Bins b = HistogramFigure.histogram(new double[] {-1, 0, 0.1, 0.5, 1, 2}, 2, 0, 1);
        assertArrayEquals(new double[] {0, 0.5, 1}, b.edges(), 0);
        assertArrayEquals(new double[] {2, 2}, b.counts(), 0);
        assertEquals(2.6 / 6, b.mean(), 1e-12);
        HistogramFigure f = new HistogramFigure("act", "t", "x", 2).range(0, 1).smallMultiples(5);
        f.set("layer 1", new double[] {-1, 0, 0.1, 0.5, 1, 2});
        assertArrayEquals(new double[] {2, 2}, f.all().get("layer 1").counts(), 0);
        f.clear();
        assertEquals(5, f.panelColumns());
        assertThrows(IllegalArgumentException.class, () -> f.range(1, 1));
    }

    @Test
    void barSmallMultiplesKeepConfigurationAndNameTheHighlightInTheCsv() {
        BarFigure f = new BarFigure("targets", "t", "axis.class", "axis.value").smallMultiples(4).yRange(0, 1.1);
        f.highlight("1", "series.target|1", "series.others");
        f.setGroup("ε=0.1", List.of("0", "1"), new double[] {0.05, 0.95});
        assertEquals("panel,category,value,highlight\nε=0.1,0,0.05,series.others\nε=0.1,1,0.95,series.target|1\n", f.toCsv());
        assertTrue(f.messageKeys().containsAll(List.of("series.target", "series.others")));
        f.clear();
        assertEquals(4, f.panelColumns());
        assertArrayEquals(new double[] {0, 1.1}, f.yRange(), 0);
        assertEquals("1", f.highlightCategory());
        assertThrows(IllegalArgumentException.class, () -> f.yRange(1, 0));
        assertThrows(IllegalArgumentException.class, () -> f.smallMultiples(-1));
        assertNull(new BarFigure("b", "t", "x", "y").yRange(), "without a fixed range the axis follows the data");
        assertEquals("group,category,value\n", new BarFigure("b", "t", "x", "y").toCsv());
    }
}
