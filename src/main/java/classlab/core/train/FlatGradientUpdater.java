package classlab.core.train;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link MultiLayerUpdater} on its intended path. In DL4J 1.0.0-M2.1 the updater tells the
 * network's own gradient from an "external" one (computed elsewhere) by object identity of the
 * flattened array, but {@code DefaultGradient.gradient()} returns a new reshaped view on every call, so
 * every step takes the external path: the gradient is divided by the batch size through a fresh view,
 * and each updater block creates two views per parameter per step for the (absent) regularisation.
 * At batch 8 that was a fifth of the training thread's time (JFR, {@code deep_20_64x3_32_1_bn_b8}).
 * This subclass hands DL4J the gradient with the very array it compares against when the gradient
 * is the network's own, so it runs the standard path: the same arithmetic on views made once.
 *
 * <p>Install with {@link #install} before training; the updater state (Adam's moments) is kept.
 */
public final class FlatGradientUpdater extends MultiLayerUpdater {
    private final transient MultiLayerNetwork net;

    private FlatGradientUpdater(MultiLayerNetwork net, INDArray state) {
        super(net, state);
        this.net = net;
    }

    /** Makes {@code net} use this updater, keeping its updater state; does nothing if it already does. */
    public static void install(MultiLayerNetwork net) {
        if (net.getUpdater() instanceof FlatGradientUpdater) return;
        net.setUpdater(new FlatGradientUpdater(net, net.getUpdater().getStateViewArray()));
    }

    @Override
    public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize, LayerWorkspaceMgr workspaceMgr) {
        super.update(isOwnGradient(net, gradient) ? new SameArray(gradient, net.getFlattenedGradients()) : gradient,
                iteration, epoch, batchSize, workspaceMgr);
    }

    /**
     * Sets the learning rate of every layer to {@code lr} as DL4J's {@code net.setLearningRate(lr)} does
     * (each {@code BaseLayer}'s updater configuration that has a learning rate; a schedule set there is
     * dropped), keeping this updater and its state. DL4J's method then replaces the network's updater by
     * a plain {@link MultiLayerUpdater} and copies its state into a new array, on every call: the schedules
     * lesson sets the rate every epoch (with {@code lr_per_iteration}, every mini-batch), so from its second
     * epoch on every step left this class's path (JFR of {@code run schedules}: the regularisation views
     * of that path were the largest allocation site of the training thread). Each updater
     * block's {@code GradientUpdater} reads the learning rate from its layer's configuration object at every
     * step, so the new rate is in force at the next step. Where a block's updater holds a configuration
     * that is not its layer's (an updater of another kind), DL4J's method is used and this updater installed again.
     *
     * @param lr learning rate, &gt; 0
     */
    public static void setLearningRate(MultiLayerNetwork net, double lr) {
        for (Layer layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer config && config.getIUpdater() != null && config.getIUpdater().hasLearningRate()) {
                config.getIUpdater().setLrAndSchedule(lr, null);
            }
        }
        if (!readsLayerConfigurations(net)) {
            net.setLearningRate(lr);
            install(net);
        }
    }

    /** Whether every updater block's GradientUpdater holds its first parameter's layer configuration itself. */
    private static boolean readsLayerConfigurations(MultiLayerNetwork net) {
        if (!(net.getUpdater() instanceof FlatGradientUpdater updater)) return false;
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            UpdaterBlock.ParamState first = block.getLayersAndVariablesInBlock().get(0);
            if (block.getGradientUpdater().getConfig() != first.getLayer().getConfig().getUpdaterByParam(first.getParamName())) return false;
        }
        return true;
    }

    /** Whether {@code gradient} is (a view of) the network's own flattened gradient array. */
    static boolean isOwnGradient(MultiLayerNetwork net, Gradient gradient) {
        INDArray own = net.getFlattenedGradients();
        INDArray given = gradient.gradient();
        return own != null && given != null && given.length() == own.length() && address(given) == address(own);
    }

    /** Native address of an array's first element (a reshaped view has its own buffer object on the same memory). */
    private static long address(INDArray a) {
        return a.data().addressPointer().address() + a.offset() * a.data().getElementSize();
    }

    @Override public FlatGradientUpdater clone() {
        return new FlatGradientUpdater(net, null);
    }

    /** The network's gradient, answering {@link #gradient()} with the network's flattened array itself. */
    private record SameArray(Gradient delegate, INDArray flat) implements Gradient {
        @Override public Map<String, INDArray> gradientForVariable() { return delegate.gradientForVariable(); }

        @Override public INDArray gradient(List<String> order) { return delegate.gradient(order); }

        @Override public INDArray gradient() { return flat; }

        @Override public void clear() { delegate.clear(); }

        @Override public INDArray getGradientFor(String variable) { return delegate.getGradientFor(variable); }

        @Override public INDArray setGradientFor(String variable, INDArray gradient) { return delegate.setGradientFor(variable, gradient); }

        @Override public INDArray setGradientFor(String variable, INDArray gradient, Character order) {
            return delegate.setGradientFor(variable, gradient, order);
        }

        @Override public Character flatteningOrderForVariable(String variable) { return delegate.flatteningOrderForVariable(variable); }
    }
}
