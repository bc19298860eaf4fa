package classlab.core.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * {@code torch.optim.SGD(params, lr, momentum)} (dampening 0, not Nesterov): {@code v ← μ·v + g},
 * {@code θ ← θ − lr·v}, with {@code v} starting at 0 (PyTorch stores the first gradient as the buffer,
 * which is the same value). DL4J's {@code Nesterovs} is the Nesterov variant, hence this updater for
 * notebook 002 §5's {@code SGD(lr=0.01, momentum=0.9)}.
 */
public final class SgdMomentum extends LearningRateUpdater {
    private double momentum;

    /** For JSON deserialisation of network configurations. */
    public SgdMomentum() {
        this(0.01, 0.9);
    }

    /**
     * @param learningRate lr &gt; 0
     * @param momentum     μ in [0, 1)
     */
    public SgdMomentum(double learningRate, double momentum) {
        super(learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
    }

    public double getMomentum() { return momentum; }
    public void setMomentum(double m) { this.momentum = m; }

    @Override public long stateSize(long numParams) { return numParams; }

    @Override public GradientUpdater instantiate(INDArray viewArray, boolean initialize) {
        Updater u = new Updater(this);
        u.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initialize);
        return u;
    }

    @Override public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        Updater u = new Updater(this);
        u.setState(state, initialize);
        return u;
    }

    @Override public SgdMomentum clone() {
        return withScheduleCopied(new SgdMomentum(getLearningRate(), momentum));
    }

    @Override public boolean equals(Object o) {
        return o instanceof SgdMomentum s && sameLearningRate(s) && s.momentum == momentum;
    }

    @Override public int hashCode() { return 31 * learningRateHash() + Double.hashCode(momentum); }

    @Override public String toString() { return "SgdMomentum(lr=" + getLearningRate() + ", momentum=" + momentum + ")"; }

    /** Holds the velocity buffer {@code v} as a view of DL4J's updater state array. */
    private static final class Updater implements GradientUpdater<SgdMomentum> {
        private static final String V = "V";
        private final SgdMomentum config;
        private INDArray v;

        Updater(SgdMomentum config) { this.config = config; }

        @Override public SgdMomentum getConfig() { return config; }

        @Override public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray s = state.get(V);
            if (s == null) throw new IllegalStateException("SgdMomentum state has no velocity array '" + V + "'");
            v = s;
            if (initialize) v.assign(0);
        }

        @Override public Map<String, INDArray> getState() { return Map.of(V, v); }

        @Override public void setStateViewArray(INDArray view, long[] gradientShape, char order, boolean initialize) {
            if (initialize) view.assign(0);
            v = view.reshape(order, gradientShape);
        }

        /** Turns the gradient into the step DL4J subtracts: {@code lr·(μ·v + g)}, storing the new {@code v}. */
        @Override public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double lr = config.getLearningRate(iteration, epoch);
            v.muli(config.momentum).addi(gradient);
            gradient.assign(v).muli(lr);
        }
    }
}
