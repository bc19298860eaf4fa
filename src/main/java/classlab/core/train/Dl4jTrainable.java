package classlab.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A DL4J {@link MultiLayerNetwork} as a {@link Trainable}. Its data is either two ND4J matrices
 * ({@link Rows}: features {@code [N, F]}, labels {@code [N, K]}) or a {@link BatchSource} that
 * builds each mini-batch when it is trained on ({@link Sourced}: images kept as bytes, augmentation).
 */
public final class Dl4jTrainable implements Trainable<Dl4jTrainable.Data> {
    /** Training data in some row order. */
    public sealed interface Data permits Rows, Sourced {
        int rows();

        /** The rows in the given order. */
        Data reorder(int[] order);

        /** Features and labels of rows {@code [start, end)} in this order. */
        BatchSource.Batch slice(int start, int end);
    }

    /** Features and labels with the same number of rows; reordering gathers them once per epoch. */
    public record Rows(INDArray features, INDArray labels) implements Data {
        @Override public int rows() { return (int) features.size(0); }

        @Override public Data reorder(int[] order) {
            return new Rows(Nd4j.pullRows(features, 1, order), Nd4j.pullRows(labels, 1, order));
        }

        /** Row-interval views of the (shuffled) matrices: no data copy, no DataSet per iteration. */
        @Override public BatchSource.Batch slice(int start, int end) {
            if (start == 0 && end == rows()) return new BatchSource.Batch(features, labels);
            return new BatchSource.Batch(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    labels.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
        }
    }

    /**
     * A batch source read in the given row order (null = 0..N−1), each mini-batch converted (and
     * augmented with {@code augmentRng}, which may be null) only when it is trained on.
     */
    public record Sourced(BatchSource source, int[] order, Random augmentRng) implements Data {
        @Override public int rows() { return source.size(); }

        @Override public Data reorder(int[] newOrder) { return new Sourced(source, newOrder, augmentRng); }

        @Override public BatchSource.Batch slice(int start, int end) {
            int[] rows = new int[end - start];
            for (int i = 0; i < rows.length; i++) rows[i] = order == null ? start + i : order[start + i];
            return source.batch(rows, augmentRng);
        }

    }

    private final MultiLayerNetwork net;
    /**
     * The shuffled copies of {@link Rows} on this thread, one per shape and type, refilled in place
     * each epoch by every trainable of the thread (an epoch is trained to its end before another
     * begins, and {@link #release} lets the network drop the rows). A fresh pair of arrays per epoch
     * cost a tenth of the MLP benchmark's time: allocating and zeroing 6,000×784 floats before the
     * copy (JFR). Shared, the four networks of a regularization run hold one 25 MB copy instead of
     * four; {@link #releaseKept} frees them when the run ends.
     */
    private static final ThreadLocal<Map<String, Rows>> SHUFFLED = ThreadLocal.withInitial(HashMap::new);

    public Dl4jTrainable(MultiLayerNetwork net) {
        this.net = net;
    }

    @Override public int rows(Data data) { return data.rows(); }

    @Override public Data reorder(Data data, int[] order) {
        if (!(data instanceof Rows rows)) return data.reorder(order);
        String key = java.util.Arrays.toString(rows.features().shape()) + rows.features().dataType()
                + java.util.Arrays.toString(rows.labels().shape()) + rows.labels().dataType();
        Rows shuffled = SHUFFLED.get().get(key);
        if (shuffled == null) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                shuffled = new Rows(Nd4j.createUninitialized(rows.features().dataType(), rows.features().shape(), 'c'),
                        Nd4j.createUninitialized(rows.labels().dataType(), rows.labels().shape(), 'c'));
            }
            SHUFFLED.get().put(key, shuffled);
        }
        Nd4j.pullRows(rows.features(), shuffled.features(), 1, order);
        Nd4j.pullRows(rows.labels(), shuffled.labels(), 1, order);
        return shuffled;
    }

    @Override public double fitBatch(Data data, int start, int end) {
        BatchSource.Batch batch = data.slice(start, end);
        net.fit(batch.features(), batch.labels());
        double loss = net.score();
        // A batch built from a source (1.5 MB for 128 CIFAR images) is used once: free it now, not at
        // the next garbage collection, which may be minutes of batches away.
        if (data instanceof Sourced) forget(batch.features(), batch.labels());
        return loss;
    }

    /**
     * The network lets go of the epoch's rows. The shuffled copy of {@link Rows} itself is kept for the
     * next epoch's {@link #reorder} (one per shape on the thread, 18 MB for 6,000 MNIST images), so
     * memory does not grow with the epochs; a copy that is not a kept one is freed.
     */
    @Override public void release(Data reordered) {
        if (!(reordered instanceof Rows r)) return;
        if (SHUFFLED.get().values().stream().anyMatch(kept -> kept == r)) letGo();
        else forget(r.features(), r.labels());
    }

    /**
     * The run has ended: the network lets go of its rows and this thread's shuffled copies are freed
     * now (25 MB for 8,000 MNIST images), not when a collection finds them unreachable: the resident
     * size climbed from run to run until one did. A later epoch makes a new copy.
     */
    @Override public void releaseKept() {
        letGo();
        for (Rows r : SHUFFLED.get().values()) NdArrays.close(r.features(), r.labels());
        SHUFFLED.get().clear();
    }

    /**
     * Frees arrays this class made, after the network lets go of them (it keeps its last input and
     * labels until the next fit). ND4J frees a native buffer only when the collector finds its Java
     * handle unreachable, and these handles are small: without this the resident memory grew by
     * hundreds of MB per minute of training (bench/app-vs-run --repeat).
     */
    private void forget(INDArray features, INDArray labels) {
        letGo();
        NdArrays.close(features, labels);
    }

    /** The network drops its last input and labels (it keeps them until the next fit). */
    private void letGo() {
        net.setInput(null);
        net.setLabels(null);
        net.clearLayersStates();   // the layers' inputs are views of these arrays
    }

    @Override public void setLearningRate(double lr) { FlatGradientUpdater.setLearningRate(net, lr); }

    @Override public void epochEnded() { net.incrementEpochCount(); }

    @Override public boolean normalisesOverBatch() {
        return java.util.Arrays.stream(net.getLayers())
                .anyMatch(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization);
    }
}
