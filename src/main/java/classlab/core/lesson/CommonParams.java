package classlab.core.lesson;

/**
 * The parameters most lessons share, defined once so that their names, ranges and labels
 * ({@code param.<key>} in {@code lessons/common_*.properties}) agree across lessons. Each lesson
 * chooses its default (the notebook's value).
 *
 * <p>Ranges: {@code seed} 0..2^31−1; {@code train_size} 100..60,000 (MNIST's training split) and
 * {@code test_size} 100..10,000 (its test split), the data actually present being checked when a
 * run starts ({@link LessonData#head}); {@code batch_size} 1..60,000 (with BatchNorm the trainer
 * refuses 1); {@code lr} 1e-6..1e20, so that a class can watch a run diverge.
 */
public final class CommonParams {
    private CommonParams() {}

    public static ParamSpec seed(int notebookDefault) {
        return ParamSpec.integer("seed", notebookDefault, 0, Integer.MAX_VALUE);
    }

    public static ParamSpec trainSize(int notebookDefault) {
        return ParamSpec.integer("train_size", notebookDefault, 100, 60000);
    }

    public static ParamSpec testSize(int notebookDefault) {
        return ParamSpec.integer("test_size", notebookDefault, 100, 10000);
    }

    public static ParamSpec batchSize(int notebookDefault) {
        return ParamSpec.integer("batch_size", notebookDefault, 1, 60000);
    }

    public static ParamSpec lr(double notebookDefault) {
        return ParamSpec.real("lr", notebookDefault, 1e-6, 1e20);
    }
}
