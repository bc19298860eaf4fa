package classlab.core.lesson;

/**
 * A runnable experiment of a lesson. Its label is the message key {@code experiment.<name>}.
 *
 * @param section the section (tab) whose figures it fills
 * @param isDefault the experiment that Run starts and that {@code snapshot} runs
 * @param unit what the counts it reports with {@code RunControl.progress} are: {@link #EPOCH} (passes over
 *             the training data) or {@link #STEP} (single optimizer steps, as notebook 003's optimizer
 *             race takes them); the progress line and the run list name it
 * @throws IllegalArgumentException for another unit
 */
public record Experiment(String name, String section, boolean isDefault, String unit) {
    public static final String EPOCH = "epoch";
    public static final String STEP = "step";

    public Experiment {
        if (!EPOCH.equals(unit) && !STEP.equals(unit)) throw new IllegalArgumentException("unit must be epoch or step, got " + unit);
    }

    /** An experiment that counts epochs. */
    public Experiment(String name, String section, boolean isDefault) {
        this(name, section, isDefault, EPOCH);
    }
}
