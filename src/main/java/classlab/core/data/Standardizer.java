package classlab.core.data;

/**
 * Per-feature standardisation {@code (x − mean) / std} like scikit-learn's {@code StandardScaler}:
 * mean and population standard deviation (ddof = 0) are fitted on the training rows only and then
 * applied unchanged to validation and test rows. A constant feature (std 0) is divided by 1.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits mean and standard deviation of every feature of {@code train}. */
    public static Standardizer fit(LabeledData train) {
        if (train.size() == 0) throw new IllegalArgumentException("cannot fit a standardizer on an empty data set");
        int d = train.featureCount();
        double[] mean = new double[d];
        for (float[] row : train.features()) {
            if (row.length != d) throw new IllegalArgumentException("feature rows differ in length: " + row.length + " vs " + d);
            for (int j = 0; j < d; j++) mean[j] += row[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= train.size();
        double[] std = new double[d];
        for (float[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                double diff = row[j] - mean[j];
                std[j] += diff * diff;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / train.size());
            if (std[j] == 0) std[j] = 1;
        }
        return new Standardizer(mean, std);
    }

    /** A copy of {@code data} with standardised features (labels and class names shared). */
    public LabeledData transform(LabeledData data) {
        float[][] out = new float[data.size()][];
        for (int i = 0; i < out.length; i++) out[i] = transform(data.features()[i]);
        return new LabeledData(out, data.labels(), data.numClasses(), data.classNames());
    }

    /** One standardised row. */
    public float[] transform(float[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " features, the standardizer was fitted on " + mean.length);
        }
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) out[j] = (float) ((row[j] - mean[j]) / std[j]);
        return out;
    }

    /** Fitted mean per feature. */
    public double[] mean() { return mean.clone(); }

    /** Fitted standard deviation per feature (1 where the feature was constant). */
    public double[] std() { return std.clone(); }
}
