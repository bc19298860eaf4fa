package classlab.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Loads MNIST from a folder holding its four IDX files (see {@link MnistFiles}); no network access. */
public final class MnistLoader {
    /** Display names of the ten digit classes. */
    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private MnistLoader() {
    }

    /** The class names of MNIST: "0".."9". */
    public static String[] digitClassNames() {
        return DIGITS.clone();
    }

    /**
     * Loads the training and test splits from {@code dir}; the files used are in {@link MnistData#files()}.
     *
     * @throws DatasetUnavailableException if any of the four files is missing (the message lists them and {@code dir})
     * @throws DataFormatException         if a file is not valid IDX or train and test image sizes differ
     */
    public static MnistData load(Path dir) throws IOException, DataFormatException {
        List<String> missing = MnistFiles.missing(dir);
        if (!missing.isEmpty()) {
            throw new DatasetUnavailableException("data.mnist.files_missing", dir.toAbsolutePath(),
                    missing.stream().map(n -> n + MnistFiles.GZ).collect(Collectors.joining(", ")));
        }
        List<Path> files = MnistFiles.found(dir);
        Path trainImages = files.get(0);
        Path testImages = files.get(2);
        LabeledData train = IdxReader.readLabeled(trainImages, files.get(1), digitClassNames());
        LabeledData test = IdxReader.readLabeled(testImages, files.get(3), digitClassNames());
        if (train.size() > 0 && test.size() > 0 && train.featureCount() != test.featureCount()) {
            throw new DataFormatException("data.mnist.image_sizes", trainImages, testImages, train.featureCount(),
                    test.featureCount());
        }
        return new MnistData(train, test, files);
    }
}
