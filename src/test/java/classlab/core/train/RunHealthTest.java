package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sequences measured with {@code run pattern --experiment full_batch --data-dir ../shared/data/mnist-mini
 * --set lr=...} (metrics.csv): the 0-vs-1 training set, where guessing the majority class scores 0.5393.
 */
class RunHealthTest {
    private static final double CHANCE = 0.5393;

    /** Feeds epochs 1.. and returns the first message, or null. */
    private static String judge(double[] losses, double[] accuracies, double weight) {
        RunHealth health = new RunHealth(CHANCE);
        String first = null;
        for (int i = 0; i < losses.length; i++) {
            String m = health.afterEpoch(i + 1, losses[i], accuracies[i], weight);
            if (m != null) {
                assertNull(first, "said once");
                first = m;
            }
        }
        return first;
    }

    private static double[] repeat(double v, int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void lr1e6WithPyTorchLossDivergesByEpoch4() {
        double[] losses = {0.7172, 48.391, 48.391, 48.391, 48.391};
        String m = judge(losses, repeat(0.5161, 5), Double.NaN);
        assertTrue(m.startsWith("run.diverged|4|48.39|0.7172|0.5161|0.5393"), m);
    }

    /** DL4J's clipped loss saturated at about 5.6 from the first epoch: no better epoch to compare with. */
    @Test
    void aLossPinnedFromTheStartIsSaturatedByEpoch3() {
        String m = judge(repeat(5.6148, 5), repeat(0.5161, 5), Double.NaN);
        assertTrue(m.startsWith("run.saturated|3|5.615|"), m);
    }

    @Test
    void explodingWeightsAreSaidAtOnce() {
        String m = judge(new double[] {0.7172, 48.391}, new double[] {0.5161, 0.5161}, 5.74e4);
        assertTrue(m.startsWith("run.exploded|1|") && m.endsWith("|5.74e+04"), m);
    }

    /**
     * Trial 2 item 17: pattern/minibatch at lr 1e19 (run pattern --set lr=1e19 --epochs 3): a weight of
     * 8.48e17 after epoch 1 while test accuracy stays 0.995. Not "going nowhere": the lr is told as far
     * too large without contradicting the accuracy printed beside it.
     */
    @Test
    void hugeWeightsWithAccuracyWellAboveGuessingAreOvershootingNotGoingNowhere() {
        String m = judge(new double[] {37.43}, new double[] {0.9905}, 8.48e17);
        assertTrue(m.startsWith("run.overshooting|1|37.43|") && m.endsWith("|8.48e+17"), m);
        String en = classlab.core.Deferred.english(m);
        assertTrue(en.contains("far too large") && en.contains("0.9905") && !en.contains("going nowhere"), en);
    }

    /**
     * Trial 7 item 1: three classes (chance 1/3) at lr 1e6 overshot at epoch 1 with accuracy 0.49, then the accuracy fell
     * to guessing: told again as exploded, not left saying the accuracy holds. Overshooting itself is told once.
     */
    @Test
    void anOvershootingRunThatLaterGoesNowhereIsToldAgain() {
        RunHealth health = new RunHealth(1.0 / 3);
        assertTrue(health.afterEpoch(1, 1.118, 0.4916, 1.0e6).startsWith("run.overshooting|1|"));
        assertNull(health.afterEpoch(2, 5.0e3, 0.45, 3.0e7), "overshooting is said once");
        String m = health.afterEpoch(3, 6.0e14, 0.36, 1.0e9);
        assertTrue(m != null && m.startsWith("run.exploded|3|"), String.valueOf(m));
        assertNull(health.afterEpoch(4, 6.0e14, 0.34, 1.0e9), "a run that goes nowhere is told once");
    }

    /** The notebook's lr 0.001: guessing-level accuracy for 30 epochs while the loss falls 0.1 % per epoch. */
    @Test
    void aSlowButFallingLossIsNotJudged() {
        double[] losses = new double[30];
        double[] accuracies = new double[30];
        for (int i = 0; i < 30; i++) {
            losses[i] = 0.71716 - 0.000605 * i;
            accuracies[i] = 0.5304 + 0.0011 * i;
        }
        assertNull(judge(losses, accuracies, 0.3));
    }

    @Test
    void aRunThatLearnsIsNotJudged() {
        assertNull(judge(new double[] {0.69, 0.40, 0.20, 0.12, 0.12, 0.12}, new double[] {0.6, 0.9, 0.97, 0.99, 0.99, 0.99}, 2.0));
    }

    @Test
    void chanceMustBeAProbability() {
        assertEquals("chance accuracy must be in [0, 1], got 1.5",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RunHealth(1.5)).getMessage());
    }
}
