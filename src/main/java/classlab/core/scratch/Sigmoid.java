package classlab.core.scratch;

/** σ(x) = 1 / (1 + e^(−x)) element-wise; backward dx = dout · (1 − σ) · σ (notebook 003 {@code SigmoidLayer}). Shapes {@code [N, D] → [N, D]}. */
public final class Sigmoid implements Layer {
    private double[][] out;

    @Override public double[][] forward(double[][] x, boolean train) {
        out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = 1.0 / (1.0 + Math.exp(-x[i][j]));
        }
        return out;
    }

    @Override public double[][] backward(double[][] dout) {
        double[][] dx = new double[dout.length][];
        for (int i = 0; i < dout.length; i++) {
            dx[i] = new double[dout[i].length];
            for (int j = 0; j < dout[i].length; j++) dx[i][j] = dout[i][j] * (1.0 - out[i][j]) * out[i][j];
        }
        return dx;
    }
}
