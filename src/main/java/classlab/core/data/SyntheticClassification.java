package classlab.core.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A random K-class problem built the way scikit-learn's {@code make_classification} builds it
 * (hypercube variant, scalar shift and scale). Defaults are the call of notebook 004:
 * {@code make_classification(n_samples=1000, n_features=20, n_informative=15, random_state=42)},
 * i.e. with scikit-learn's other defaults n_redundant=2, n_repeated=0, n_classes=2,
 * n_clusters_per_class=2, class_sep=1.0, flip_y=0.01, hypercube=True, shift=0, scale=1, shuffle=True.
 *
 * <p>Construction:
 * <ol>
 *   <li>{@code n_classes · n_clusters_per_class} clusters, each centred on a distinct random vertex
 *       of the hypercube {@code [−class_sep, +class_sep]^n_informative} (side {@code 2·class_sep});
 *       cluster k belongs to class {@code k mod n_classes}; the samples are split evenly over the
 *       clusters, the remainder one by one from cluster 0;</li>
 *   <li>informative features: N(0, 1) points, multiplied per cluster by a random matrix A with
 *       entries uniform in [−1, 1] (a random covariance), then moved to the cluster's vertex;</li>
 *   <li>redundant features: informative features times a random matrix B (uniform in [−1, 1]);</li>
 *   <li>repeated features: copies of randomly chosen informative or redundant columns;</li>
 *   <li>the remaining features: N(0, 1) noise;</li>
 *   <li>a fraction {@code flip_y} of the labels is replaced by a uniformly random class (which may
 *       be the same class, so about {@code flip_y·(1 − 1/K)} of the labels actually change);</li>
 *   <li>{@code x ← (x + shift) · scale}; with shuffle, the rows and then the columns are permuted.</li>
 * </ol>
 * The random numbers come from {@link Random} seeded with {@code seed}, so a seed gives the same
 * data on every run, but not the same numbers as scikit-learn with that {@code random_state}.
 */
public final class SyntheticClassification {
    private int samples = 1000;
    private int features = 20;
    private int informative = 15;
    private int redundant = 2;
    private int repeated = 0;
    private int classes = 2;
    private int clustersPerClass = 2;
    private double classSep = 1.0;
    private double flipY = 0.01;
    private boolean hypercube = true;
    private double shift = 0.0;
    private double scale = 1.0;
    private boolean shuffle = true;
    private long seed = 42;

    /**
     * The generated data with the role of every column (after shuffling).
     *
     * @param data               features as float rows, labels after flipping, class names "0".."K-1"
     * @param labelsBeforeFlip   labels as assigned by cluster, before {@code flip_y}
     * @param informativeColumns columns holding the informative features
     * @param redundantColumns   columns that are linear combinations of the informative ones
     * @param repeatedColumns    columns that copy an informative or redundant column
     * @param noiseColumns       pure N(0, 1) noise columns
     */
    public record Generated(LabeledData data, int[] labelsBeforeFlip, int[] informativeColumns,
                            int[] redundantColumns, int[] repeatedColumns, int[] noiseColumns) {
    }

    public SyntheticClassification samples(int n) { this.samples = n; return this; }

    public SyntheticClassification features(int n) { this.features = n; return this; }

    public SyntheticClassification informative(int n) { this.informative = n; return this; }

    public SyntheticClassification redundant(int n) { this.redundant = n; return this; }

    public SyntheticClassification repeated(int n) { this.repeated = n; return this; }

    public SyntheticClassification classes(int n) { this.classes = n; return this; }

    public SyntheticClassification clustersPerClass(int n) { this.clustersPerClass = n; return this; }

    public SyntheticClassification classSep(double v) { this.classSep = v; return this; }

    public SyntheticClassification flipY(double v) { this.flipY = v; return this; }

    /** false: vertices are scaled by random factors, as scikit-learn's {@code hypercube=False}. */
    public SyntheticClassification hypercube(boolean v) { this.hypercube = v; return this; }

    public SyntheticClassification shift(double v) { this.shift = v; return this; }

    public SyntheticClassification scale(double v) { this.scale = v; return this; }

    public SyntheticClassification shuffle(boolean v) { this.shuffle = v; return this; }

    public SyntheticClassification seed(long v) { this.seed = v; return this; }

    /** The data set (see {@link #generateDetailed()} for column roles). */
    public LabeledData generate() {
        return generateDetailed().data();
    }

