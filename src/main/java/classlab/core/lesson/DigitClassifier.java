package classlab.core.lesson;

import java.util.List;

/**
 * A lesson's trained MNIST network, offered for classifying a digit a student draws
 * ({@link LessonModel#digitClassifier()}). Thread-safe; call off the UI thread.
 */
public interface DigitClassifier {
    /** Whether a run has trained a network yet (before that {@link #probabilities} throws). */
    boolean isTrained();

    /** The class labels in output order, for example {@code 0 … 9} or {@code 0, 1}. */
    List<String> classes();

    /**
     * Class probabilities for one image.
     *
     * @param image 784 values in [0, 1], row-major 28×28, ink high (as {@code DigitPreprocessing.mnistInput} gives)
     * @return one probability per class, summing to 1
     * @throws IllegalStateException before a run has trained a network
     * @throws IllegalArgumentException if the image does not have 784 values
     */
    double[] probabilities(double[] image);
}
