package classlab.ui.widget;

import classlab.core.figure.ScalarField;
import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a {@link ScalarField} by marching squares: each grid cell whose corners straddle
 * the level contributes one segment (two at a saddle, split by the cell-centre average), with end
 * points linearly interpolated along the cell edges. Cells with a non-finite corner are skipped.
 * Pure arithmetic in data coordinates, no JavaFX.
 */
final class ContourLines {
    private ContourLines() { }

    /**
     * Segments of the iso-line {@code f = level}, each {@code {x1, y1, x2, y2}} in data coordinates.
     * A corner exactly at the level counts as above it.
     */
    static List<double[]> segments(ScalarField field, double level) {
        double[] xs = field.xs(), ys = field.ys();
        double[][] v = field.values();
        List<double[]> out = new ArrayList<>();
        // Corners in cyclic order: (i,j), (i+1,j), (i+1,j+1), (i,j+1); edge k joins corner k and k+1.
        double[] cx = new double[4], cy = new double[4], cv = new double[4];
        double[][] cross = new double[4][];
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                cx[0] = xs[i];     cy[0] = ys[j];     cv[0] = v[j][i];
                cx[1] = xs[i + 1]; cy[1] = ys[j];     cv[1] = v[j][i + 1];
                cx[2] = xs[i + 1]; cy[2] = ys[j + 1]; cv[2] = v[j + 1][i + 1];
                cx[3] = xs[i];     cy[3] = ys[j + 1]; cv[3] = v[j + 1][i];
                if (!(Double.isFinite(cv[0]) && Double.isFinite(cv[1]) && Double.isFinite(cv[2]) && Double.isFinite(cv[3]))) continue;
                int n = 0;
                for (int k = 0; k < 4; k++) {
                    int m = (k + 1) % 4;
                    boolean a = cv[k] >= level, b = cv[m] >= level;
                    if (a == b) { cross[k] = null; continue; }
                    double t = (level - cv[k]) / (cv[m] - cv[k]);
                    cross[k] = new double[] {cx[k] + t * (cx[m] - cx[k]), cy[k] + t * (cy[m] - cy[k])};
                    n++;
                }
                if (n == 2) {
                    double[] p = null;
                    for (double[] c : cross) {
                        if (c == null) continue;
                        if (p == null) p = c; else out.add(new double[] {p[0], p[1], c[0], c[1]});
                    }
                } else if (n == 4) {
                    // Saddle: if the centre is on corner 0's side, corners 0 and 2 are joined through it
                    // and the lines cut off corners 1 and 3; otherwise they cut off corners 0 and 2.
                    boolean centreAbove = (cv[0] + cv[1] + cv[2] + cv[3]) / 4 >= level;
                    if (centreAbove == (cv[0] >= level)) {
                        out.add(join(cross[0], cross[1]));
                        out.add(join(cross[2], cross[3]));
                    } else {
                        out.add(join(cross[3], cross[0]));
                        out.add(join(cross[1], cross[2]));
                    }
                }
            }
        }
        return out;
    }

    private static double[] join(double[] a, double[] b) { return new double[] {a[0], a[1], b[0], b[1]}; }
}