    /** The data set with the role of each column and the labels before flipping. */
    public Generated generateDetailed() {
        validate();
        Random rng = new Random(seed);
        int clusters = classes * clustersPerClass;
        int useless = features - informative - redundant - repeated;

        int[] perCluster = new int[clusters];
        int assigned = 0;
        for (int k = 0; k < clusters; k++) {
            perCluster[k] = (int) (samples * (1.0 / classes) / clustersPerClass);
            assigned += perCluster[k];
        }
        for (int i = 0; i < samples - assigned; i++) perCluster[i % clusters]++;

        double[][] centroids = hypercubeVertices(clusters, rng);
        if (!hypercube) {
            for (double[] c : centroids) {
                double f = rng.nextDouble();
                for (int j = 0; j < informative; j++) c[j] *= f;
            }
            for (int j = 0; j < informative; j++) {
                double f = rng.nextDouble();
                for (double[] c : centroids) c[j] *= f;
            }
        }

        double[][] x = new double[samples][features];
        int[] y = new int[samples];
        for (double[] row : x) {
            for (int j = 0; j < informative; j++) row[j] = rng.nextGaussian();
        }
        int start = 0;
        for (int k = 0; k < clusters; k++) {
            double[][] a = uniformMatrix(informative, informative, rng);
            for (int i = start; i < start + perCluster[k]; i++) {
                y[i] = k % classes;
                double[] mixed = multiply(x[i], a, informative);
                for (int j = 0; j < informative; j++) x[i][j] = mixed[j] + centroids[k][j];
            }
            start += perCluster[k];
        }
        if (redundant > 0) {
            double[][] b = uniformMatrix(informative, redundant, rng);
            for (double[] row : x) {
                double[] combined = multiply(row, b, informative);
                System.arraycopy(combined, 0, row, informative, redundant);
            }
        }
        if (repeated > 0) {
            int pool = informative + redundant;
            for (int r = 0; r < repeated; r++) {
                int source = (int) ((pool - 1) * rng.nextDouble() + 0.5);
                for (double[] row : x) row[pool + r] = row[source];
            }
        }
        for (double[] row : x) {
            for (int j = features - useless; j < features; j++) row[j] = rng.nextGaussian();
        }
        int[] beforeFlip = y.clone();
        for (int i = 0; i < samples; i++) {
            if (rng.nextDouble() < flipY) y[i] = rng.nextInt(classes);
        }

        int[] rowOrder = identity(samples);
        int[] columnOrder = identity(features);   // new column j holds old column columnOrder[j]
        if (shuffle) {
            shuffleInPlace(rowOrder, rng);
            shuffleInPlace(columnOrder, rng);
        }
        float[][] out = new float[samples][features];
        int[] labels = new int[samples];
        int[] labelsBeforeFlip = new int[samples];
        for (int i = 0; i < samples; i++) {
            double[] source = x[rowOrder[i]];
            for (int j = 0; j < features; j++) out[i][j] = (float) ((source[columnOrder[j]] + shift) * scale);
            labels[i] = y[rowOrder[i]];
            labelsBeforeFlip[i] = beforeFlip[rowOrder[i]];
        }
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) names[c] = String.valueOf(c);
        LabeledData data = new LabeledData(out, labels, classes, names);
        return new Generated(data, labelsBeforeFlip,
                columnsWithOrigin(columnOrder, 0, informative),
                columnsWithOrigin(columnOrder, informative, informative + redundant),
                columnsWithOrigin(columnOrder, informative + redundant, informative + redundant + repeated),
                columnsWithOrigin(columnOrder, features - useless, features));
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (samples < 1) problems.add("n_samples must be >= 1, got " + samples);
        if (informative < 1) problems.add("n_informative must be >= 1, got " + informative);
        if (redundant < 0) problems.add("n_redundant must be >= 0, got " + redundant);
        if (repeated < 0) problems.add("n_repeated must be >= 0, got " + repeated);
        if (informative + redundant + repeated > features) {
            problems.add("n_informative + n_redundant + n_repeated = " + (informative + redundant + repeated)
                    + " exceeds n_features = " + features);
        }
        if (classes < 1) problems.add("n_classes must be >= 1, got " + classes);
        if (clustersPerClass < 1) problems.add("n_clusters_per_class must be >= 1, got " + clustersPerClass);
        if (informative >= 1 && informative < 62
                && (double) classes * clustersPerClass > Math.pow(2, informative)) {
            problems.add("n_classes * n_clusters_per_class = " + classes * clustersPerClass
                    + " must be <= 2^n_informative = " + (long) Math.pow(2, informative));
        }
        if (!(classSep >= 0) || Double.isInfinite(classSep)) problems.add("class_sep must be a finite number >= 0, got " + classSep);
        if (!(flipY >= 0 && flipY <= 1)) problems.add("flip_y must be in [0, 1], got " + flipY);
        if (!Double.isFinite(shift)) problems.add("shift must be finite, got " + shift);
        if (!Double.isFinite(scale) || scale == 0) problems.add("scale must be finite and non-zero, got " + scale);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("make_classification: " + String.join("; ", problems));
        }
    }

    /** {@code count} distinct random vertices of {@code [−classSep, classSep]^informative}. */
    private double[][] hypercubeVertices(int count, Random rng) {
        Set<String> seen = new HashSet<>();
        double[][] out = new double[count][];
        int found = 0;
        while (found < count) {
            double[] v = new double[informative];
            StringBuilder key = new StringBuilder(informative);
            for (int j = 0; j < informative; j++) {
                boolean bit = rng.nextBoolean();
                v[j] = bit ? classSep : -classSep;
                key.append(bit ? '1' : '0');
            }
            if (seen.add(key.toString())) out[found++] = v;
        }
        return out;
    }

    private static double[][] uniformMatrix(int rows, int cols, Random rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) row[j] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** The first {@code n} entries of {@code row} times the n × m matrix {@code m}. */
    private static double[] multiply(double[] row, double[][] m, int n) {
        double[] out = new double[m[0].length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out.length; j++) out[j] += row[i] * m[i][j];
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    private static void shuffleInPlace(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** New column indices whose original column lies in [from, to), in ascending order. */
    private static int[] columnsWithOrigin(int[] columnOrder, int from, int to) {
        return IntStream.range(0, columnOrder.length)
                .filter(j -> columnOrder[j] >= from && columnOrder[j] < to).toArray();
    }
}
