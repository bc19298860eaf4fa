package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * PyTorch's {@code ReduceLROnPlateau}: multiplies the rate by {@code factor} when the monitored
 * metric has not improved for more than {@code patience} epochs.
 *
 * <p>Per {@link #step(double)} (PyTorch 1.13 {@code step(metrics)}):
 * <ol>
 *   <li>improvement if, for mode min, {@code metric < best·(1 − threshold)} (rel) or
 *       {@code metric < best − threshold} (abs); for mode max, {@code metric > best·(1 + threshold)}
 *       or {@code metric > best + threshold}. An improvement sets best and clears the bad-epoch
 *       count, otherwise the count grows by one;</li>
 *   <li>during cooldown the count is forced to 0 and the cooldown counter decreases;</li>
 *   <li>if the count exceeds {@code patience}: {@code lr = max(lr·factor, minLr)} (skipped when
 *       the change would be below 1e-8), cooldown starts, the count is cleared.</li>
 * </ol>
 * The first metric is always an improvement (best starts at ±infinity).
 */
public final class ReduceLROnPlateau implements LrSchedule {
    /** Smallest change PyTorch applies to the learning rate ({@code eps=1e-8}). */
    private static final double EPS = 1e-8;

    /** Whether a smaller ({@link #MIN}) or larger ({@link #MAX}) metric is better. */
    public enum Mode { MIN, MAX }

    /** Whether {@code threshold} is relative to best ({@link #REL}) or an absolute margin ({@link #ABS}). */
    public enum ThresholdMode { REL, ABS }

    private final double lr0;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;

    private double lr;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;

    /** PyTorch defaults except the rate: mode min, factor 0.1, patience 10, threshold 1e-4 rel, no cooldown, minLr 0. */
    public ReduceLROnPlateau(double lr0) {
        this(lr0, Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0);
    }

    public ReduceLROnPlateau(double lr0, Mode mode, double factor, int patience, double threshold,
                             ThresholdMode thresholdMode, int cooldown, double minLr) {
        ScheduleSpec.requirePositive("lr0", lr0);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(threshold >= 0)) throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
        if (cooldown < 0) throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        if (!(minLr >= 0)) throw new IllegalArgumentException("min_lr must be >= 0, got " + minLr);
        this.lr0 = lr0;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
        this.cooldown = cooldown;
        this.minLr = minLr;
        reset();
    }

    /**
     * Records the metric of the epoch that just ended.
     *
     * @return the learning rate for the next epoch
     */
    public double step(double metric) {
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            double reduced = Math.max(lr * factor, minLr);
            if (lr - reduced > EPS) lr = reduced;
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        return lr;
    }

    /** Whether {@code metric} would count as an improvement over the best value so far. */
    public boolean isBetter(double metric) {
        if (mode == Mode.MIN) {
            return thresholdMode == ThresholdMode.REL ? metric < best * (1 - threshold) : metric < best - threshold;
        }
        return thresholdMode == ThresholdMode.REL ? metric > best * (1 + threshold) : metric > best + threshold;
    }

    /** The learning rate for the coming epoch. */
    public double currentLr() { return lr; }

    /** Best metric so far (±infinity before the first step). */
    public double best() { return best; }

    /** Epochs without improvement counted towards {@code patience}. */
    public int numBadEpochs() { return numBadEpochs; }

    /** Back to {@code lr0} with no history. */
    @Override public void reset() {
        lr = lr0;
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        numBadEpochs = 0;
        cooldownCounter = 0;
    }

    /** The current learning rate; the epoch argument is ignored (the rate depends on the metrics seen). */
    @Override public double lrAt(int epoch) { return lr; }

    /** Same as {@link #step(double)}. */
    @Override public void observe(double validationMetric) { step(validationMetric); }

    @Override public String name() { return "reduce_on_plateau"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        p.put("mode", mode.name().toLowerCase(Locale.ROOT));
        p.put("factor", factor);
        p.put("patience", patience);
        p.put("threshold", threshold);
        p.put("threshold_mode", thresholdMode.name().toLowerCase(Locale.ROOT));
        p.put("cooldown", cooldown);
        p.put("min_lr", minLr);
        return p;
    }

    public double getLr0() { return lr0; }

    public Mode getMode() { return mode; }

    public double getFactor() { return factor; }

    public int getPatience() { return patience; }

    public double getThreshold() { return threshold; }

    public ThresholdMode getThresholdMode() { return thresholdMode; }

    public int getCooldown() { return cooldown; }

    public double getMinLr() { return minLr; }
}
