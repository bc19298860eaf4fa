package classlab.core.scratch;

import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation over the rows of {@code [N, D]} activations, per feature (notebook 003
 * {@code BatchNormalization}, with PyTorch {@code nn.BatchNorm1d}'s conventions).
 *
 * <ul>
 *   <li>training forward: μ = mean over rows, σ² = biased variance, x̂ = (x − μ) / √(σ² + ε),
 *       out = γ·x̂ + β; running statistics move towards the batch's</li>
 *   <li>inference forward: x̂ uses the running mean and variance</li>
 *   <li>backward (training mode): the notebook's chain through xc = x − μ and std = √(σ² + ε):
 *       dγ = Σ dout·x̂, dβ = Σ dout, dxc = γ·dout/std + (2/N)·xc·dvar, dvar = −½ Σ γ·dout·xc / std³,
 *       dx = dxc − mean(dxc)</li>
 * </ul>
 *
 * <p>Where the notebook differs, this class follows PyTorch (tested against
 * {@code reference/batchnorm.json}): ε = 1e-5 (notebook 1e-7); {@code momentum} is the weight of
 * the new batch, running = (1 − momentum)·running + momentum·batch with 0.1 by default (the
 * notebook's momentum is the weight of the old value, 0.9 meaning the same); and the running
 * variance is updated with the unbiased batch variance (× N/(N − 1)), the normalisation uses the
 * biased one.
 */
public final class BatchNorm implements Layer {
    public static final double EPS = 1e-5;

    private final int d;
    private final double momentum;
    private final Param gamma;
    private final Param beta;
    private final double[] runningMean;
    private final double[] runningVar;
    private double[][] xc;
    private double[][] xn;
    private double[] std;

    /**
     * @param name     suffix of the parameter names ({@code gamma1}, {@code beta1})
     * @param features D, the number of features
     * @param momentum PyTorch's momentum, in (0, 1]
     */
    public BatchNorm(String name, int features, double momentum) {
        this.d = features;
        this.momentum = momentum;
        double[] ones = new double[features];
        Arrays.fill(ones, 1);
        this.gamma = Param.of("gamma" + name, ones);
        this.beta = Param.of("beta" + name, new double[features]);
        this.runningMean = new double[features];
        this.runningVar = ones.clone();
    }

    @Override public List<Param> params() { return List.of(gamma, beta); }

    public Param gamma() { return gamma; }
    public Param beta() { return beta; }
    /** Running mean {@code [D]} (a copy). */
    public double[] runningMean() { return runningMean.clone(); }
    /** Running variance {@code [D]} (a copy). */
    public double[] runningVar() { return runningVar.clone(); }

    @Override public double[][] forward(double[][] x, boolean train) {
        int n = x.length;
        double[] g = gamma.value(), b = beta.value();
        double[][] out = new double[n][d];
        if (!train) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) out[i][j] = g[j] * (x[i][j] - runningMean[j]) / Math.sqrt(runningVar[j] + EPS) + b[j];
            }
            return out;
        }
        if (n < 2) throw new IllegalArgumentException("BatchNorm in training mode needs at least 2 rows, got " + n);
        double[] mu = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) mu[j] += row[j];
        for (int j = 0; j < d; j++) mu[j] /= n;
        xc = new double[n][d];
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xc[i][j] = x[i][j] - mu[j];
                var[j] += xc[i][j] * xc[i][j];
            }
        }
        std = new double[d];
        for (int j = 0; j < d; j++) {
            var[j] /= n;
            std[j] = Math.sqrt(var[j] + EPS);
            runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mu[j];
            runningVar[j] = (1 - momentum) * runningVar[j] + momentum * var[j] * n / (n - 1);
        }
        xn = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xn[i][j] = xc[i][j] / std[j];
                out[i][j] = g[j] * xn[i][j] + b[j];
            }
        }
        return out;
    }

    @Override public double[][] backward(double[][] dout) {
        int n = dout.length;
        double[] g = gamma.value();
        double[] dgamma = gamma.grad(), dbeta = beta.grad();
        Arrays.fill(dgamma, 0);
        Arrays.fill(dbeta, 0);
        double[] dstd = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dgamma[j] += xn[i][j] * dout[i][j];
                dbeta[j] += dout[i][j];
                dstd[j] -= g[j] * dout[i][j] * xc[i][j] / (std[j] * std[j]);
            }
        }
        double[][] dxc = new double[n][d];
        double[] dmu = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double dvar = 0.5 * dstd[j] / std[j];
                dxc[i][j] = g[j] * dout[i][j] / std[j] + (2.0 / n) * xc[i][j] * dvar;
                dmu[j] += dxc[i][j];
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) dxc[i][j] -= dmu[j] / n;
        return dxc;
    }
}
