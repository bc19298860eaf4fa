package classlab.core.train;

import classlab.core.data.LabeledData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A data set as two ND4J matrices, built once per run: features {@code [N, F]} and labels either
 * one-hot {@code [N, K]} or a single 0/1 column {@code [N, 1]} (binary sigmoid outputs).
 */
public final class Batches {
    public enum LabelEncoding { ONE_HOT, BINARY_COLUMN }

    private final LabeledData data;
    private final INDArray features;
    private final INDArray labels;

    private Batches(LabeledData data, INDArray features, INDArray labels) {
        this.data = data;
        this.features = features;
        this.labels = labels;
    }

    public static Batches of(LabeledData data, LabelEncoding encoding) {
        int n = data.size();
        int f = data.featureCount();
        float[] flat = new float[n * f];
        for (int i = 0; i < n; i++) System.arraycopy(data.features()[i], 0, flat, i * f, f);
        INDArray x = Nd4j.create(flat, new long[] {n, f}, DataType.FLOAT);
        INDArray y;
        if (encoding == LabelEncoding.BINARY_COLUMN) {
            if (data.numClasses() != 2) {
                throw new IllegalArgumentException("a single sigmoid output needs 2 classes, got " + data.numClasses());
            }
            float[] col = new float[n];
            for (int i = 0; i < n; i++) col[i] = data.labels()[i];
            y = Nd4j.create(col, new long[] {n, 1}, DataType.FLOAT);
        } else {
            float[] oneHot = new float[n * data.numClasses()];
            for (int i = 0; i < n; i++) oneHot[i * data.numClasses() + data.labels()[i]] = 1f;
            y = Nd4j.create(oneHot, new long[] {n, data.numClasses()}, DataType.FLOAT);
        }
        return new Batches(data, x, y);
    }

    public LabeledData data() { return data; }
    public INDArray features() { return features; }
    public INDArray labels() { return labels; }
    public int size() { return data.size(); }
    public boolean binary() { return labels.size(1) == 1; }
}
