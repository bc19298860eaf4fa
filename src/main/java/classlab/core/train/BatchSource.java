package classlab.core.train;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data set whose rows become ND4J arrays one mini-batch at a time, for data too large to hold as floats
 * (CIFAR-10 kept as bytes) or transformed per batch (training-time augmentation). {@link Trainer#fitEpoch(BatchSource)}
 * asks for shuffled rows; evaluation asks for rows in order with no random generator.
 */
public interface BatchSource {
    /** Features {@code [B, F]} and labels {@code [B, K]} (one-hot) of one mini-batch. */
    record Batch(INDArray features, INDArray labels) {}

    /** Number of rows. */
    int size();

    /**
     * The given rows, in that order.
     *
     * @param rows       row indices in {@code 0..size-1}
     * @param augmentRng random source for training-time augmentation, or null for none (evaluation)
     */
    Batch batch(int[] rows, Random augmentRng);
}
