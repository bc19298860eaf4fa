package classlab.core.lesson.cifar;

import classlab.core.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Notebook 002 §4 on test predictions: the confusion matrix (rows = true class, columns = predicted,
 * sklearn's {@code confusion_matrix}), the most confused pairs, and the test images behind any cell.
 *
 * @param labels        true class per test image
 * @param predicted     predicted class (arg-max) per test image
 * @param probabilities softmax output per test image, {@code [N][K]}
 */
public record ErrorAnalysis(int[] labels, int[] predicted, double[][] probabilities) {
    /** One off-diagonal cell: {@code count} test images of class {@code trueClass} predicted as {@code predictedClass}. */
    public record Pair(int trueClass, int predictedClass, long count) {}

    public ErrorAnalysis {
        if (labels.length != predicted.length || labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels, " + predicted.length + " predictions, "
                    + probabilities.length + " probability rows");
        }
    }

    /** From softmax outputs: the prediction is the arg-max ({@code out.argmax(1)}). */
    public static ErrorAnalysis of(int[] labels, double[][] probabilities) {
        int[] pred = new int[labels.length];
        for (int i = 0; i < pred.length; i++) pred[i] = classlab.core.train.Trainer.argmax(probabilities[i]);
        return new ErrorAnalysis(labels, pred, probabilities);
    }

    public ConfusionMatrix confusion(int numClasses) {
        return ConfusionMatrix.of(labels, predicted, numClasses);
    }

    /**
     * The {@code k} largest off-diagonal cells with a count &gt; 0, largest first; ties keep row-major
     * order (the notebook's stable {@code sorted(pairs, key=count, reverse=True)[:3]}).
     */
    public List<Pair> topConfusedPairs(int numClasses, int k) {
        ConfusionMatrix cm = confusion(numClasses);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < numClasses; i++) {
            for (int j = 0; j < numClasses; j++) if (i != j && cm.count(i, j) > 0) pairs.add(new Pair(i, j, cm.count(i, j)));
        }
        pairs.sort(Comparator.comparingLong(Pair::count).reversed());
        return List.copyOf(pairs.subList(0, Math.min(k, pairs.size())));
    }

    /** Indices of the test images counted in cell {@code (trueClass, predictedClass)}, in test order. */
    public int[] cell(int trueClass, int predictedClass) {
        return java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] == trueClass && predicted[i] == predictedClass).toArray();
    }

    /** The first {@code n} images of a cell. */
    public int[] cell(int trueClass, int predictedClass, int n) {
        int[] all = cell(trueClass, predictedClass);
        return Arrays.copyOf(all, Math.min(n, all.length));
    }

    /** Fraction of correct predictions. */
    public double accuracy() {
        int ok = 0;
        for (int i = 0; i < labels.length; i++) if (labels[i] == predicted[i]) ok++;
        return labels.length == 0 ? Double.NaN : (double) ok / labels.length;
    }

    /** Mean cross-entropy {@code −ln p(true class)} (PyTorch's {@code CrossEntropyLoss}, mean reduction). */
    public double loss() {
        double s = 0;
        for (int i = 0; i < labels.length; i++) s -= Math.log(Math.max(probabilities[i][labels[i]], 1e-45));
        return labels.length == 0 ? Double.NaN : s / labels.length;
    }
}
