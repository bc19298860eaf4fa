package classlab.core.data;

/** Class weights for imbalanced data. */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * Inverse-frequency ("balanced") weights {@code w_c = N / (K * n_c)}, as scikit-learn's
     * {@code compute_class_weight('balanced')} and the lab notebook compute them: with these weights every
     * class contributes the same total weight {@code N / K}.
     *
     * @param counts examples per class; all must be positive
     */
    public static double[] inverseFrequency(int[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("inverseFrequency: no classes");
        }
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] <= 0) {
                throw new IllegalArgumentException("inverseFrequency: class " + c + " has " + counts[c]
                        + " examples; every class needs at least one");
            }
            total += counts[c];
        }
        double[] weights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            weights[c] = (double) total / ((double) counts.length * counts[c]);
        }
        return weights;
    }
}
