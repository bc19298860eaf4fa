package classlab.core.lesson;

import classlab.core.model.NetSpec;
import classlab.core.train.Nd4jAccess;
import classlab.core.train.NdArrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link DigitClassifier} of a lesson: the network its last finished training produced. A lesson
 * calls {@link #trained} when a network has finished training; that network is no longer touched
 * by the trainer, so classifying from another thread is safe.
 */
public final class TrainedDigits implements DigitClassifier {
    private record Net(MultiLayerNetwork net, NetSpec.Output output, List<String> classes) {}

    private final List<String> defaultClasses;
    private volatile Net current;

    /** @param classes the labels shown before any training (the lesson's usual classes) */
    public TrainedDigits(List<String> classes) {
        this.defaultClasses = List.copyOf(classes);
    }

    /**
     * A network finished training on MNIST digits.
     *
     * @param output  its output convention: a sigmoid probability or a logit of class {@code classes[1]}
     *                (one column), or softmax probabilities (one column per class)
     * @param classes the label of each class, in output order
     */
    public void trained(MultiLayerNetwork net, NetSpec.Output output, List<String> classes) {
        current = new Net(net, output, List.copyOf(classes));
    }

    @Override public boolean isTrained() { return current != null; }

    @Override public List<String> classes() {
        Net n = current;
        return n == null ? defaultClasses : n.classes();
    }

    @Override public double[] probabilities(double[] image) {
        Net n = current;
        if (n == null) throw new IllegalStateException("no network has been trained yet");
        if (image.length != 784) throw new IllegalArgumentException("expected 784 pixels, got " + image.length);
        // While a run trains another network on the training thread: one ND4J user at a time (Nd4jAccess).
        double[] out = Nd4jAccess.get(() -> {
            INDArray x = Nd4j.create(image, new long[] {1, 784}, DataType.FLOAT);
            synchronized (n.net()) {
                INDArray y = n.net().output(x, false);
                INDArray dense = y.dup();
                double[] values = dense.data().asDouble();
                NdArrays.close(x, y, dense);
                return values;
            }
        });
        switch (n.output()) {
            case SIGMOID_BCE: return new double[] {1 - out[0], out[0]};
            case LOGIT_BCE: {
                double p = 1 / (1 + Math.exp(-out[0]));   // torch.sigmoid of the logit
                return new double[] {1 - p, p};
            }
            default: return out;
        }
    }
}
