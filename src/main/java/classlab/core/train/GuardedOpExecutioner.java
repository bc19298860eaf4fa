package classlab.core.train;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J 1.0.0-M2.1's CPU op executioner with its broadcast ops kept safe from the collector. Its
 * {@code exec(BroadcastOp)} hands libnd4j the op's operands and its dimension list (an array the op
 * holds) and afterwards reads only the result array, so during the native call the op, its
 * dimension array and a temporary operand can be unreachable; a collection at that moment lets
 * ND4J's deallocator free their native buffers under the running op (SIGSEGV in
 * {@code sd::DataBuffer::primary()} under {@code execBroadcast}, seen twice on 2026-11-30 in batch-8
 * runs on a loaded machine). Here the op stays reachable until the native call has returned
 * ({@link Reference#reachabilityFence}). Every broadcast that goes through ND4J's executioner is
 * covered: ND4J's row/column-vector methods ({@code addiRowVector}, ...) and DL4J's own layers (its
 * output layer's bias, global pooling's backward pass, ...).
 *
 * <p>ND4J's other legacy ops read the op after the native call (reduce, scalar, transform ops return
 * {@code op.z()}) and custom ops read its argument lists, so they keep their arrays reachable already.
 * ND4J instantiates the executioner named by the system property {@value #PROPERTY} (it lets system
 * properties override its backend's properties); {@code classlab.app.NativeSettings} sets it to this
 * class before ND4J loads.
 */
public class GuardedOpExecutioner extends NativeOpExecutioner {
    /** ND4J's property naming its op executioner class. */
    public static final String PROPERTY = "opexec";
    /**
     * This class's name as a constant, so that the launcher can set {@value #PROPERTY} without loading
     * this class (and ND4J's classes with it) before the native settings are in place.
     */
    public static final String CLASS_NAME = "classlab.core.train.GuardedOpExecutioner";

    @Override
    public INDArray exec(BroadcastOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext oc) {
        try {
            return super.exec(op, oc);
        } finally {
            Reference.reachabilityFence(op);
        }
    }
}
