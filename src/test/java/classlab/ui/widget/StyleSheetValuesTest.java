package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import classlab.ui.fx.Theme;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Canvas colours and sizes come from the stylesheets, per theme, following the cascade. */
class StyleSheetValuesTest {
    @Test
    void chartThemesAreReadFromChartsCss() {
        assertEquals(Color.web("#ffffff"), ChartTheme.LIGHT.background());
        assertEquals(Color.web("#0072B2"), ChartTheme.LIGHT.seriesColor(0));
        assertEquals(Color.web("#1e1f22"), ChartTheme.DARK.background());
        assertEquals(Color.web("#56B4E9"), ChartTheme.DARK.seriesColor(0));
        assertEquals(8, ChartTheme.DARK.palette().size());
        // Presentation shares the light palette and overrides text, grid, stroke and type.
        assertEquals(ChartTheme.LIGHT.palette(), ChartTheme.PRESENTATION.palette());
        assertEquals(Color.web("#000000"), ChartTheme.PRESENTATION.foreground());
        assertEquals(2, ChartTheme.LIGHT.lineWidth());
        assertEquals(4, ChartTheme.PRESENTATION.lineWidth());
        assertEquals(12, ChartTheme.LIGHT.fontSize());
        assertEquals(20, ChartTheme.PRESENTATION.fontSize());
    }

    @Test
    void appTextColourIsReadFromAppCss() {
        assertEquals(Color.web("#1f2328"), Theme.LIGHT.textColour());
        assertEquals(Color.web("#e6edf3"), Theme.DARK.textColour());
        assertThrows(IllegalArgumentException.class, () -> StyleSheetValues.load("/styles/app.css").color("theme-light", "-no-such"));
    }
}
