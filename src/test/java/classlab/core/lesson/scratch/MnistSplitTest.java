package classlab.core.lesson.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.LabeledData;
import classlab.core.data.MnistData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The notebook's 50,000 / 10,000 split with full MNIST, 5 : 1 otherwise; training and validation never share a row. */
class MnistSplitTest {
    /** {@code n} rows whose single feature is the row index (rows are tiny: only the split is under test). */
    private static LabeledData rows(int n) {
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new float[] {i};
            y[i] = i % 10;
        }
        String[] names = new String[10];
        for (int k = 0; k < 10; k++) names[k] = Integer.toString(k);
        return new LabeledData(x, y, 10, names);
    }

    @Test
    void fullMnistIsSplitAsTheNotebook() {
        MnistSplit s = MnistSplit.of(new MnistData(rows(60_000), rows(10_000), List.of()), 60_000, 10_000, 4321);
        assertTrue(s.fullMnist());
        assertEquals(50_000, s.train().y().length);
        assertEquals(10_000, s.valid().y().length);
        assertEquals(10_000, s.test().y().length);
        Set<Float> train = new HashSet<>();
        for (float[] r : s.train().x()) train.add(r[0]);
        for (float[] r : s.valid().x()) assertFalse(train.contains(r[0]), "row " + r[0] + " is in both training and validation");
    }

    @Test
    void smallerDataKeepsTheRatioAndTheCaps() {
        MnistSplit s = MnistSplit.of(new MnistData(rows(8_000), rows(2_000), List.of()), 50_000, 10_000, 1);
        assertFalse(s.fullMnist());
        assertEquals(6_667, s.train().y().length);
        assertEquals(6_667, s.available());
        assertEquals(1_333, s.valid().y().length);
        MnistSplit capped = MnistSplit.of(new MnistData(rows(8_000), rows(2_000), List.of()), 500, 300, 1);
        assertEquals(500, capped.train().y().length);
        assertEquals(300, capped.valid().y().length);
        assertEquals(300, capped.test().y().length);
    }
}
