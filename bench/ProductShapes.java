import classlab.core.model.MatrixProducts;
import classlab.core.model.TorchAdam;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The matrix products and the Adam update of one training step of the benchmark's MLP (batch 256,
 * 784-256-128-64-10) and full-batch (1,254 x 784-32-1) workloads, timed one at a time on this thread:
 * DL4J M2.1's way (mmuli into a row-major result, weight gradients into the column-major gradient view,
 * OpenBLAS) against ClassLab's (MatrixProducts: row-major results, oneDNN for large products), and
 * libnd4j's fused adam_updater op against TorchAdam's update. Prints microseconds of CPU time per call
 * (median of 5 runs of N calls). bench/products runs it beside bench/torch_products.py (torch.mm and
 * torch.optim.Adam on the same shapes); see that script for the command line.
 */
public class ProductShapes {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        Nd4j.getRandom().setSeed(1);
        Nd4jCpu.Environment env = Nd4jCpu.Environment.getInstance();
        int[][] shapes = {{256, 784, 256}, {256, 256, 128}, {256, 128, 64}, {256, 64, 10}, {1254, 784, 32}, {1254, 32, 1}};
        System.out.println("product,batch,in,out,dl4j_us,classlab_us");
        for (int[] s : shapes) {
            int b = s[0], in = s[1], out = s[2];
            INDArray x = Nd4j.rand(DataType.FLOAT, b, in);
            INDArray w = Nd4j.rand(DataType.FLOAT, in, out).dup('f');       // DL4J's weight layout
            INDArray delta = Nd4j.rand(DataType.FLOAT, b, out);
            INDArray zC = Nd4j.createUninitialized(DataType.FLOAT, new long[] {b, out}, 'c');
            INDArray gradW = Nd4j.createUninitialized(DataType.FLOAT, new long[] {in, out}, 'f');
            INDArray epsF = Nd4j.createUninitialized(DataType.FLOAT, new long[] {in, b}, 'f');
            INDArray epsC = Nd4j.createUninitialized(DataType.FLOAT, new long[] {b, in}, 'c');
            String shape = b + "," + in + "," + out;
            env.setUseONEDNN(false);
            double fwdDl4j = time(() -> x.mmuli(w, zC));
            double gwDl4j = time(() -> Nd4j.gemm(x, delta, gradW, true, false, 1.0, 0.0));
            double epsDl4j = time(() -> w.mmuli(delta.transpose(), epsF));
            print("forward x.W", shape, fwdDl4j, time(() -> MatrixProducts.gemm(x, false, w, false, zC)));
            print("weight gradient x^T.delta", shape, gwDl4j, time(() -> MatrixProducts.gemm(x, true, delta, false, gradW)));
            print("input gradient delta.W^T", shape, epsDl4j, time(() -> MatrixProducts.gemm(delta, false, w, true, epsC)));
        }
        long n = 242_762;   // the MLP's parameters
        INDArray g0 = Nd4j.randn(DataType.FLOAT, 1, n).muli(0.01);
        INDArray g = g0.dup();
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        INDArray m = state.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).reshape(1, n);
        INDArray v = state.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n)).reshape(1, n);
        int[] t = {0};
        double copy = time(() -> g.assign(g0));
        double fused = time(() -> {
            g.assign(g0);
            Nd4j.exec(new AdamUpdater(g, v, m, 1e-3, 0.9, 0.999, 1e-8, t[0]++));
        }) - copy;
        GradientUpdater<?> torchAdam = new TorchAdam(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2 * n), true);
        double ours = time(() -> {
            g.assign(g0);
            torchAdam.applyUpdater(g, t[0]++, 0);
        }) - copy;
        print("adam update", "1," + n + ",1", fused, ours);
    }

    private static void print(String what, String shape, double dl4j, double classlab) {
        System.out.println(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f", what, shape, dl4j, classlab));
    }

    /** Median over 5 runs of CPU microseconds per call, after a warm-up. */
    private static double time(Runnable r) {
        for (int i = 0; i < 20; i++) r.run();
        double[] runs = new double[5];
        for (int k = 0; k < runs.length; k++) {
            int calls = 30;
            long c = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) r.run();
            runs[k] = (THREADS.getCurrentThreadCpuTime() - c) / 1e3 / calls;
        }
        java.util.Arrays.sort(runs);
        return runs[runs.length / 2];
    }
}
