package classlab.core.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Explicit release of ND4J arrays that the caller made and no longer needs. ND4J frees an array's
 * native buffer when the garbage collector finds its (small) Java handle unreachable; a training
 * thread that makes tens of MB of arrays per epoch outruns the collector, and the process's
 * resident memory grows far beyond its heap. Closing frees the buffer at once.
 *
 * <p>Also the element-wise operations with broadcasting that the training code uses instead of
 * ND4J's row/column-vector methods ({@code subColumnVector}, {@code muliRowVector}, ...). Those run
 * libnd4j's broadcast or scalar-along-dimension ops, which take their dimension list as a temporary
 * array that nothing references during the native call: a collection at that moment let ND4J's
 * deallocator free it under the running op (SIGSEGV in {@code DataBuffer::primary()}, seen twice on
 * 2026-11-30). libnd4j's {@code subtract}/{@code multiply} custom ops broadcast by shape and take only
 * the arrays given here, which the caller holds; they also skip the Java-side set-up of the
 * dimension list and its sub-array shapes, and write into an existing array.
 */
public final class NdArrays {
    private NdArrays() {}

    /**
     * Closes each array that owns its buffer: views, arrays in a workspace and nulls are left alone
     * (their memory belongs to another array or to the workspace). Use only on arrays nothing else
     * will read: ND4J refuses a closed array ("was released") and its buffer is gone.
     */
    public static void close(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) a.close();
        }
    }

    /**
     * {@code out = a − b} with NumPy broadcasting (for example {@code [N, K] − [N, 1]} or
     * {@code [N, K] − [1, K]}); {@code out} has the broadcast shape and may be {@code a}.
     *
     * @return out
     */
    public static INDArray subtract(INDArray a, INDArray b, INDArray out) {
        Nd4j.exec(new SubOp(new INDArray[] {a, b}, new INDArray[] {out}));
        return out;
    }

    /** {@code out = a · b} element-wise with NumPy broadcasting, as {@link #subtract}; {@code out} may be {@code a}. */
    public static INDArray multiply(INDArray a, INDArray b, INDArray out) {
        Nd4j.exec(new MulOp(new INDArray[] {a, b}, new INDArray[] {out}));
        return out;
    }

    /**
     * {@code Σ a·b} over all elements of two arrays of the same shape: one BLAS dot product when both are
     * contiguous row-major float or double arrays (no libnd4j op, no temporary array), else an
     * element-wise product and its sum.
     */
    public static double dot(INDArray a, INDArray b) {
        DataType type = a.dataType();
        if ((type == DataType.FLOAT || type == DataType.DOUBLE) && b.dataType() == type && a.equalShapes(b)
                && contiguous(a) && contiguous(b)) {
            return Nd4j.getBlasWrapper().dot(a.reshape(a.length()), b.reshape(b.length()));
        }
        return a.mul(b).sumNumber().doubleValue();
    }

    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1 && !a.isEmpty();
    }
}
