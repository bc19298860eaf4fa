package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The test JVM gets the app's native settings (NativeSettingsForTests), so ND4J runs every op through
 * GuardedOpExecutioner; broadcasts through it give libnd4j's results. (That the guard prevents the
 * crash cannot be shown by a test: it needs a collection at the moment of a native call.)
 */
class GuardedOpExecutionerTest {
    @Test
    void isNd4jsExecutionerAndNamedByItsConstant() {
        assertEquals(GuardedOpExecutioner.class.getName(), GuardedOpExecutioner.CLASS_NAME);
        assertInstanceOf(GuardedOpExecutioner.class, Nd4j.getExecutioner());
    }

    @Test
    void broadcastsGiveTheirResults() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray row = Nd4j.createFromArray(new float[][] {{10, 20, 30}});
        INDArray column = Nd4j.createFromArray(new float[][] {{2}, {-1}});
        assertEquals(Nd4j.createFromArray(new float[][] {{11, 22, 33}, {14, 25, 36}}), x.addRowVector(row));
        INDArray z = Nd4j.create(DataType.FLOAT, 2, 3);
        Nd4j.getExecutioner().exec(new BroadcastAddOp(x, row.reshape(3), z, 1));
        assertEquals(Nd4j.createFromArray(new float[][] {{11, 22, 33}, {14, 25, 36}}), z);
        Nd4j.exec(new BroadcastMulOp(x, column.reshape(2), z, 0));
        assertEquals(Nd4j.createFromArray(new float[][] {{2, 4, 6}, {-4, -5, -6}}), z);
    }
}
