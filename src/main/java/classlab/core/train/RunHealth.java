package classlab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Notices a run that goes nowhere, by behaviour rather than by a loss value (the loss a saturated
 * network settles at depends on the loss function: about 5.6 with DL4J's clipped log, about 48-54
 * with PyTorch's BCELoss clamp of log at -100). A run is judged after each epoch from its training
 * loss, its training accuracy and, when known, its largest weight:
 * <ul>
 *   <li><b>exploded</b>: a weight's magnitude passed {@value #EXPLODED_WEIGHT} (initial weights are
 *       below 1; trained classifiers here stay below 100) and the accuracy is within
 *       {@value #CHANCE_MARGIN} of guessing;</li>
 *   <li><b>overshooting</b>: such a weight while the accuracy is still well above guessing (a huge
 *       step can keep which output is largest right, as SGD at lr 1e19 on 0-vs-1 keeps 0.99): not
 *       "going nowhere", but the learning rate is still far too large and the loss shows it;</li>
 *   <li><b>diverged</b>: for the last {@value #WINDOW} epochs the accuracy stayed within
 *       {@value #CHANCE_MARGIN} of what guessing gives and the loss stayed above {@value #WORSE}
 *       times its best before them (the learning rate threw the network out of the region where
 *       it was learning);</li>
 *   <li><b>saturated</b>: for the last {@value #WINDOW} epochs the accuracy stayed at guessing and
 *       the loss did not move at all (relative spread below {@value #FLAT}): the outputs are pinned
 *       at their limits and no gradient flows.</li>
 * </ul>
 * A loss that falls, however slowly, is never judged: full-batch SGD at the notebook's lr 0.001
 * stays near guessing for dozens of epochs while its loss falls by 0.1 % per epoch, and learns.
 * Each run is reported once, at the first epoch a verdict is reached; a run first told as overshooting
 * is told again when it later goes nowhere (trial 7: lr 1e6 on three classes overshot at epoch 1 with
 * accuracy 0.49, then fell to guessing while the loss rose to 6e14).
 */
public final class RunHealth {
    /** The kinds of runs that go nowhere; {@code run.<kind>} is the message key. */
    public enum Verdict { EXPLODED, OVERSHOOTING, DIVERGED, SATURATED }

    static final double EXPLODED_WEIGHT = 1e4;
    static final int WINDOW = 3;
    static final double CHANCE_MARGIN = 0.05;
    static final double WORSE = 2.0;
    static final double FLAT = 1e-7;

    private final double chanceAccuracy;
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();
    /** The verdict told so far, or null. */
    private Verdict reported;

    /**
     * @param chanceAccuracy the accuracy of guessing: 1/classes for balanced classes, the majority
     *                       class's share when one class dominates, in [0, 1]
     */
    public RunHealth(double chanceAccuracy) {
        if (!(chanceAccuracy >= 0 && chanceAccuracy <= 1)) throw new IllegalArgumentException("chance accuracy must be in [0, 1], got " + chanceAccuracy);
        this.chanceAccuracy = chanceAccuracy;
    }

    /**
     * Adds one epoch and returns the message for the user when this run has just been found going
     * nowhere (a deferred message {@code run.<verdict>|epoch|loss|best loss|accuracy|chance|weight}),
     * or null.
     *
     * @param largestWeight largest absolute weight, or NaN when not watched
     */
    public String afterEpoch(int epoch, double trainLoss, double trainAccuracy, double largestWeight) {
        losses.add(trainLoss);
        accuracies.add(trainAccuracy);
        if (reported != null && reported != Verdict.OVERSHOOTING) return null;
        Verdict v = verdict(largestWeight);
        if (v == null || v == reported) return null;
        reported = v;
        int n = losses.size();
        double best = n > WINDOW ? min(losses.subList(0, n - WINDOW)) : trainLoss;
        return String.join("|", "run." + v.name().toLowerCase(Locale.ROOT), Integer.toString(epoch), number(trainLoss),
                number(best), number(trainAccuracy), number(chanceAccuracy), number(largestWeight));
    }

    private Verdict verdict(double largestWeight) {
        int n = losses.size();
        if (Math.abs(largestWeight) > EXPLODED_WEIGHT) {
            return accuracies.get(n - 1) > chanceAccuracy + CHANCE_MARGIN ? Verdict.OVERSHOOTING : Verdict.EXPLODED;
        }
        if (n < WINDOW) return null;
        for (double a : accuracies.subList(n - WINDOW, n)) if (a > chanceAccuracy + CHANCE_MARGIN) return null;
        List<Double> recent = losses.subList(n - WINDOW, n);
        double low = min(recent);
        double high = -min(recent.stream().map(v -> -v).toList());
        if (n > WINDOW && low > WORSE * min(losses.subList(0, n - WINDOW))) return Verdict.DIVERGED;
        if (high - low <= FLAT * Math.abs(high)) return Verdict.SATURATED;
        return null;
    }

    private static double min(List<Double> values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) m = Math.min(m, v);
        return m;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, Math.abs(v) >= 1e4 ? "%.3g" : "%.4g", v);
    }
}
