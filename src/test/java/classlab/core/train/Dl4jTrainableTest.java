package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.model.NetBuilder;
import classlab.core.model.NetSpec;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Reordering rows refills one shuffled copy per thread and shape, each time in the order asked for; a run's end frees it. */
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
        trainable.releaseKept();
    }

    /**
     * The networks a run trains one after another (regularization's four) refill one copy, not one each,
     * and the run's end ({@link Dl4jTrainable#releaseKept}) frees it at once; a later epoch makes a new one.
     */
    @Test
    void trainablesOfOneThreadShareTheCopyUntilTheRunEnds() {
        var rows = new Dl4jTrainable.Rows(Nd4j.create(new float[][] {{0, 1}, {2, 3}, {4, 5}}), Nd4j.create(new float[][] {{1, 0}, {0, 1}, {1, 0}}));
        NetSpec spec = NetSpec.mlp(2, List.of(3), NetSpec.Output.SOFTMAX_CE, 2, NetSpec.Optimizer.SGD, 0.1, 1);
        var a = new Dl4jTrainable(NetBuilder.build(spec));
        var b = new Dl4jTrainable(NetBuilder.build(spec));

        var first = (Dl4jTrainable.Rows) a.reorder(rows, new int[] {1, 2, 0});
        a.release(first);
        var second = (Dl4jTrainable.Rows) b.reorder(rows, new int[] {2, 1, 0});
        assertSame(first.features(), second.features());
        assertArrayEquals(new double[] {4, 5, 2, 3, 0, 1}, second.features().dup().data().asDouble());
        b.release(second);

        b.releaseKept();
        assertTrue(first.features().wasClosed() && first.labels().wasClosed(), "the run's end frees the copy");
        var later = (Dl4jTrainable.Rows) a.reorder(rows, new int[] {0, 1, 2});
        assertNotSame(first.features(), later.features());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, later.features().dup().data().asDouble());
        a.releaseKept();
    }
}
