package classlab.core.train.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.Arrays;

/**
 * What every loss of this package shares with DL4J's conventions: the score is the sum of
 * {@link #computeScoreArray} over the batch, divided by N when {@code average} (DL4J's output layer
 * asks for the sum and divides by N itself); the gradient is per example, summed by the network.
 */
abstract class SummedLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return summed(computeScoreArray(labels, preOutput, activationFn, mask), preOutput, average);
    }

    /** The score from a per-example score array: its sum, divided by N when {@code average}. */
    protected static double summed(INDArray scoreArray, INDArray preOutput, boolean average) {
        double sum = scoreArray.sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /** @throws IllegalArgumentException naming this loss when labels and outputs differ in shape */
    protected void checkSameShape(INDArray labels, INDArray preOutput) {
        if (!Arrays.equals(labels.shape(), preOutput.shape())) {
            throw new IllegalArgumentException(name() + ": labels " + Arrays.toString(labels.shape())
                    + " and outputs " + Arrays.toString(preOutput.shape()) + " differ in shape");
        }
    }

    /** Stateless losses are equal when their classes are; losses with settings override this. */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name() + "()";
    }
}
