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
     * Loads the training and test splits from {@code dir}.
     *
     * @throws DatasetUnavailableException if any of the four files is missing (the message lists them and {@code dir})
     * @throws DataFormatException         if a file is not valid IDX or train and test image sizes differ
     */
    public static MnistData load(Path dir) throws IOException, DataFormatException {
        List<String> missing = MnistFiles.missing(dir);
        if (!missing.isEmpty()) {
            throw new DatasetUnavailableException("MNIST files missing in " + dir.toAbsolutePath() + ": "
                    + missing.stream().map(n -> n + MnistFiles.GZ).collect(Collectors.joining(", "))
                    + " (looked for each name with and without .gz)");
        }
        Path trainImages = MnistFiles.find(dir, MnistFiles.TRAIN_IMAGES).orElseThrow();
        Path testImages = MnistFiles.find(dir, MnistFiles.TEST_IMAGES).orElseThrow();
        LabeledData train = IdxReader.readLabeled(trainImages,
                MnistFiles.find(dir, MnistFiles.TRAIN_LABELS).orElseThrow(), digitClassNames());
        LabeledData test = IdxReader.readLabeled(testImages,
                MnistFiles.find(dir, MnistFiles.TEST_LABELS).orElseThrow(), digitClassNames());
        if (train.size() > 0 && test.size() > 0 && train.featureCount() != test.featureCount()) {
            throw new DataFormatException(trainImages + " and " + testImages + " hold images of different sizes: "
                    + train.featureCount() + " vs " + test.featureCount() + " pixels");
        }
        return new MnistData(train, test);
    }
}
