package classlab.ui.widget;

import javafx.scene.paint.Color;

/** Colour maps shared by the Canvas views (grid cells, heat maps, contour lines). */
final class ColorMaps {
    /** Viridis control points (matplotlib's default map: perceptually uniform, readable with colour-vision deficiency). */
    private static final Color[] VIRIDIS = {
        Color.web("#440154"), Color.web("#482878"), Color.web("#3e4989"), Color.web("#31688e"), Color.web("#26828e"),
        Color.web("#1f9e89"), Color.web("#35b779"), Color.web("#6ece58"), Color.web("#b5de2b"), Color.web("#fde725")};

    private ColorMaps() { }

    /** Viridis at {@code t} in [0, 1] (clamped; NaN gives the lowest colour), interpolated between control points. */
    static Color viridis(double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double pos = c * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) Math.floor(pos));
        return VIRIDIS[k].interpolate(VIRIDIS[k + 1], pos - k);
    }
}
