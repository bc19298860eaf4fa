package classlab.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A DL4J {@link MultiLayerNetwork} as a {@link Trainable}: features {@code [N, F]} and labels {@code [N, K]}. */
public final class Dl4jTrainable implements Trainable<Dl4jTrainable.Rows> {
    /** Features and labels with the same number of rows. */
    public record Rows(INDArray features, INDArray labels) {}

    private final MultiLayerNetwork net;

    public Dl4jTrainable(MultiLayerNetwork net) {
        this.net = net;
    }

    public MultiLayerNetwork net() { return net; }

    @Override public int rows(Rows data) { return (int) data.features().size(0); }

    @Override public Rows reorder(Rows data, int[] order) {
        return new Rows(Nd4j.pullRows(data.features(), 1, order), Nd4j.pullRows(data.labels(), 1, order));
    }

    @Override public double fitBatch(Rows data, int start, int end) {
        if (start == 0 && end == rows(data)) {
            net.fit(data.features(), data.labels());
        } else {
            // Row-interval views of the shuffled copy: no data copy, no DataSet per iteration.
            net.fit(data.features().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    data.labels().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
        }
        return net.score();
    }

    @Override public void setLearningRate(double lr) { net.setLearningRate(lr); }

    @Override public void epochEnded() { net.incrementEpochCount(); }
}
