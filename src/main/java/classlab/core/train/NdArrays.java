package classlab.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Explicit release of ND4J arrays that the caller made and no longer needs. ND4J frees an array's
 * native buffer when the garbage collector finds its (small) Java handle unreachable; a training
 * thread that makes tens of MB of arrays per epoch outruns the collector, and the process's
 * resident memory grows far beyond its heap. Closing frees the buffer at once.
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
}
