package classlab.core.classroom;

/**
 * Turns a drawing into an MNIST-like input, as the MNIST images were made (LeCun et al., "The MNIST
 * database", yann.lecun.com/exdb/mnist): the digit is size-normalised to fit a 20×20 box keeping
 * its aspect ratio (grey levels from anti-aliasing: each target pixel averages the source area it
 * covers), then placed in a 28×28 field so that its centre of mass lies at the field's centre,
 * pixel (14, 14), where the MNIST digits have it.
 * Pure Java, no UI.
 */
public final class DigitPreprocessing {
    /** The side of an MNIST image in pixels. */
    public static final int SIZE = 28;
    /** The side of the box the digit is scaled into. */
    public static final int BOX = 20;

    private DigitPreprocessing() {}

    /** Whether the drawing has no ink (nothing to classify). */
    public static boolean isBlank(double[][] ink) {
        for (double[] row : ink) for (double v : row) if (v > 0) return false;
        return true;
    }

    /**
     * The 28×28 input for a drawing.
     *
     * @param ink the drawing, {@code ink[y][x]} in [0, 1] (0 = background, 1 = full ink), any size
     * @return 784 values in [0, 1], row-major (index {@code y·28 + x}), ink high as in MNIST
     * @throws IllegalArgumentException if the drawing is blank (see {@link #isBlank}) or ragged
     */
    public static double[] mnistInput(double[][] ink) {
        int h = ink.length, w = h == 0 ? 0 : ink[0].length;
        int top = h, bottom = -1, left = w, right = -1;
        for (int y = 0; y < h; y++) {
            if (ink[y].length != w) throw new IllegalArgumentException("drawing rows differ in length");
            for (int x = 0; x < w; x++) {
                if (ink[y][x] > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) throw new IllegalArgumentException("the drawing is blank");
        int bw = right - left + 1, bh = bottom - top + 1;
        double scale = (double) BOX / Math.max(bw, bh);
        int tw = Math.max(1, (int) Math.round(bw * scale)), th = Math.max(1, (int) Math.round(bh * scale));
        double[][] box = resample(ink, left, top, bw, bh, tw, th);
        // Centre of mass of the scaled digit (pixel indices), moved to index (14, 14) as in MNIST.
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                mass += box[y][x];
                mx += x * box[y][x];
                my += y * box[y][x];
            }
        }
        int ox = (int) Math.round(SIZE / 2.0 - mx / mass), oy = (int) Math.round(SIZE / 2.0 - my / mass);
        double[] out = new double[SIZE * SIZE];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                int fx = x + ox, fy = y + oy;
                if (fx >= 0 && fx < SIZE && fy >= 0 && fy < SIZE) out[fy * SIZE + fx] = Math.min(1, box[y][x]);
            }
        }
        return out;
    }

    /** Area-averaging resample of the source rectangle into tw×th pixels (box filter with partial coverage). */
    private static double[][] resample(double[][] ink, int left, int top, int bw, int bh, int tw, int th) {
        double sx = (double) bw / tw, sy = (double) bh / th;
        double[][] out = new double[th][tw];
        for (int ty = 0; ty < th; ty++) {
            double y0 = ty * sy, y1 = y0 + sy;
            for (int tx = 0; tx < tw; tx++) {
                double x0 = tx * sx, x1 = x0 + sx;
                double sum = 0;
                for (int y = (int) Math.floor(y0); y < Math.ceil(y1) && y < bh; y++) {
                    double cy = Math.min(y1, y + 1) - Math.max(y0, y);
                    for (int x = (int) Math.floor(x0); x < Math.ceil(x1) && x < bw; x++) {
                        double cx = Math.min(x1, x + 1) - Math.max(x0, x);
                        sum += cx * cy * ink[top + y][left + x];
                    }
                }
                out[ty][tx] = sum / (sx * sy);
            }
        }
        return out;
    }

    /**
     * The centre of mass {x, y} of a 28×28 image in pixel indices. MNIST digits have it at (14, 14)
     * ({@code DigitPreprocessingTest} checks the mean over 200 test digits).
     */
    public static double[] centreOfMass(double[] image) {
        double mass = 0, mx = 0, my = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            mx += (i % SIZE) * image[i];
            my += (i / SIZE) * image[i];
        }
        return new double[] {mx / mass, my / mass};
    }
}
