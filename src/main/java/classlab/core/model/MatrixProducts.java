package classlab.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix products of {@link LinearLayer}, written the way libnd4j computes them fastest (measured
 * with one thread on the shapes of the benchmark's MLP and full-batch steps, README "Benchmark"):
 * <ul>
 *   <li>into a row-major ({@code 'c'}) result: libnd4j's oneDNN matrix product takes a row-major result
 *       directly and computed the full-batch products (1,254×784 by 784×32 and its weight gradient) in
 *       about half the time of a column-major one. A column-major result {@code C} (DL4J's weight
 *       gradients are column-major views of the flat gradient) is written as the row-major
 *       {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}, the same memory;</li>
 *   <li>with oneDNN's kernel for products of at least {@value #ONEDNN_MIN_MULTIPLY_ADDS} multiply-adds
 *       and OpenBLAS's below, where oneDNN's per-call set-up costs more than it saves (batch 8).</li>
 * </ul>
 * The kernel is chosen per product with libnd4j's process-wide switch, put back afterwards; ND4J is
 * used by one thread at a time ({@code Nd4jAccess}). Without a oneDNN build the switch changes nothing.
 */
public final class MatrixProducts {
    /** Below this many multiply-adds OpenBLAS's kernel was faster (8×64×64: 12 µs vs 17 µs; 256×64×10: 65 µs vs 24 µs). */
    static final long ONEDNN_MIN_MULTIPLY_ADDS = 150_000;

    private MatrixProducts() {}

    /**
     * {@code z = x·w + b} (PyTorch's {@code F.linear} with {@code W} stored as {@code [in, out]}) into
     * {@code z} ({@code [N, out]}, best row-major); {@code b} ({@code [1, out]}) may be null.
     */
    public static INDArray linear(INDArray x, INDArray w, INDArray b, INDArray z) {
        gemm(x, false, w, false, z);
        // libnd4j's biasadd custom op rather than addiRowVector: a broadcast op passes its dimension list
        // as a temporary array that nothing references during the native call, and a collection at that
        // moment let ND4J's deallocator free it under the op (SIGSEGV in DataBuffer::primary(), seen
        // twice in batch-8 runs on a loaded machine). A custom op passes only these arrays, all held here.
        if (b != null) Nd4j.exec(new BiasAdd(z, b.reshape(b.length()), z, false));
        return z;
    }

    /**
     * {@code c = op(a)·op(b)}, {@code op(x)} being {@code xᵀ} when its flag is set; {@code c} is
     * overwritten and must have the product's shape {@code [m, n]}, in either order.
     */
    public static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        if (c.ordering() == 'f' && c.rank() == 2) {
            INDArray cT = c.transpose();
            if (cT.ordering() == 'c') {
                gemm(b, !transposeB, a, !transposeA, cT);
                return;
            }
        }
        long inner = transposeA ? a.size(0) : a.size(1);
        boolean oneDnn = c.size(0) * c.size(1) * inner >= ONEDNN_MIN_MULTIPLY_ADDS;
        Nd4jCpu.Environment env = Nd4jCpu.Environment.getInstance();
        boolean before = env.isUseONEDNN();
        if (before != oneDnn) env.setUseONEDNN(oneDnn);
        try {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        } finally {
            if (before != oneDnn) env.setUseONEDNN(before);
        }
    }
}
