package classlab.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * MNIST as loaded from its four files: the official training and test splits, each with
 * 784 pixels per row in [0, 1] and class names "0".."9".
 *
 * @param files the four files read, in {@link MnistFiles#BASE_NAMES} order (to tell the user which were used)
 */
public record MnistData(LabeledData train, LabeledData test, List<Path> files) {
    public MnistData {
        files = List.copyOf(files);
    }
}
