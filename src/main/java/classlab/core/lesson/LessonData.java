package classlab.core.lesson;

import classlab.core.UserException;
import classlab.core.data.LabeledData;

/**
 * The checks of settings against the data they meet, made when a run starts and before any
 * network is built: each throws a {@link UserException} that names the parameter, says what
 * was set and what the data holds, and what to set instead. (Batch size against BatchNorm is
 * checked by the trainer, which knows the network.)
 */
public final class LessonData {
    /** Message key of the training split's name. */
    public static final String TRAIN = "split.train";
    /** Message key of the test split's name. */
    public static final String TEST = "split.test";

    private LessonData() {}

    /**
     * The first {@code n} rows of a split (the notebooks' {@code Subset(ds, range(n))}).
     *
     * @param param    the parameter that set {@code n}
     * @param splitKey {@link #TRAIN} or {@link #TEST}
     * @throws UserException when the split has fewer than {@code n} rows
     */
    public static LabeledData head(LabeledData data, int n, String param, String splitKey) {
        if (n > data.size()) throw new UserException(param, "error.data.too_few_rows", param, n, splitKey, data.size());
        return data.head(n);
    }

    /**
     * Checks that every listed class has at least one row in {@code data}, the first rows of a
     * split chosen by {@code param}.
     *
     * @throws UserException naming the first absent class
     */
    public static void requireClasses(LabeledData data, String param, String splitKey, int... classes) {
        int[] counts = data.classCounts();
        for (int c : classes) {
            if (c < 0 || c >= counts.length || counts[c] == 0) {
                throw new UserException(param, "error.data.class_absent", param, data.size(), splitKey, c);
            }
        }
    }
}
