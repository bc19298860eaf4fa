package classlab.core.model;

import java.lang.ref.Reference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
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
 *       and OpenBLAS's below, where oneDNN's per-call set-up costs more than it saves (batch 8, the MLP's
 *       layers of 128 and fewer outputs);</li>
 *   <li>below that size, OpenBLAS's {@code cblas_sgemm}/{@code cblas_dgemm} called directly on the arrays'
 *       memory, as ND4J's own BLAS wrapper ({@code CpuLevel3}) calls it, instead of through libnd4j's
 *       {@code matmul} op: the op's set-up (op object, native context, shape checks) cost several times
 *       the arithmetic of these products (256×64×10: 20 µs through the op, 10 µs direct).</li>
 * </ul>
 * The kernel is chosen per product with libnd4j's process-wide switch, put back afterwards; ND4J is
 * used by one thread at a time ({@code Nd4jAccess}). Without a oneDNN build the switch changes nothing.
 */
public final class MatrixProducts {
    /**
     * Below this many multiply-adds OpenBLAS's {@code cblas_sgemm}, called directly, was faster than libnd4j's
     * oneDNN matmul op (CPU µs per call, one thread, the MLP's shapes in all three layouts: 256×64×10 4–8 vs
     * 20–25; 256×128×64 45–59 vs 58–62); at 256×256×128 (8.4 million) they were even (172–192 vs 177–184).
     */
    static final long ONEDNN_MIN_MULTIPLY_ADDS = 4_000_000;

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
        if (!oneDnn && blasGemm(a, transposeA, b, transposeB, c)) return;
        Nd4jCpu.Environment env = Nd4jCpu.Environment.getInstance();
        boolean before = env.isUseONEDNN();
        if (before != oneDnn) env.setUseONEDNN(oneDnn);
        try {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        } finally {
            if (before != oneDnn) env.setUseONEDNN(before);
        }
    }

    /**
     * {@code out = Σ_i x[i, :]} (PyTorch's {@code x.sum(0)}, a bias gradient) for {@code x} {@code [N, n]},
     * into {@code out} ({@code [1, n]} or {@code [n]}). Computed as the product {@code 1ᵀ·x} with a kept row
     * of N ones: libnd4j's column reduction walks {@code x} one strided column at a time (256×256: 61 µs,
     * the product 13 µs).
     */
    public static INDArray columnSums(INDArray x, INDArray out) {
        INDArray out2d = out.rank() == 2 ? out : out.reshape(1, out.length());
        if (x.rank() == 2 && out2d.size(0) == 1 && out2d.size(1) == x.size(1)
                && blasGemm(ones(x.dataType(), x.size(0)), false, x, false, out2d)) {
            return out;
        }
        return x.sum(out, 0);
    }

    /** A row of {@code n} ones of the given type, kept per thread (ND4J is used by one thread at a time, {@code Nd4jAccess}). */
    private static INDArray ones(DataType type, long n) {
        INDArray kept = ONES.get();
        if (kept == null || kept.dataType() != type || kept.length() < n) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                kept = Nd4j.ones(type, 1, Math.max(n, kept == null ? 0 : kept.length()));
            }
            ONES.set(kept);
        }
        return kept.length() == n ? kept : kept.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).reshape(1, n);
    }

    private static final ThreadLocal<INDArray> ONES = new ThreadLocal<>();

    /**
     * {@code c = op(a)·op(b)} by OpenBLAS's {@code cblas_?gemm} on the arrays' memory (a view's buffer
     * starts at the view's first element, as ND4J's {@code CpuLevel3} relies on); false (nothing done)
     * when the arrays do not fit it: other types than float/double, mixed types, or a matrix without a
     * unit stride in one dimension.
     */
    private static boolean blasGemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        DataType type = c.dataType();
        if ((type != DataType.FLOAT && type != DataType.DOUBLE) || a.dataType() != type || b.dataType() != type
                || a.rank() != 2 || b.rank() != 2 || c.rank() != 2 || a.isEmpty() || b.isEmpty() || c.isEmpty()) {
            return false;
        }
        RowMajor ma = RowMajor.of(a, transposeA);
        RowMajor mb = RowMajor.of(b, transposeB);
        RowMajor mc = RowMajor.of(c, false);
        if (ma == null || mb == null || mc == null || mc.transposed) return false;
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        int ta = ma.transposed ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = mb.transposed ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        try {
            if (type == DataType.FLOAT) {
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, 1f,
                        (FloatPointer) a.data().addressPointer(), ma.ld,
                        (FloatPointer) b.data().addressPointer(), mb.ld, 0f,
                        (FloatPointer) c.data().addressPointer(), mc.ld);
            } else {
                openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, 1d,
                        (DoublePointer) a.data().addressPointer(), ma.ld,
                        (DoublePointer) b.data().addressPointer(), mb.ld, 0d,
                        (DoublePointer) c.data().addressPointer(), mc.ld);
            }
        } finally {
            // The native call reads raw addresses: keep the arrays (and so their buffers) alive through it.
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
        return true;
    }

    /**
     * How BLAS sees {@code op(x)}: a row-major matrix with leading dimension {@code ld}, transposed or not.
     * A column-major {@code x} is the row-major {@code xᵀ}, so its transpose flag flips.
     */
    private record RowMajor(boolean transposed, int ld) {
        /** Null when {@code x} has no unit stride in either dimension (or strides past int range). */
        static RowMajor of(INDArray x, boolean transpose) {
            long rows = x.size(0);
            long cols = x.size(1);
            long s0 = x.stride(0);
            long s1 = x.stride(1);
            if (s1 == 1 || cols == 1) {
                long ld = rows == 1 ? cols : s0;
                return ld >= Math.max(1, cols) && ld <= Integer.MAX_VALUE ? new RowMajor(transpose, (int) ld) : null;
            }
            if (s0 == 1 || rows == 1) {
                long ld = cols == 1 ? rows : s1;
                return ld >= Math.max(1, rows) && ld <= Integer.MAX_VALUE ? new RowMajor(!transpose, (int) ld) : null;
            }
            return null;
        }
    }
}
