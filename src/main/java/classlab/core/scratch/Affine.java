package classlab.core.scratch;

import java.util.List;

/**
 * Fully connected layer, out = x · W + b (notebook 003 {@code FCLayer}; PyTorch's {@code nn.Linear}
 * stores W transposed, {@code [out, in]}, and computes x · Wᵀ + b: the same function).
 *
 * <ul>
 *   <li>forward: x {@code [N, in]} → out {@code [N, out]}</li>
 *   <li>backward: dx = dout · Wᵀ {@code [N, in]}, dW = xᵀ · dout {@code [in, out]}, db = Σ_rows dout {@code [out]}</li>
 * </ul>
 * Zero inputs are skipped in the products (MNIST pixels are mostly 0), which changes no result.
 */
public final class Affine implements Layer {
    private final int in;
    private final int out;
    private final Param w;
    private final Param b;
    private double[][] x;

    /**
     * @param name suffix of the parameter names ({@code "1"} → {@code w1}, {@code b1})
     * @param w    weights, row-major {@code [in, out]}, used (not copied) as the parameter
     * @param b    bias {@code [out]}, used (not copied)
     * @throws IllegalArgumentException if {@code w.length != in * out} or {@code b.length != out}
     */
    public Affine(String name, int in, int out, double[] w, double[] b) {
        if (w.length != in * out || b.length != out) {
            throw new IllegalArgumentException("Affine " + name + ": W must have " + in + "×" + out + " values and b " + out);
        }
        this.in = in;
        this.out = out;
        this.w = Param.of("w" + name, w);
        this.b = Param.of("b" + name, b);
    }

    public int in() { return in; }
    public int out() { return out; }
    public Param weight() { return w; }
    public Param bias() { return b; }

    @Override public List<Param> params() { return List.of(w, b); }

    @Override public double[][] forward(double[][] x, boolean train) {
        this.x = x;
        double[] wv = w.value();
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = b.value().clone();
            double[] xi = x[i];
            for (int k = 0; k < in; k++) {
                double xik = xi[k];
                if (xik == 0) continue;
                int base = k * out;
                for (int j = 0; j < out; j++) row[j] += xik * wv[base + j];
            }
            y[i] = row;
        }
        return y;
    }

    @Override public double[][] backward(double[][] dout) {
        return backward(dout, true);
    }

    /** Fills dW and db only: for the first layer, whose input gradient nobody uses (a third of its cost). */
    public void backwardParams(double[][] dout) {
        backward(dout, false);
    }

    private double[][] backward(double[][] dout, boolean inputGradient) {
        double[] wv = w.value();
        double[] dw = w.grad();
        double[] db = b.grad();
        java.util.Arrays.fill(dw, 0);
        java.util.Arrays.fill(db, 0);
        double[][] dx = inputGradient ? new double[dout.length][in] : null;
        for (int i = 0; i < dout.length; i++) {
            double[] d = dout[i];
            double[] xi = x[i];
            for (int j = 0; j < out; j++) db[j] += d[j];
            for (int k = 0; k < in; k++) {
                int base = k * out;
                if (inputGradient) {
                    double s = 0;
                    for (int j = 0; j < out; j++) s += d[j] * wv[base + j];
                    dx[i][k] = s;
                }
                double xik = xi[k];
                if (xik == 0) continue;
                for (int j = 0; j < out; j++) dw[base + j] += xik * d[j];
            }
        }
        return dx;
    }
}
