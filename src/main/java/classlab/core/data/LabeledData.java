package classlab.core.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Examples as rows of plain floats with integer class labels. Kept as Java arrays (not INDArray)
 * so that subsets, splits and samplers are cheap, testable and free of ND4J workspaces;
 * {@link classlab.core.train.Batches} turns them into INDArrays once per run.
 *
 * @param features   one row per example (MNIST: 784 values in [0, 1])
 * @param labels     class index per example, in {@code 0..numClasses-1}
 * @param numClasses number of classes
 * @param classNames display name per class (for digits: "0".."9" of the original digit)
 */
public record LabeledData(float[][] features, int[] labels, int numClasses, String[] classNames) {
    public LabeledData {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (classNames.length != numClasses) {
            throw new IllegalArgumentException(numClasses + " classes but " + classNames.length + " class names");
        }
    }

    public int size() { return labels.length; }

    public int featureCount() { return features.length == 0 ? 0 : features[0].length; }

    /** Rows at the given indices, in that order (rows are shared, not copied). */
    public LabeledData rows(int[] indices) {
        float[][] f = new float[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            f[i] = features[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new LabeledData(f, l, numClasses, classNames);
    }

    /** The first {@code n} rows (all if fewer). */
    public LabeledData head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return rows(idx);
    }

    /** Number of examples per class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int l : labels) counts[l]++;
        return counts;
    }

    /** A seeded permutation of 0..size-1 (Fisher-Yates with {@link Random}). */
    public int[] permutation(long seed) {
        return permutation(size(), seed);
    }

    /** A seeded permutation of 0..n-1 (Fisher-Yates with {@link Random}). */
    static int[] permutation(int n, long seed) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        Random rng = new Random(seed);
        for (int i = idx.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }
}
