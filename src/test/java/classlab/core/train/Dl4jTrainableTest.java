package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Reordering rows refills one shuffled copy per trainable, each time in the order asked for. */
class Dl4jTrainableTest {

    @Test
    void eachReorderHoldsTheRequestedRowsAndReusesTheCopy() {
        var features = Nd4j.create(new double[][] {{0, 0.5}, {1, 1.5}, {2, 2.5}, {3, 3.5}}).castTo(DataType.FLOAT);
        var labels = Nd4j.create(new double[][] {{10}, {11}, {12}, {13}}).castTo(DataType.FLOAT);
        var rows = new Dl4jTrainable.Rows(features, labels);
        var trainable = new Dl4jTrainable(NetBuilder.build(
                NetSpec.mlp(2, List.of(3), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.SGD, 0.1, 1)));

        var first = (Dl4jTrainable.Rows) trainable.reorder(rows, new int[] {2, 0, 3, 1});
        assertArrayEquals(new double[] {2, 2.5, 0, 0.5, 3, 3.5, 1, 1.5}, first.features().dup().data().asDouble());
        assertArrayEquals(new double[] {12, 10, 13, 11}, first.labels().dup().data().asDouble());

        trainable.release(first); // end of the epoch: the copy is kept for the next one
        assertFalse(first.features().wasClosed());
        var second = (Dl4jTrainable.Rows) trainable.reorder(rows, new int[] {3, 2, 1, 0});
        assertSame(first.features(), second.features());
        assertArrayEquals(new double[] {3, 3.5, 2, 2.5, 1, 1.5, 0, 0.5}, second.features().dup().data().asDouble());
        assertArrayEquals(new double[] {13, 12, 11, 10}, second.labels().dup().data().asDouble());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}, features.dup().data().asDouble(), "source untouched");
    }
}
