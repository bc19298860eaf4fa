package classlab.core.scratch;

/**
 * max(0, x) element-wise; backward passes dout where x &gt; 0 and 0 elsewhere (notebook 003
 * {@code ReLULayer}, whose backward writes into {@code dout} in place; this one returns a new
 * array so the caller's gradient is not changed). Shapes {@code [N, D] → [N, D]}.
 */
public final class Relu implements Layer {
    private boolean[][] mask;   // true where x <= 0

    @Override public double[][] forward(double[][] x, boolean train) {
        mask = new boolean[x.length][];
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            mask[i] = new boolean[x[i].length];
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                mask[i][j] = x[i][j] <= 0;
                out[i][j] = mask[i][j] ? 0 : x[i][j];
            }
        }
        return out;
    }

    @Override public double[][] backward(double[][] dout) {
        double[][] dx = new double[dout.length][];
        for (int i = 0; i < dout.length; i++) {
            dx[i] = new double[dout[i].length];
            for (int j = 0; j < dout[i].length; j++) dx[i][j] = mask[i][j] ? 0 : dout[i][j];
        }
        return dx;
    }
}
