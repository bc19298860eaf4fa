package classlab.core.data;

/**
 * MNIST as loaded from its four files: the official training and test splits, each with
 * 784 pixels per row in [0, 1] and class names "0".."9".
 */
public record MnistData(LabeledData train, LabeledData test) {
}
