package classlab.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StandardizerTest {

    @Test
    void trainingRowsGetMeanZeroAndStdOne() {
        LabeledData all = new SyntheticClassification().shift(3).scale(5).seed(1).generate();
        LabeledData train = all.head(800);
        Standardizer s = Standardizer.fit(train);
        LabeledData z = s.transform(train);
        for (int j = 0; j < z.featureCount(); j++) {
            double mean = 0;
            for (float[] row : z.features()) mean += row[j];
            mean /= z.size();
            double var = 0;
            for (float[] row : z.features()) var += (row[j] - mean) * (row[j] - mean);
            assertEquals(0.0, mean, 1e-5, "mean of feature " + j);
            assertEquals(1.0, Math.sqrt(var / z.size()), 1e-5, "std of feature " + j);
        }
        assertSame(train.labels(), z.labels());
    }

    @Test
    void otherRowsUseTheTrainingStatisticsAndConstantFeaturesAreKept() {
        float[][] train = {{1, 5}, {3, 5}, {5, 5}};
        String[] names = {"a", "b"};
        Standardizer s = Standardizer.fit(new LabeledData(train, new int[]{0, 1, 0}, 2, names));
        assertArrayEquals(new double[]{3, 5}, s.mean(), 1e-12);
        assertArrayEquals(new double[]{Math.sqrt(8.0 / 3), 1}, s.std(), 1e-12);   // population std; 0 -> 1
        float[] out = s.transform(new float[]{7, 6});
        assertEquals(4 / Math.sqrt(8.0 / 3), out[0], 1e-6);
        assertEquals(1.0, out[1], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> s.transform(new float[]{1, 2, 3}));
    }
}
