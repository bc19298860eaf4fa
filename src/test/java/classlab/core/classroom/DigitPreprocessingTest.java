package classlab.core.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.IdxReader;
import classlab.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class DigitPreprocessingTest {
    private static final int S = DigitPreprocessing.SIZE;

    /** A 280×280 drawing with a filled rectangle [x0, x1) × [y0, y1). */
    private static double[][] rectangle(int x0, int y0, int x1, int y1) {
        double[][] ink = new double[280][280];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) ink[y][x] = 1;
        return ink;
    }

    private static int[] box(double[] image) {
        int top = S, bottom = -1, left = S, right = -1;
        for (int i = 0; i < image.length; i++) {
            if (image[i] > 0) {
                top = Math.min(top, i / S);
                bottom = Math.max(bottom, i / S);
                left = Math.min(left, i % S);
                right = Math.max(right, i % S);
            }
        }
        return new int[] {right - left + 1, bottom - top + 1};
    }

    @Test
    void aTallStrokeInACornerIsScaledToTwentyPixelsHighKeepingItsAspectAndCentred() {
        double[] image = DigitPreprocessing.mnistInput(rectangle(10, 20, 50, 220));   // 40 × 200, top left
        int[] size = box(image);
        assertEquals(20, size[1], "the longer side fills the 20-pixel box");
        assertEquals(4, size[0], "40:200 keeps its aspect: 4 × 20");
        double[] c = DigitPreprocessing.centreOfMass(image);
        assertEquals(14, c[0], 0.5);
        assertEquals(14, c[1], 0.5);
        for (double v : image) assertTrue(v >= 0 && v <= 1);
    }

    @Test
    void partialCoverageGivesGreyLevels() {
        // A 3 × 30 bar scaled by 20/30 becomes 2 × 20 pixels of full ink.
        double[] bar = DigitPreprocessing.mnistInput(rectangle(100, 100, 103, 130));
        assertEquals(2, box(bar)[0]);
        // A 7 × 21 shape scaled by 20/21 ends mid-pixel: its edge pixels are partly covered, grey.
        double[] odd = DigitPreprocessing.mnistInput(rectangle(0, 0, 7, 21));
        double[] grey = java.util.Arrays.stream(odd).filter(v -> v > 0 && v < 1).toArray();
        assertTrue(grey.length > 0, "anti-aliased edges");
    }

    @Test
    void aBlankDrawingIsRefused() {
        double[][] blank = new double[50][50];
        assertTrue(DigitPreprocessing.isBlank(blank));
        assertThrows(IllegalArgumentException.class, () -> DigitPreprocessing.mnistInput(blank));
    }

    /**
     * MNIST digits are already normalised this way, so a digit drawn at ten times the size comes
     * back as itself: over 200 test digits the mean absolute pixel difference is (near) zero.
     */
    @Test
    void realMnistDigitsDrawnLargeComeBackAsThemselves() throws Exception {
        IdxReader.IdxImages images = IdxReader.readImages(SharedData.mnistMini().resolve("t10k-images-idx3-ubyte.gz"));
        double total = 0, comX = 0, comY = 0;
        int n = 200;
        for (int k = 0; k < n; k++) {
            float[] digit = images.pixels()[k];
            double[] asDouble = new double[digit.length];
            for (int i = 0; i < digit.length; i++) asDouble[i] = digit[i];
            double[] com = DigitPreprocessing.centreOfMass(asDouble);
            comX += com[0] / n;
            comY += com[1] / n;
            double[][] drawing = new double[280][280];
            for (int y = 0; y < 280; y++) for (int x = 0; x < 280; x++) drawing[y][x] = digit[(y / 10) * S + x / 10];
            double[] back = DigitPreprocessing.mnistInput(drawing);
            double diff = 0;
            for (int i = 0; i < back.length; i++) diff += Math.abs(back[i] - digit[i]);
            total += diff / back.length;
        }
        assertEquals(14, comX, 0.1, "MNIST puts the centre of mass at pixel 14");
        assertEquals(14, comY, 0.1);
        double mean = total / n;
        // Measured: 0, each of these digits comes back exactly.
        assertTrue(mean < 0.005, "mean absolute difference " + mean);
    }
}
