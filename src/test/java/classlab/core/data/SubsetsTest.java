package classlab.core.data;

import classlab.testsupport.SharedData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsetsTest {
    /** Class counts of the synthetic set: deliberately uneven. */
    private static final int[] COUNTS = {50, 7, 23, 100, 1};

    /** Examples whose single feature is their original index, labels grouped in round-robin order. */
    private static LabeledData synthetic() {
        int n = Arrays.stream(COUNTS).sum();
        int[] remaining = COUNTS.clone();
        int[] labels = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            while (remaining[c] == 0) {
                c = (c + 1) % COUNTS.length;
            }
            labels[i] = c;
            remaining[c]--;
            c = (c + 1) % COUNTS.length;
        }
        float[][] features = new float[n][];
        for (int i = 0; i < n; i++) {
            features[i] = new float[] {i};
        }
        return new LabeledData(features, labels, COUNTS.length, new String[] {"a", "b", "c", "d", "e"});
    }

    /** The original indices (feature 0) of the rows. */
    private static int[] ids(LabeledData data) {
        return Arrays.stream(data.features()).mapToInt(row -> (int) row[0]).toArray();
    }

    @Test
    void syntheticDataHasTheIntendedCounts() {
        assertArrayEquals(COUNTS, synthetic().classCounts());
    }

    @Test
    void filterClassesRemapsLabelsAndKeepsNamesAndOrder() throws Exception {
        LabeledData test = MnistLoader.load(SharedData.mnistMini()).test();

        LabeledData sevensAndThrees = Subsets.filterClasses(test, 7, 3);

        assertEquals(2, sevensAndThrees.numClasses());
        assertArrayEquals(new String[] {"7", "3"}, sevensAndThrees.classNames());
        assertArrayEquals(new int[] {test.classCounts()[7], test.classCounts()[3]}, sevensAndThrees.classCounts());
        int k = 0;
        for (int i = 0; i < test.size(); i++) {
            int label = test.labels()[i];
            if (label == 7 || label == 3) {
                assertSame(test.features()[i], sevensAndThrees.features()[k], "row " + i + " kept in order");
                assertEquals(label == 7 ? 0 : 1, sevensAndThrees.labels()[k]);
                k++;
            }
        }
        assertEquals(k, sevensAndThrees.size());
    }

    @Test
    void filterClassesRejectsBadClasses() {
        LabeledData data = synthetic();
        assertThrows(IllegalArgumentException.class, () -> Subsets.filterClasses(data, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subsets.filterClasses(data, 0, 5));
        assertTrue(e.getMessage().contains("class 5 is outside 0..4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subsets.filterClasses(data));
    }

    @Test
    void takeAndRandomSubset() {
        LabeledData data = synthetic();

        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ids(Subsets.take(data, 6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Subsets.take(data, 500));
        assertTrue(e.getMessage().contains("n must be in 0..181, got 500"), e.getMessage());

        int[] subset = ids(Subsets.randomSubset(data, 40, 7));
        assertEquals(40, Arrays.stream(subset).distinct().count(), "drawn without replacement");
        assertArrayEquals(subset, ids(Subsets.randomSubset(data, 40, 7)), "same seed, same subset");
        assertFalse(Arrays.equals(subset, ids(Subsets.randomSubset(data, 40, 8))), "other seed, other subset");
    }

    @Test
    void shuffledIsASeededPermutation() {
        LabeledData data = synthetic();
        int[] shuffled = ids(Subsets.shuffled(data, 3));

        assertNotEquals(Arrays.toString(ids(data)), Arrays.toString(shuffled));
        int[] sorted = shuffled.clone();
        Arrays.sort(sorted);
        assertArrayEquals(ids(data), sorted);
        assertArrayEquals(shuffled, ids(Subsets.shuffled(data, 3)));
        // Labels travel with their rows.
        LabeledData s = Subsets.shuffled(data, 3);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(data.labels()[shuffled[i]], s.labels()[i]);
        }
    }

    @Test
    void trainValidationSplitIsDisjointAndComplete() {
        LabeledData data = synthetic();

        Split split = Subsets.trainValidationSplit(data, 0.2, 11);

        assertEquals(Math.round(181 * 0.2), split.heldOut().size());
        assertEquals(181 - split.heldOut().size(), split.train().size());
        assertPartition(data, split);
        assertArrayEquals(ids(split.heldOut()), ids(Subsets.trainValidationSplit(data, 0.2, 11).heldOut()));
        assertThrows(IllegalArgumentException.class, () -> Subsets.trainValidationSplit(data, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Subsets.trainValidationSplit(data, 0.001, 1));
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        LabeledData data = synthetic();
        double fraction = 0.3;

        Split split = Subsets.stratifiedSplit(data, fraction, 5);

        assertEquals(Math.round(181 * fraction), split.heldOut().size());
        assertPartition(data, split);
        int[] heldOut = split.heldOut().classCounts();
        for (int c = 0; c < COUNTS.length; c++) {
            double exact = COUNTS[c] * fraction;
            assertTrue(heldOut[c] == Math.floor(exact) || heldOut[c] == Math.ceil(exact),
                    "class " + c + ": " + heldOut[c] + " held out, exact share " + exact);
        }
    }

    @Test
    void stratifiedSplitOnMnistKeepsEachDigitShareWithinOneExample() throws Exception {
        LabeledData train = MnistLoader.load(SharedData.mnistMini()).train();

        Split split = Subsets.stratifiedSplit(train, 0.2, 42);

        assertEquals(1600, split.heldOut().size());
        int[] all = train.classCounts();
        int[] held = split.heldOut().classCounts();
        for (int c = 0; c < 10; c++) {
            assertTrue(Math.abs(held[c] - all[c] * 0.2) < 1, "digit " + c + ": " + held[c] + " of " + all[c]);
        }
    }

    @Test
    void imbalanceKeepsAFractionOfEachMinorityClass() {
        LabeledData data = synthetic();

        LabeledData imbalanced = Subsets.imbalance(data, new int[] {0, 2, 4}, 0.1, 9);

        int[] counts = imbalanced.classCounts();
        assertArrayEquals(new int[] {5, 7, 2, 100, 1}, counts, "int(50*.1), all, int(23*.1), all, at least 1");
        int[] kept = ids(imbalanced);
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1], "original order kept");
        }
        for (int i = 0; i < imbalanced.size(); i++) {
            assertEquals(data.labels()[kept[i]], imbalanced.labels()[i]);
        }
        assertArrayEquals(kept, ids(Subsets.imbalance(data, new int[] {0, 2, 4}, 0.1, 9)));
        assertFalse(Arrays.equals(kept, ids(Subsets.imbalance(data, new int[] {0, 2, 4}, 0.1, 10))));
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, Subsets.imbalance(data, new int[] {0, 1, 2, 3, 4}, 0.001, 1).classCounts());
        assertThrows(IllegalArgumentException.class, () -> Subsets.imbalance(data, new int[] {0}, 0, 1));
    }

    private static void assertPartition(LabeledData data, Split split) {
        Set<Integer> seen = new HashSet<>();
        for (LabeledData part : new LabeledData[] {split.train(), split.heldOut()}) {
            int[] ids = ids(part);
            for (int i = 0; i < ids.length; i++) {
                assertTrue(seen.add(ids[i]), "example " + ids[i] + " appears once");
                assertEquals(data.labels()[ids[i]], part.labels()[i], "label travels with its row");
            }
        }
        assertEquals(data.size(), seen.size());
    }
}
