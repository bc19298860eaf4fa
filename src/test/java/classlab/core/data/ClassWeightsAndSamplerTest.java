package classlab.core.data;

import classlab.testsupport.SharedData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClassWeightsAndSamplerTest {
    private static final double RELATIVE_TOLERANCE = 1e-6;
    /** Allowed deviation of each class's share of the draws from its expected share. */
    private static final double SHARE_TOLERANCE = 0.02;

    private static JsonNode classWeightsReference() throws Exception {
        return new ObjectMapper().readTree(SharedData.reference().resolve("losses.json").toFile()).get("class_weights");
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        Arrays.setAll(values, i -> array.get(i).asInt());
        return values;
    }

    @Test
    void inverseFrequencyMatchesTheReference() throws Exception {
        JsonNode reference = classWeightsReference();
        int[] counts = ints(reference.get("counts"));

        double[] weights = ClassWeights.inverseFrequency(counts);

        JsonNode expected = reference.get("weights");
        assertEquals(expected.size(), weights.length);
        for (int c = 0; c < weights.length; c++) {
            double e = expected.get(c).asDouble();
            assertEquals(e, weights[c], Math.abs(e) * RELATIVE_TOLERANCE, "class " + c);
        }
    }

    @Test
    void inverseFrequencyRejectsEmptyClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.inverseFrequency(new int[] {3, 0, 2}));
        assertTrue(e.getMessage().contains("class 1 has 0 examples"), e.getMessage());
    }

    @Test
    void balancedWeightsDrawEveryClassEquallyOften() throws Exception {
        int[] counts = ints(classWeightsReference().get("counts")); // strongly imbalanced: 126 .. 557
        int[] labels = labelsWithCounts(counts);
        ClassWeightedSampler sampler = new ClassWeightedSampler(labels, ClassWeights.inverseFrequency(counts), 123);

        double[] shares = classShares(sampler.drawEpoch(20_000), labels, counts.length);

        for (int c = 0; c < counts.length; c++) {
            assertEquals(1.0 / counts.length, shares[c], SHARE_TOLERANCE, "share of class " + c);
        }
    }

    @Test
    void drawsAreProportionalToClassWeightTimesCount() {
        int[] counts = {32, 32, 36};
        double[] weights = {1, 1, 8};
        int[] labels = labelsWithCounts(counts);
        double total = 32 + 32 + 36 * 8;

        double[] shares = classShares(new ClassWeightedSampler(labels, weights, 5).drawEpoch(20_000), labels, 3);

        for (int c = 0; c < 3; c++) {
            assertEquals(counts[c] * weights[c] / total, shares[c], SHARE_TOLERANCE, "share of class " + c);
        }
    }

    @Test
    void zeroWeightClassIsNeverDrawnAndSeedsReproduce() {
        int[] labels = {0, 1, 2, 1, 0, 2, 2};
        double[] weights = {1, 0, 2};

        int[] drawn = new ClassWeightedSampler(labels, weights, 77).drawEpoch(5_000);

        for (int index : drawn) {
            assertTrue(index >= 0 && index < labels.length);
            assertTrue(labels[index] != 1, "index " + index + " has weight 0");
        }
        assertArrayEquals(drawn, new ClassWeightedSampler(labels, weights, 77).drawEpoch(5_000));
        ClassWeightedSampler sampler = new ClassWeightedSampler(labels, weights, 77);
        sampler.drawEpoch(5_000);
        assertFalse(Arrays.equals(drawn, sampler.drawEpoch(5_000)), "the next epoch continues the sequence");
    }

    @Test
    void rejectsInvalidWeights() {
        assertThrows(IllegalArgumentException.class, () -> new ClassWeightedSampler(new int[] {0, 1}, new double[] {1, -1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClassWeightedSampler(new int[] {0, 1}, new double[] {0, 0}, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassWeightedSampler(new int[] {0, 2}, new double[] {1, 1}, 1));
        assertTrue(e.getMessage().contains("label 2 at index 1"), e.getMessage());
    }

    private static int[] labelsWithCounts(int[] counts) {
        int[] labels = new int[Arrays.stream(counts).sum()];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                labels[i++] = c;
            }
        }
        return labels;
    }

    private static double[] classShares(int[] drawn, int[] labels, int numClasses) {
        double[] shares = new double[numClasses];
        for (int index : drawn) {
            shares[labels[index]] += 1.0 / drawn.length;
        }
        return shares;
    }
}
