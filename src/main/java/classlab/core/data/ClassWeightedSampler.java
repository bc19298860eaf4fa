package classlab.core.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws example indices with replacement, each with probability proportional to the weight of its
 * class: PyTorch's {@code WeightedRandomSampler(weights=[classWeight[y_i] for i], replacement=True)}.
 * With {@link ClassWeights#inverseFrequency} weights every class is drawn equally often on average.
 * Seeded; successive {@link #drawEpoch} calls continue the same random sequence.
 */
public final class ClassWeightedSampler {
    /** Cumulative normalised weights; cdf[last] == 1. */
    private final double[] cdf;
    private final Random rng;

    /**
     * @param labels       class of each example
     * @param classWeights non-negative weight per class (at least one example must have a positive weight)
     */
    public ClassWeightedSampler(int[] labels, double[] classWeights, long seed) {
        for (int c = 0; c < classWeights.length; c++) {
            if (!(classWeights[c] >= 0) || Double.isInfinite(classWeights[c])) {
                throw new IllegalArgumentException("class weight " + c + " must be finite and >= 0, got " + classWeights[c]);
            }
        }
        cdf = new double[labels.length];
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classWeights.length) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " has no class weight ("
                        + classWeights.length + " weights)");
            }
            sum += classWeights[labels[i]];
            cdf[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all examples have weight 0; nothing can be drawn");
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        rng = new Random(seed);
    }

    /** A sampler over the examples of {@code data}. */
    public ClassWeightedSampler(LabeledData data, double[] classWeights, long seed) {
        this(data.labels(), classWeights, seed);
    }

    /** {@code n} indices drawn with replacement. */
    public int[] drawEpoch(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("drawEpoch: n must be >= 0, got " + n);
        }
        int[] drawn = new int[n];
        for (int k = 0; k < n; k++) {
            double u = rng.nextDouble();
            // First index whose cdf exceeds u; zero-weight examples share their predecessor's cdf and are skipped.
            int i = Arrays.binarySearch(cdf, u);
            i = i >= 0 ? i + 1 : -i - 1;
            while (i < cdf.length - 1 && cdf[i] <= u) {
                i++;
            }
            drawn[k] = Math.min(i, cdf.length - 1);
        }
        return drawn;
    }
}
