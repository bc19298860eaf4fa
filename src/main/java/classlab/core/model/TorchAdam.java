package classlab.core.model;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * {@code torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps=1e-8)} (no weight decay, no AMSGrad), step
 * {@code t = 1, 2, …}: {@code m ← β₁·m + (1 − β₁)·g}, {@code v ← β₂·v + (1 − β₂)·g²},
 * {@code θ ← θ − (lr / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)}, with {@code m, v} starting at 0.
 *
 * <p>DL4J's {@code Adam} folds both bias corrections into the step size,
 * {@code θ ← θ − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε)}, which is PyTorch's rule with ε replaced by
 * {@code ε/√(1 − β₂ᵗ)}: 32× PyTorch's ε at the first step, 3× after 100 steps, the same only after
 * thousands. For parameters whose gradients are tiny (for example weights fed by inputs that are almost
 * always 0, such as MNIST's border pixels) that larger ε shrinks the first steps; this class keeps
 * PyTorch's placement so the notebooks' {@code optim.Adam} trains the same way.
 */
public final class TorchAdam extends LearningRateUpdater {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private double beta1;
    private double beta2;
    private double epsilon;

    /** For JSON deserialisation of network configurations: PyTorch's defaults, lr 1e-3. */
    public TorchAdam() {
        this(1e-3);
    }

    /** PyTorch's defaults with learning rate {@code lr}. */
    public TorchAdam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate lr &gt; 0
     * @param beta1        β₁ in [0, 1)
     * @param beta2        β₂ in [0, 1)
     * @param epsilon      ε &gt;= 0, added to the bias-corrected √v as PyTorch does
     * @throws IllegalArgumentException for a value outside these ranges
     */
    public TorchAdam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public double getBeta1() { return beta1; }
    public void setBeta1(double b) { this.beta1 = b; }
    public double getBeta2() { return beta2; }
    public void setBeta2(double b) { this.beta2 = b; }
    public double getEpsilon() { return epsilon; }
    public void setEpsilon(double e) { this.epsilon = e; }

    /** m and v, one value each per parameter. */
    @Override public long stateSize(long numParams) { return 2 * numParams; }

    /** {@code viewArray} holds m then v; the gradient has half its length (DL4J's own Adam halves the last dimension too). */
    @Override public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        Updater u = new Updater(this);
        long[] gradientShape = viewArray.shape().clone();
        gradientShape[gradientShape.length - 1] /= 2;
        u.setStateViewArray(viewArray, gradientShape, viewArray.ordering(), initialize);
        return u;
    }

    @Override public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        Updater u = new Updater(this);
        u.setState(state, initialize);
        return u;
    }

    @Override public TorchAdam clone() {
        return withScheduleCopied(new TorchAdam(getLearningRate(), beta1, beta2, epsilon));
    }

    @Override public boolean equals(Object o) {
        return o instanceof TorchAdam a && sameLearningRate(a) && a.beta1 == beta1 && a.beta2 == beta2 && a.epsilon == epsilon;
    }

    @Override public int hashCode() { return Objects.hash(learningRateHash(), beta1, beta2, epsilon); }

    @Override public String toString() {
        return "TorchAdam(lr=" + getLearningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon + ")";
    }

    /** Holds {@code m} and {@code v} as the two halves of DL4J's updater state array. */
    private static final class Updater implements GradientUpdater<TorchAdam> {
        private static final String M = "M";
        private static final String V = "V";
        private final TorchAdam config;
        private INDArray m;
        private INDArray v;
        private INDArray mVector;
        private INDArray vVector;

        Updater(TorchAdam config) { this.config = config; }

        @Override public TorchAdam getConfig() { return config; }

        @Override public void setState(Map<String, INDArray> state, boolean initialize) {
            m = state.get(M);
            v = state.get(V);
            if (m == null || v == null) throw new IllegalStateException("TorchAdam state needs arrays '" + M + "' and '" + V + "'");
            mVector = vector(m);
            vVector = vector(v);
            if (initialize) {
                m.assign(0);
                v.assign(0);
            }
        }

        @Override public Map<String, INDArray> getState() { return Map.of(M, m, V, v); }

        @Override public void setStateViewArray(INDArray view, long[] gradientShape, char order, boolean initialize) {
            if (initialize) view.assign(0);
            long n = view.length() / 2;
            INDArray flat = view.reshape(view.length());
            m = Shape.newShapeNoCopy(flat.get(NDArrayIndex.interval(0, n)), gradientShape, order == 'f');
            v = Shape.newShapeNoCopy(flat.get(NDArrayIndex.interval(n, 2 * n)), gradientShape, order == 'f');
            if (m == null || v == null) throw new IllegalStateException("TorchAdam could not view its state as " + java.util.Arrays.toString(gradientShape));
            mVector = vector(m);
            vVector = vector(v);
        }

        /**
         * Turns the gradient into the step DL4J subtracts, {@code lr/(1 − β₁ᵗ)·m / (√v/√(1 − β₂ᵗ) + ε)} with
         * {@code t = iteration + 1}, storing the new {@code m} and {@code v}. That step equals
         * {@code lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε·√(1 − β₂ᵗ))}, which is what ND4J's fused Adam op
         * computes when given {@code ε·√(1 − β₂ᵗ)} as its epsilon; the op does the work in one pass.
         */
        @Override public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double lr = config.getLearningRate(iteration, epoch);
            double epsilonT = config.epsilon * Math.sqrt(1 - Math.pow(config.beta2, iteration + 1));
            INDArray g = vector(gradient);
            if (g != null && mVector != null && vVector != null) {
                Nd4j.exec(new AdamUpdater(g, vVector, mVector, lr, config.beta1, config.beta2, epsilonT, iteration));
            } else {
                Nd4j.exec(new AdamUpdater(gradient, v, m, lr, config.beta1, config.beta2, epsilonT, iteration));
            }
        }

        /**
         * The same memory as a C-ordered vector, or null when {@code a} is not one contiguous run.
         * libnd4j's {@code adam_updater} takes its vectorised loop only when its six arrays have
         * element-wise stride 1 and the same ordering flag; otherwise it computes each element's
         * coordinates and offsets (DL4J's gradient blocks are 'f'-ordered [1, n] views, the state
         * 'c'), about 4 ns per element.
         */
        private static INDArray vector(INDArray a) {
            if (a.rank() == 1 && a.ordering() == 'c' && a.elementWiseStride() == 1) return a;
            INDArray vector = Shape.newShapeNoCopy(a, new long[] {a.length()}, false);
            return vector != null && vector.elementWiseStride() == 1 ? vector : null;
        }
    }
}
