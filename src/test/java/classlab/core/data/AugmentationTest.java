package classlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static float[] ramp(int c, int h, int w) {
        float[] img = new float[c * h * w];
        for (int i = 0; i < img.length; i++) img[i] = (i % 97) / 96f;
        return img;
    }

    @Test
    void flipMirrorsEachRow() {
        float[] img = ramp(3, 4, 5);
        float[] f = img.clone();
        Augmentation.flip(f, 3, 4, 5);
        assertEquals(img[(2 * 4 + 1) * 5], f[(2 * 4 + 1) * 5 + 4]);
        Augmentation.flip(f, 3, 4, 5);
        assertArrayEquals(img, f);
    }

    @Test
    void cropShiftsWithinThePaddingAndFillsZeros() {
        float[] img = new float[1 * 8 * 8];
        java.util.Arrays.fill(img, 1f);
        for (int seed = 0; seed < 20; seed++) {
            float[] c = img.clone();
            Augmentation.crop(c, 1, 8, 8, 2, new Random(seed));
            int zeros = 0;
            for (float v : c) if (v == 0f) zeros++;
            // a shift of (dy, dx) in -2..2 leaves 64 - (8-|dy|)(8-|dx|) zero pixels: at most 64 - 36
            assertTrue(zeros <= 28, "zeros " + zeros);
        }
    }

    @Test
    void erasingWritesTheChannelMeanOverTwoTo33PercentOfTheArea() {
        float[] img = ramp(3, 32, 32);
        Augmentation.erase(img, 3, 32, 32, new double[] {0.25, 0.5, 0.75}, new Random(4));
        int erased = 0;
        for (int i = 0; i < 1024; i++) if (img[i] == 0.25f && img[1024 + i] == 0.5f && img[2048 + i] == 0.75f) erased++;
        assertTrue(erased >= 0.02 * 1024 * 0.8 && erased <= 0.33 * 1024 * 1.2, "erased " + erased);
    }

    @Test
    void colourJitterStaysInRangeAndBrightnessScales() {
        float[] img = ramp(3, 6, 6);
        new Augmentation(false, 0, 0.2, 0.2, 0.2, 0).jitter(img, 3, 6, 6, new Random(1));
        for (float v : img) assertTrue(v >= 0 && v <= 1);
        float[] b = ramp(1, 6, 6);
        float[] before = b.clone();
        new Augmentation(false, 0, 0.2, 0, 0, 0).jitter(b, 1, 6, 6, new Random(2));
        double ratio = b[10] / before[10];
        assertTrue(ratio >= 0.8 && ratio <= 1.2, "brightness factor " + ratio);
        for (int i = 1; i < b.length; i++) if (before[i] > 0 && b[i] < 1) assertEquals(ratio, b[i] / before[i], 1e-5);
    }
}
