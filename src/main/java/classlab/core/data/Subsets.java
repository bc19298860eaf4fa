package classlab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Subsets, shuffles and splits of {@link LabeledData}. All random operations take a seed and are
 * reproducible; rows are shared with the input, never copied.
 */
public final class Subsets {
    private Subsets() {
    }

    /**
     * Keeps only the examples of the given classes, in their original order, relabelled {@code 0..k-1} in
     * the order the classes are given; class names are the original ones (so digits keep their names).
     */
    public static LabeledData filterClasses(LabeledData data, int... originalClasses) {
        if (originalClasses.length == 0) {
            throw new IllegalArgumentException("filterClasses needs at least one class");
        }
        int[] newLabel = new int[data.numClasses()];
        Arrays.fill(newLabel, -1);
        String[] names = new String[originalClasses.length];
        for (int i = 0; i < originalClasses.length; i++) {
            int c = originalClasses[i];
            checkClass(data, c, "filterClasses");
            if (newLabel[c] >= 0) {
                throw new IllegalArgumentException("filterClasses: class " + c + " given twice");
            }
            newLabel[c] = i;
            names[i] = data.classNames()[c];
        }
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int mapped = newLabel[data.labels()[i]];
            if (mapped >= 0) {
                rows.add(data.features()[i]);
                labels.add(mapped);
            }
        }
        return new LabeledData(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                originalClasses.length, names);
    }

    /** The first {@code n} examples. */
    public static LabeledData take(LabeledData data, int n) {
        checkCount(data, n, "take");
        return data.head(n);
    }

    /** {@code n} examples drawn without replacement, in random order. */
    public static LabeledData randomSubset(LabeledData data, int n, long seed) {
        checkCount(data, n, "randomSubset");
        return data.rows(Arrays.copyOf(data.permutation(seed), n));
    }

    /** All examples in a seeded random order. */
    public static LabeledData shuffled(LabeledData data, long seed) {
        return data.rows(data.permutation(seed));
    }

    /**
     * A seeded random split: {@code round(size * validationFraction)} examples go to the validation part,
     * the rest to training; both parts are in shuffled order.
     */
    public static Split trainValidationSplit(LabeledData data, double validationFraction, long seed) {
        int heldOut = heldOutCount(data.size(), validationFraction, "trainValidationSplit");
        int[] perm = data.permutation(seed);
        return new Split(data.rows(Arrays.copyOfRange(perm, heldOut, perm.length)),
                data.rows(Arrays.copyOf(perm, heldOut)));
    }

    /**
     * A seeded split that keeps every class's proportion in both parts. The held-out part gets
     * {@code round(size * testFraction)} examples in all, shared among classes by largest remainder of
     * {@code count_c * testFraction} (so each class gets the floor or the ceiling of its exact share).
     * Both parts are in shuffled order.
     */
    public static Split stratifiedSplit(LabeledData data, double testFraction, long seed) {
        int totalHeldOut = heldOutCount(data.size(), testFraction, "stratifiedSplit");
        int[] counts = data.classCounts();
        int[] quota = largestRemainder(counts, testFraction, totalHeldOut);

        int[] perm = data.permutation(seed);
        int[] taken = new int[counts.length];
        int[] train = new int[data.size() - totalHeldOut];
        int[] heldOut = new int[totalHeldOut];
        int t = 0;
        int h = 0;
        for (int index : perm) {
            int c = data.labels()[index];
            if (taken[c] < quota[c]) {
                taken[c]++;
                heldOut[h++] = index;
            } else {
                train[t++] = index;
            }
        }
        return new Split(data.rows(train), data.rows(heldOut));
    }

    /**
     * An imbalanced copy: each minority class keeps {@code max(1, floor(count * keepFraction))} of its
     * examples, chosen at random with the seed (a class with no examples stays empty); other classes keep
     * all (the notebook's {@code make_imbalanced}: {@code max(1, int(len(idx) * ratio))}). Examples stay in
     * their original order.
     */
    public static LabeledData imbalance(LabeledData data, int[] minorityClasses, double keepFraction, long seed) {
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("imbalance: keepFraction must be in (0, 1], got " + keepFraction);
        }
        boolean[] minority = new boolean[data.numClasses()];
        for (int c : minorityClasses) {
            checkClass(data, c, "imbalance");
            minority[c] = true;
        }
        int[] counts = data.classCounts();
        int[] keep = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            keep[c] = !minority[c] ? counts[c] : Math.min(counts[c], Math.max(1, (int) (counts[c] * keepFraction)));  // int(), as the notebook
        }
        // Visit examples in a seeded random order and keep the first keep[c] of each class.
        boolean[] kept = new boolean[data.size()];
        int[] taken = new int[counts.length];
        for (int index : data.permutation(seed)) {
            int c = data.labels()[index];
            if (taken[c] < keep[c]) {
                taken[c]++;
                kept[index] = true;
            }
        }
        int[] indices = new int[Arrays.stream(keep).sum()];
        int k = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                indices[k++] = i;
            }
        }
        return data.rows(indices);
    }

    /** Per-class quotas summing to {@code total}: floors of count*fraction, remainder to the largest fractions. */
    private static int[] largestRemainder(int[] counts, double fraction, int total) {
        int[] quota = new int[counts.length];
        Integer[] order = new Integer[counts.length];
        int assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            quota[c] = (int) Math.floor(counts[c] * fraction);
            assigned += quota[c];
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(counts[b] * fraction - quota[b], counts[a] * fraction - quota[a]));
        for (int i = 0; assigned < total && i < order.length; i++) {
            if (quota[order[i]] < counts[order[i]]) {
                quota[order[i]]++;
                assigned++;
            }
        }
        return quota;
    }

    private static int heldOutCount(int size, double fraction, String operation) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(operation + ": fraction must be strictly between 0 and 1, got " + fraction);
        }
        int heldOut = (int) Math.round(size * fraction);
        if (heldOut == 0 || heldOut == size) {
            throw new IllegalArgumentException(operation + ": a fraction of " + fraction + " of " + size
                    + " examples leaves one part empty");
        }
        return heldOut;
    }

    private static void checkCount(LabeledData data, int n, String operation) {
        if (n < 0 || n > data.size()) {
            throw new IllegalArgumentException(operation + ": n must be in 0.." + data.size() + ", got " + n);
        }
    }

    private static void checkClass(LabeledData data, int c, String operation) {
        if (c < 0 || c >= data.numClasses()) {
            throw new IllegalArgumentException(operation + ": class " + c + " is outside 0.." + (data.numClasses() - 1));
        }
    }
}
