package classlab.core.scratch;

import java.util.List;

/**
 * The six optimizers of notebook 003 (RMSProp and Adam completed from the notebook's TODOs), with
 * {@code torch.optim}'s hyper-parameter defaults. Each class documents its rule and where the
 * notebook's code differs.
 */
public final class Optimizers {
    /** Ids in the notebook's order. */
    public static final List<String> IDS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    private Optimizers() {}

    /**
     * @param id one of {@link #IDS}
     * @param lr learning rate, &gt; 0
     * @throws IllegalArgumentException for an unknown id or a learning rate that is not positive
     */
    public static Optimizer create(String id, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        return switch (id) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new Momentum(lr, 0.9, false);
            case "nesterov" -> new Momentum(lr, 0.9, true);
            case "adagrad" -> new AdaGrad(lr);
            case "rmsprop" -> new RmsProp(lr, 0.99);
            case "adam" -> new Adam(lr, 0.9, 0.999);
            default -> throw new IllegalArgumentException("unknown optimizer '" + id + "'; optimizers: " + String.join(", ", IDS));
        };
    }

    /** Shared bookkeeping: learning rate, state arrays of the initialised lengths. */
    abstract static class Base implements Optimizer {
        private final String id;
        private double lr;
        private int[] lengths;

        Base(String id, double lr) {
            this.id = id;
            this.lr = lr;
        }

        @Override public String id() { return id; }
        @Override public double learningRate() { return lr; }
        @Override public void setLearningRate(double lr) { this.lr = lr; }

        @Override public void init(int... lengths) {
            for (int n : lengths) if (n < 0) throw new IllegalArgumentException("negative parameter length " + n);
            this.lengths = lengths.clone();
            reset();
        }

        @Override public void reset() {
            if (lengths != null) allocate(lengths);
        }

        /** (Re)creates zeroed state for arrays of these lengths. */
        abstract void allocate(int[] lengths);

        void checkShapes(double[][] params, double[][] grads) {
            if (lengths == null) throw new IllegalStateException(id + ": init(...) was not called");
            if (params.length != lengths.length || grads.length != lengths.length) {
                throw new IllegalStateException(id + ": initialised for " + lengths.length + " arrays, got " + params.length);
            }
            for (int i = 0; i < lengths.length; i++) {
                if (params[i].length != lengths[i] || grads[i].length != lengths[i]) {
                    throw new IllegalStateException(id + ": array " + i + " has length " + params[i].length + ", initialised for " + lengths[i]);
                }
            }
        }

        static double[][] zeros(int[] lengths) {
            double[][] z = new double[lengths.length][];
            for (int i = 0; i < lengths.length; i++) z[i] = new double[lengths[i]];
            return z;
        }
    }

    /**
     * θ ← θ − lr·g ({@code torch.optim.SGD}). The notebook's {@code SGD.update} writes
     * {@code params[key] + self.learning_rate * grads[key]}: a sign slip that climbs the loss.
     */
    static final class Sgd extends Base {
        Sgd(double lr) { super("sgd", lr); }

        @Override void allocate(int[] lengths) {}

        @Override public void step(double[][] params, double[][] grads) {
            checkShapes(params, grads);
            for (int i = 0; i < params.length; i++) {
                for (int k = 0; k < params[i].length; k++) params[i][k] -= learningRate() * grads[i][k];
            }
        }
    }

    /**
     * Momentum and Nesterov in {@code torch.optim.SGD(momentum=μ, nesterov=…)} form: b ← μ·b + g;
     * θ ← θ − lr·b, or with Nesterov θ ← θ − lr·(g + μ·b). The notebook keeps the velocity in
     * parameter units, v ← μ·v − lr·g; θ ← θ + v (Nesterov: θ ← θ − μ·v_prev + (1 + μ)·v). With a
     * constant learning rate v = −lr·b and the paths are identical; they differ only when the
     * learning rate changes during training (PyTorch's velocity does not rescale).
     */
    static final class Momentum extends Base {
        private final double mu;
        private final boolean nesterov;
        private double[][] buf;

        Momentum(double lr, double mu, boolean nesterov) {
            super(nesterov ? "nesterov" : "momentum", lr);
            this.mu = mu;
            this.nesterov = nesterov;
        }

        @Override void allocate(int[] lengths) { buf = zeros(lengths); }

        @Override public void step(double[][] params, double[][] grads) {
            checkShapes(params, grads);
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i], g = grads[i], b = buf[i];
                for (int k = 0; k < p.length; k++) {
                    b[k] = mu * b[k] + g[k];
                    p[k] -= learningRate() * (nesterov ? g[k] + mu * b[k] : b[k]);
                }
            }
        }
    }

    /**
     * h ← h + g²; θ ← θ − lr·g / (√h + ε) with ε = 1e-10 ({@code torch.optim.Adagrad} defaults;
     * the notebook uses ε = 1e-7, the same rule).
     */
    static final class AdaGrad extends Base {
        private static final double EPS = 1e-10;
        private double[][] h;

        AdaGrad(double lr) { super("adagrad", lr); }

        @Override void allocate(int[] lengths) { h = zeros(lengths); }

        @Override public void step(double[][] params, double[][] grads) {
            checkShapes(params, grads);
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i], g = grads[i], s = h[i];
                for (int k = 0; k < p.length; k++) {
                    s[k] += g[k] * g[k];
                    p[k] -= learningRate() * g[k] / (Math.sqrt(s[k]) + EPS);
                }
            }
        }
    }

    /**
     * The notebook's TODO, as {@code torch.optim.RMSprop}: s ← α·s + (1 − α)·g²;
     * θ ← θ − lr·g / (√s + ε), α = 0.99, ε = 1e-8 ("Deep Learning from Scratch" uses decay 0.99
     * and ε = 1e-7 the same way). Unlike AdaGrad the sum forgets, so steps do not shrink forever.
     */
    static final class RmsProp extends Base {
        private static final double EPS = 1e-8;
        private final double alpha;
        private double[][] s;

        RmsProp(double lr, double alpha) {
            super("rmsprop", lr);
            this.alpha = alpha;
        }

        @Override void allocate(int[] lengths) { s = zeros(lengths); }

        @Override public void step(double[][] params, double[][] grads) {
            checkShapes(params, grads);
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i], g = grads[i], sq = s[i];
                for (int k = 0; k < p.length; k++) {
                    sq[k] = alpha * sq[k] + (1 - alpha) * g[k] * g[k];
                    p[k] -= learningRate() * g[k] / (Math.sqrt(sq[k]) + EPS);
                }
            }
        }
    }

    /**
     * The notebook's TODO, as {@code torch.optim.Adam}: m ← β₁·m + (1 − β₁)·g,
     * v ← β₂·v + (1 − β₂)·g², θ ← θ − lr·(m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε), β = (0.9, 0.999),
     * ε = 1e-8. (The book folds the bias corrections into the learning rate and adds ε to √v, which
     * differs from PyTorch by ε·√(1 − β₂ᵗ): negligible but not identical.)
     */
    static final class Adam extends Base {
        private static final double EPS = 1e-8;
        private final double beta1;
        private final double beta2;
        private double[][] m;
        private double[][] v;
        private int t;

        Adam(double lr, double beta1, double beta2) {
            super("adam", lr);
            this.beta1 = beta1;
            this.beta2 = beta2;
        }

        @Override void allocate(int[] lengths) {
            m = zeros(lengths);
            v = zeros(lengths);
            t = 0;
        }

        @Override public void step(double[][] params, double[][] grads) {
            checkShapes(params, grads);
            t++;
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i], g = grads[i], mi = m[i], vi = v[i];
                for (int k = 0; k < p.length; k++) {
                    mi[k] = beta1 * mi[k] + (1 - beta1) * g[k];
                    vi[k] = beta2 * vi[k] + (1 - beta2) * g[k] * g[k];
                    p[k] -= learningRate() / bc1 * mi[k] / (Math.sqrt(vi[k]) / Math.sqrt(bc2) + EPS);
                }
            }
        }
    }
}
