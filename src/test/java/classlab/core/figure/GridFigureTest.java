package classlab.core.figure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid's data: panels with cells; a caption-only panel (a note that there is nothing to show) is none. */
class GridFigureTest {

    @Test
    void captionOnlyPanelsAreNoData() {
        GridFigure grid = new GridFigure("live_mask", "figure.live_mask", GridFigure.Palette.HEAT, 2);
        assertFalse(grid.hasData());
        grid.setPanels(List.of(new GridFigure.Panel("no Dropout in this configuration", new double[0][0])));
        assertFalse(grid.hasData(), "Export all wrote such a grid as an empty picture and a CSV of its header (trial)");
        grid.setPanels(List.of(new GridFigure.Panel("mask", new double[][] {{0, 1}})));
        assertTrue(grid.hasData());
    }
}
